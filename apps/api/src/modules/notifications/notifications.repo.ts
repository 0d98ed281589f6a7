import { and, count, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { notifications } from '../../db/schema/notifications';

const notificationColumns = {
  id: notifications.id,
  userId: notifications.userId,
  type: notifications.type,
  title: notifications.title,
  body: notifications.body,
  data: notifications.data,
  readAt: notifications.readAt,
  createdAt: notifications.createdAt,
};
export type NotificationRow = {
  [K in keyof typeof notificationColumns]: (typeof notifications.$inferSelect)[K];
};

export type NewNotification = {
  userId: string;
  type: string;
  title: string;
  body: string;
  data: Record<string, string>;
  eventKey: string;
};

/**
 * Inserts the notification unless the user already has one for `eventKey` (a redelivered event,
 * or the same event heard by another API process); undefined then.
 */
export const insertNotificationOnce = async (
  db: Db,
  row: NewNotification,
): Promise<NotificationRow | undefined> => {
  const [inserted] = await db
    .insert(notifications)
    .values(row)
    .onConflictDoNothing({
      target: [notifications.userId, notifications.eventKey],
      where: sql`${notifications.eventKey} IS NOT NULL`,
    })
    .returning(notificationColumns);
  return inserted;
};

const ownedBy = (userId: string, { unreadOnly = false } = {}) =>
  unreadOnly
    ? and(eq(notifications.userId, userId), isNull(notifications.readAt))
    : eq(notifications.userId, userId);

export const listNotifications = (
  db: Db,
  userId: string,
  { unreadOnly, limit, offset }: { unreadOnly: boolean; limit: number; offset: number },
): Promise<NotificationRow[]> =>
  db
    .select(notificationColumns)
    .from(notifications)
    .where(ownedBy(userId, { unreadOnly }))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit)
    .offset(offset);

export const countNotifications = async (
  db: Db,
  userId: string,
  { unreadOnly = false } = {},
): Promise<number> => {
  const [row] = await db
    .select({ total: count() })
    .from(notifications)
    .where(ownedBy(userId, { unreadOnly }));
  return row?.total ?? 0;
};

export const findNotification = async (
  db: Db,
  id: string,
): Promise<NotificationRow | undefined> => {
  const [row] = await db
    .select(notificationColumns)
    .from(notifications)
    .where(eq(notifications.id, id));
  return row;
};

/** Sets readAt on the user's notification if it is unread; the row either way, if it is theirs. */
export const markNotificationRead = async (
  db: Db,
  userId: string,
  id: string,
): Promise<NotificationRow | undefined> => {
  const [updated] = await db
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(and(eq(notifications.id, id), ownedBy(userId, { unreadOnly: true })))
    .returning(notificationColumns);
  if (updated) return updated;
  const [existing] = await db
    .select(notificationColumns)
    .from(notifications)
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)));
  return existing;
};

/** Marks every unread notification of the user read; how many there were. */
export const markAllNotificationsRead = async (db: Db, userId: string): Promise<number> => {
  const rows = await db
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(ownedBy(userId, { unreadOnly: true }))
    .returning({ id: notifications.id });
  return rows.length;
};
