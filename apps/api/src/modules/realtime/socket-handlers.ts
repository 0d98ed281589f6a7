import { ZSendMessageRequest } from '@localkart/contracts/messages';
import {
  ZJoinBookingEvent,
  ZMessageReadEvent,
  ZPresenceQuery,
  ZTypingEvent,
  type TPresence,
} from '@localkart/contracts/realtime';
import { AppError, ErrorCode } from '../../platform/errors';
import type { RateCounter } from '../../platform/http/rate-limit-counters';
import type { Logger } from '../../platform/logger';
import type { MessagesService } from '../messages/messages.service';
import type { Presence } from './presence';
import { answer } from './socket-acks';
import { bookingRoom, userRoom, type RealtimeServer, type RealtimeSocket } from './socket-types';

/** Per socket: at most this many messages in each window. */
export const SOCKET_MESSAGES_PER_WINDOW = 20;
export const SOCKET_MESSAGE_WINDOW_MS = 10_000;

const tooFast = () =>
  new AppError(ErrorCode.RATE_LIMIT_EXCEEDED, 'Too many messages, please slow down', {
    limit: SOCKET_MESSAGES_PER_WINDOW,
    windowSeconds: SOCKET_MESSAGE_WINDOW_MS / 1000,
  });

/**
 * One socket's events. Everything that changes data goes through the messages service (the
 * same path as REST), which broadcasts what it stored; the handlers only check, join rooms and
 * relay ephemeral signals (typing, presence). The client's `booking-update` is deliberately not
 * handled: booking states change only through the REST API, which announces them.
 */
export const handleSocket = ({
  io,
  socket,
  messages,
  presence,
  messageCounter,
  logger,
}: {
  io: RealtimeServer;
  socket: RealtimeSocket;
  messages: MessagesService;
  presence: Presence;
  messageCounter: RateCounter;
  logger: Logger;
}) => {
  const { user } = socket.data;
  const log = logger.child({ socketId: socket.id, userId: user.userId });
  void socket.join(userRoom(user.userId));

  const presenceOf = async (userId: string): Promise<TPresence> => {
    const online = await presence.isOnline(userId);
    const lastSeen = online ? null : await presence.lastSeen(userId);
    return { userId, online, lastSeenAt: lastSeen?.toISOString() ?? null };
  };

  socket.on('join-booking', (payload, ack) =>
    answer(log, ack, async () => {
      const { bookingId } = ZJoinBookingEvent.parse(payload);
      // 404 for anyone but the parties and admins, as on REST.
      await messages.participantsOf(user, bookingId);
      await socket.join(bookingRoom(bookingId));
      socket
        .to(bookingRoom(bookingId))
        .emit('presence', { userId: user.userId, online: true, lastSeenAt: null });
      return { bookingId };
    }),
  );

  socket.on('leave-booking', (payload, ack) =>
    answer(log, ack, async () => {
      const { bookingId } = ZJoinBookingEvent.parse(payload);
      await socket.leave(bookingRoom(bookingId));
      return { bookingId };
    }),
  );

  socket.on('send-message', (payload, ack) =>
    answer(log, ack, async () => {
      const request = ZSendMessageRequest.parse(payload);
      const counted = await messageCounter.increment(socket.id);
      if (counted.hits > SOCKET_MESSAGES_PER_WINDOW) throw tooFast();
      return (await messages.sendMessage(user, request, undefined, socket.id)).message;
    }),
  );

  socket.on('message-read', (payload, ack) =>
    answer(log, ack, async () => {
      const { messageId } = ZMessageReadEvent.parse(payload);
      return messages.markRead(user, messageId);
    }),
  );

  socket.on('typing', (payload) => {
    const parsed = ZTypingEvent.safeParse(payload);
    if (!parsed.success || !socket.rooms.has(bookingRoom(parsed.data.bookingId))) return;
    const { bookingId, isTyping } = parsed.data;
    socket.to(bookingRoom(bookingId)).emit('typing', { bookingId, userId: user.userId, isTyping });
  });

  socket.on('presence', (payload, ack) =>
    answer(log, ack, async () => {
      const { bookingId } = ZPresenceQuery.parse(payload);
      const { customerId, providerUserId } = await messages.participantsOf(user, bookingId);
      return Promise.all([customerId, providerUserId].map(presenceOf));
    }),
  );

  // Rooms are still known while disconnecting; gone by `disconnect`.
  socket.on('disconnecting', () => {
    const rooms = [...socket.rooms].filter((room) => room.startsWith('booking:'));
    void presence
      .disconnected(user.userId, socket.id)
      .then((wasLast) => {
        if (!wasLast || rooms.length === 0) return;
        io.to(rooms).emit('presence', {
          userId: user.userId,
          online: false,
          lastSeenAt: new Date().toISOString(),
        });
      })
      .catch((error: unknown) => log.warn({ err: error }, 'presence not updated'));
  });

  void presence
    .connected(user.userId, socket.id)
    .catch((error: unknown) => log.warn({ err: error }, 'presence not updated'));
};
