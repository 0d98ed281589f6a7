import type { Logger } from '../../platform/logger';
import type { PubSub } from '../../platform/pubsub/pubsub';
import { BOOKING_STATUS_CHANNEL, type BookingStatusChanged } from '../bookings/bookings.service';
import type { MessageFeed } from '../messages/message-feed';
import { previewOf } from '../messages/message-views';
import {
  NOTIFICATION_CREATED_CHANNEL,
  type NotificationCreated,
} from '../notifications/notification-created';
import { DISCONNECT_USER_CHANNEL, type DisconnectUser } from './disconnect-user';
import { bookingRoom, userRoom, type RealtimeServer } from './socket-types';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/**
 * What reaches sockets from elsewhere. Bus messages arrive in every API process, so each emits
 * them to its own sockets only (`io.local`), or a client would get one copy per process. The
 * messages feed is this process's own: it broadcasts through the adapter to all processes.
 * Returns the function that stops all of it.
 */
export const relayToSockets = async ({
  io,
  pubsub,
  feed,
  logger,
}: {
  io: RealtimeServer;
  pubsub: PubSub;
  feed: MessageFeed;
  logger: Logger;
}): Promise<() => Promise<void>> => {
  const stopFeed = feed.subscribe((event) => {
    if (event.kind === 'read') {
      io.to(bookingRoom(event.receipt.bookingId)).emit('message-read', event.receipt);
      return;
    }
    const { message, originSocketId } = event;
    // The sending socket has it in its acknowledgement; the sender's other tabs still hear it.
    const room = io.to(bookingRoom(message.bookingId));
    (originSocketId ? room.except(originSocketId) : room).emit('new-message', message);
    // The receiver's sockets in the chat have just had the message itself: the notification is
    // for their other screens (badges, conversation list), and one frame less per message.
    io.to(userRoom(message.receiverId))
      .except(bookingRoom(message.bookingId))
      .emit('message-notification', {
        messageId: message.id,
        bookingId: message.bookingId,
        senderId: message.senderId,
        type: message.type,
        preview: previewOf(message),
        createdAt: message.createdAt,
      });
  });

  const unsubscribers = await Promise.all([
    pubsub.subscribe(BOOKING_STATUS_CHANNEL, (raw) => {
      if (!isObject(raw) || typeof raw.bookingId !== 'string') return;
      const event = raw as BookingStatusChanged;
      io.local
        .to([
          bookingRoom(event.bookingId),
          userRoom(event.customerId),
          userRoom(event.providerUserId),
        ])
        .emit('booking-status-changed', {
          bookingId: event.bookingId,
          from: event.from,
          status: event.to,
          timestamp: event.at,
        });
    }),
    pubsub.subscribe(NOTIFICATION_CREATED_CHANNEL, (raw) => {
      if (!isObject(raw) || typeof raw.userId !== 'string') return;
      const { userId, notification, unreadCount } = raw as NotificationCreated;
      io.local.to(userRoom(userId)).emit('notification', {
        notification,
        unreadCount: Number(unreadCount) || 0,
      });
    }),
    pubsub.subscribe(DISCONNECT_USER_CHANNEL, (raw) => {
      if (!isObject(raw) || typeof raw.userId !== 'string') return;
      const { userId } = raw as DisconnectUser;
      logger.info({ userId }, 'disconnecting a user’s sockets');
      io.local.in(userRoom(userId)).disconnectSockets(true);
    }),
  ]);

  return async () => {
    stopFeed();
    await Promise.all(unsubscribers.map((unsubscribe) => unsubscribe().catch(() => undefined)));
  };
};
