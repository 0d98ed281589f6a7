import type { AppDeps } from '../../app';
import { NOTIFICATION_EMAIL_JOB } from './notification-email';
import { createNotificationEmailJob } from './notification-email-job';
import { subscribeToNotificationEvents } from './notification-events';
import { createNotificationSettings } from './notification-settings';
import { createNotificationsService } from './notifications.service';

/**
 * The notification service's background side, started with the server: domain events become
 * notifications, and queued e-mails are sent. Off where WORKER_ENABLED=false (another process
 * does it). The returned closer stops listening and waits for notifications being written; the
 * job queue's own closer stops the e-mail worker.
 */
export const startNotificationWorkers = async (
  deps: AppDeps,
): Promise<{ name: string; close: () => Promise<void> }> => {
  const { config, database, pubsub, jobs, logger, mailer } = deps;
  if (!config.WORKER_ENABLED) return { name: 'notifications', close: () => Promise.resolve() };
  const db = database.db;
  const notifications = createNotificationsService({ db, pubsub, jobs, logger });
  const stop = await subscribeToNotificationEvents(deps, notifications);
  jobs.startWorker({
    [NOTIFICATION_EMAIL_JOB]: createNotificationEmailJob({
      db,
      mailer,
      settings: createNotificationSettings({ db }),
      config,
    }),
  });
  return { name: 'notifications', close: stop };
};
