import type {
  TNotification,
  TNotificationsMeta,
  TNotificationsQuery,
  TReadAllResult,
} from '@localkart/contracts/notifications';
import type { Db } from '../../db/client';
import { AppError, ErrorCode } from '../../platform/errors';
import type { Logger } from '../../platform/logger';
import type { PubSub } from '../../platform/pubsub/pubsub';
import type { JobQueue } from '../../platform/queue/job-queue';
import { findUserById } from '../users/users.repo';
import { NOTIFICATION_CREATED_CHANNEL, type NotificationCreated } from './notification-created';
import {
  emailCategoryOf,
  NOTIFICATION_EMAIL_JOB,
  notificationEmailJobId,
} from './notification-email';
import { renderNotification, type NotificationFacts } from './notification-texts';
import { toNotification } from './notification-views';
import {
  countNotifications,
  insertNotificationOnce,
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
} from './notifications.repo';

/** One notification to one user, identified by the event that caused it. */
export type Delivery = {
  userId: string;
  facts: NotificationFacts;
  /** Ids of the subject, for the client's links. */
  data: Record<string, string>;
  /** Unique per user and event: a second delivery of the same event stores nothing. */
  eventKey: string;
};

export const createNotificationsService = ({
  db,
  pubsub,
  jobs,
  logger,
}: {
  db: Db;
  pubsub: PubSub;
  jobs: JobQueue;
  logger: Logger;
}) => {
  const unreadCountOf = (userId: string) => countNotifications(db, userId, { unreadOnly: true });

  /**
   * Stores the notification in the recipient's language, once per event key; then tells the
   * user's live sockets and queues the e-mail if the kind has one. Returns it if it was new.
   * A failure to publish or queue is logged: the stored notification is what counts.
   */
  const deliver = async ({
    userId,
    facts,
    data,
    eventKey,
  }: Delivery): Promise<TNotification | undefined> => {
    const recipient = await findUserById(db, userId);
    if (!recipient?.isActive) return undefined;
    const text = renderNotification(facts, {
      language: recipient.language === 'hi' ? 'hi' : 'en',
      timeZone: recipient.timeZone,
    });
    const row = await insertNotificationOnce(db, { userId, ...text, data, eventKey });
    if (!row) return undefined;
    const notification = toNotification(row);
    const created: NotificationCreated = {
      userId,
      notification,
      unreadCount: await unreadCountOf(userId),
    };
    await pubsub
      .publish(NOTIFICATION_CREATED_CHANNEL, created)
      .catch((error: unknown) =>
        logger.warn({ err: error, notificationId: row.id }, 'notification not published'),
      );
    if (emailCategoryOf(notification.type)) {
      await jobs
        .add({
          name: NOTIFICATION_EMAIL_JOB,
          id: notificationEmailJobId(row.id),
          data: { notificationId: row.id },
        })
        .catch((error: unknown) =>
          logger.error({ err: error, notificationId: row.id }, 'notification e-mail not queued'),
        );
    }
    return notification;
  };

  const list = async (
    userId: string,
    { page, limit, unread }: TNotificationsQuery,
  ): Promise<{ notifications: TNotification[]; meta: TNotificationsMeta }> => {
    const unreadOnly = unread === true;
    const [rows, total, unreadCount] = await Promise.all([
      listNotifications(db, userId, { unreadOnly, limit, offset: (page - 1) * limit }),
      countNotifications(db, userId, { unreadOnly }),
      unreadCountOf(userId),
    ]);
    return {
      notifications: rows.map(toNotification),
      meta: { page, limit, total, hasNext: page * limit < total, unreadCount },
    };
  };

  /** Someone else's notification is as unknown as a missing one: 404. */
  const markRead = async (userId: string, id: string): Promise<TNotification> => {
    const row = await markNotificationRead(db, userId, id);
    if (!row) throw new AppError(ErrorCode.NOT_FOUND, 'Notification not found');
    return toNotification(row);
  };

  const markAllRead = async (userId: string): Promise<TReadAllResult> => ({
    updated: await markAllNotificationsRead(db, userId),
    unreadCount: await unreadCountOf(userId),
  });

  return {
    deliver,
    list,
    markRead,
    markAllRead,
    unreadCount: async (userId: string) => ({ unreadCount: await unreadCountOf(userId) }),
  };
};

export type NotificationsService = ReturnType<typeof createNotificationsService>;
