import { useEffect, useRef, useState } from 'react';
import type { TMessage } from '@localkart/contracts/messages';
import type { TSocketAck } from '@localkart/contracts/realtime';
import { api } from '../../api/api';
import { useAppDispatch, useSession } from '../../app/store';
import { newKey } from '../../lib/idempotency';
import { useLiveSocket } from '../realtime/live-socket-context';

/** How long "typing…" stays without a fresh signal. */
const TYPING_TTL_MS = 4_000;

/**
 * A booking's chat: the stored messages, then live ones from the booking's socket room; sends
 * over the socket with an acknowledgement (REST when the socket is down), each with a `clientId`
 * so a retried send is stored once.
 */
export const useChat = (bookingId: string) => {
  const dispatch = useAppDispatch();
  const socket = useLiveSocket();
  const { user } = useSession();
  const query = api.useMessagesQuery(bookingId);
  const [sendRest] = api.useSendMessageMutation();
  const [otherTyping, setOtherTyping] = useState(false);
  const typingTimer = useRef<ReturnType<typeof setTimeout>>(undefined);

  const add = (message: TMessage) =>
    dispatch(
      api.util.updateQueryData('messages', bookingId, (page) => {
        if (!page.messages.some((known) => known.id === message.id)) page.messages.unshift(message);
      }),
    );

  useEffect(() => {
    if (!socket) return;
    const join = () => socket.emit('join-booking', { bookingId }, () => undefined);
    const onMessage = (message: TMessage) => {
      if (message.bookingId !== bookingId) return;
      dispatch(
        api.util.updateQueryData('messages', bookingId, (page) => {
          if (!page.messages.some((known) => known.id === message.id))
            page.messages.unshift(message);
        }),
      );
      setOtherTyping(false);
    };
    const onTyping = (event: { bookingId: string; userId: string; isTyping: boolean }) => {
      if (event.bookingId !== bookingId || event.userId === user?.id) return;
      setOtherTyping(event.isTyping);
      clearTimeout(typingTimer.current);
      if (event.isTyping)
        typingTimer.current = setTimeout(() => setOtherTyping(false), TYPING_TTL_MS);
    };
    const onRead = (receipt: { bookingId: string; messageIds: string[]; readAt: string }) => {
      if (receipt.bookingId !== bookingId) return;
      dispatch(
        api.util.updateQueryData('messages', bookingId, (page) => {
          for (const message of page.messages)
            if (receipt.messageIds.includes(message.id)) {
              message.isRead = true;
              message.readAt = receipt.readAt;
            }
        }),
      );
    };
    // Rooms are per connection: join again after every reconnect.
    socket.on('connect', join);
    if (socket.connected) join();
    socket.on('new-message', onMessage);
    socket.on('typing', onTyping);
    socket.on('message-read', onRead);
    return () => {
      socket.emit('leave-booking', { bookingId }, () => undefined);
      socket.off('connect', join);
      socket.off('new-message', onMessage);
      socket.off('typing', onTyping);
      socket.off('message-read', onRead);
      clearTimeout(typingTimer.current);
    };
  }, [socket, bookingId, dispatch, user?.id]);

  // Reading the chat marks what the other party sent as read (once per newest unread message).
  const messages = query.data?.messages;
  const newestUnread = messages?.find(
    (message) => !message.isRead && message.receiverId === user?.id,
  );
  const [markRead] = api.useMarkMessageReadMutation();
  useEffect(() => {
    if (newestUnread) void markRead(newestUnread.id);
  }, [newestUnread, markRead]);

  const sendText = async (content: string) => {
    const clientId = newKey();
    if (socket?.connected) {
      const answer = await new Promise<TSocketAck<TMessage> | undefined>((resolve) => {
        socket
          .timeout(10_000)
          .emit('send-message', { bookingId, type: 'text', content, clientId }, (error, ack) =>
            resolve(error ? undefined : ack),
          );
      });
      if (answer?.success) {
        add(answer.data);
        return true;
      }
    }
    const result = await sendRest({ bookingId, type: 'text', content, clientId });
    if (result.data) add(result.data);
    return !result.error;
  };

  const sendImage = async (file: File, caption: string) => {
    const result = await sendRest({
      bookingId,
      type: 'image',
      content: caption,
      clientId: newKey(),
      attachment: file,
    });
    if (result.data) add(result.data);
    return !result.error;
  };

  const typing = (isTyping: boolean) => socket?.emit('typing', { bookingId, isTyping });

  return { query, otherTyping, sendText, sendImage, typing };
};
