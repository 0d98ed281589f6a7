import { z } from 'zod';
import type { Config } from '../../config';
import type { Db } from '../../db/client';
import type { Mailer } from '../../platform/mail/mailer';
import { findUserById } from '../users/users.repo';
import { emailCategoryOf, notificationEmail } from './notification-email';
import type { NotificationSettings } from './notification-settings';
import { toNotification } from './notification-views';
import { findNotification } from './notifications.repo';

const ZNotificationEmailJob = z.object({ notificationId: z.uuid() });

/**
 * The worker's side of a notification e-mail: re-reads the notification, its recipient and their
 * settings when it runs (so a setting turned off in the meantime is respected, and no address
 * sits in the queue), then sends. A rejection is retried by the queue.
 */
export const createNotificationEmailJob =
  ({
    db,
    mailer,
    settings,
    config,
  }: {
    db: Db;
    mailer: Mailer;
    settings: NotificationSettings;
    config: Pick<Config, 'APP_URL'>;
  }) =>
  async (data: unknown): Promise<void> => {
    const { notificationId } = ZNotificationEmailJob.parse(data);
    const row = await findNotification(db, notificationId);
    if (!row) return;
    const notification = toNotification(row);
    const category = emailCategoryOf(notification.type);
    if (!category) return;
    const [recipient, wanted] = await Promise.all([
      findUserById(db, row.userId),
      settings.settingsOf(row.userId),
    ]);
    if (!recipient?.isActive || !wanted[category]) return;
    await mailer.send(
      notificationEmail({
        to: recipient.email,
        firstName: recipient.firstName,
        language: recipient.language === 'hi' ? 'hi' : 'en',
        title: notification.title,
        body: notification.body,
        appUrl: config.APP_URL,
      }),
    );
  };
