import type { Router } from 'express';
import type { AppDeps } from '../../app';
import type { AuthGuard } from '../auth/auth.guard';
import { createNotifyDocumentReviewed } from './document-notifications';
import { notificationsRoutes } from './notifications.routes';
import { createNotificationsService } from './notifications.service';

/**
 * The notification service's HTTP side: a user's notifications and their read state, and
 * `notifyDocumentReviewed` for the admin verification endpoints. Events become notifications
 * in `startNotificationWorkers` (notifications.worker.ts).
 */
export const createNotificationsModule = (deps: AppDeps, { guard }: { guard: AuthGuard }) => {
  const { database, pubsub, jobs, logger } = deps;
  const notifications = createNotificationsService({ db: database.db, pubsub, jobs, logger });
  const routers: Router[] = [notificationsRoutes({ notifications, guard })];
  return {
    notifications,
    notifyDocumentReviewed: createNotifyDocumentReviewed(notifications),
    routers,
  };
};

export type NotificationsModule = ReturnType<typeof createNotificationsModule>;
