import { Router, type Request } from 'express';
import { z } from 'zod';
import { ZNoFieldsRequest, ZNotificationsQuery } from '@localkart/contracts/notifications';
import { AppError, ErrorCode } from '../../platform/errors';
import { sendData } from '../../platform/http/envelope';
import { callerOf, type AuthGuard } from '../auth/auth.guard';
import type { NotificationsService } from './notifications.service';

/** A malformed id is as unknown as a missing one: 404. */
const idOf = (req: Request): string => {
  const parsed = z.uuid().safeParse(req.params.id);
  if (!parsed.success) throw new AppError(ErrorCode.NOT_FOUND, 'Notification not found');
  return parsed.data;
};

export const notificationsRoutes = ({
  notifications,
  guard,
}: {
  notifications: NotificationsService;
  guard: AuthGuard;
}): Router => {
  const router = Router();
  router.use('/api/notifications', guard.requireAuth);
  router.get('/api/notifications', async (req, res) => {
    const query = ZNotificationsQuery.parse(req.query);
    const page = await notifications.list(callerOf(req).userId, query);
    sendData(res, page.notifications, { meta: page.meta });
  });
  router.get('/api/notifications/unread-count', async (req, res) => {
    sendData(res, await notifications.unreadCount(callerOf(req).userId));
  });
  router.put('/api/notifications/read-all', async (req, res) => {
    ZNoFieldsRequest.parse(req.body ?? {});
    sendData(res, await notifications.markAllRead(callerOf(req).userId));
  });
  router.put('/api/notifications/:id/read', async (req, res) => {
    const id = idOf(req);
    ZNoFieldsRequest.parse(req.body ?? {});
    sendData(res, await notifications.markRead(callerOf(req).userId, id));
  });
  return router;
};
