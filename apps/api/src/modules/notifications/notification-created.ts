import type { TNotification } from '@localkart/contracts/notifications';

/**
 * Published after a notification is stored; the realtime module forwards it to the user's
 * sockets as the event `notification`. Every API process hears it (Redis), each forwards to the
 * sockets it holds.
 */
export const NOTIFICATION_CREATED_CHANNEL = 'notifications.created';

export type NotificationCreated = {
  userId: string;
  notification: TNotification;
  /** The user's unread count including this one, for the badge. */
  unreadCount: number;
};
