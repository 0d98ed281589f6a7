import type { TNotification, TNotificationType } from '@localkart/contracts/notifications';
import type { NotificationRow } from './notifications.repo';

/** The API shape, built field by field (the event key and user id stay inside). */
export const toNotification = (row: NotificationRow): TNotification => ({
  id: row.id,
  type: row.type as TNotificationType,
  title: row.title,
  body: row.body,
  data: row.data,
  readAt: row.readAt?.toISOString() ?? null,
  createdAt: row.createdAt.toISOString(),
});
