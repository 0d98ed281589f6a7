import type { Router } from 'express';
import { ZAdminBookingsQuery, ZReasonRequest } from '@localkart/contracts/admin';
import { sendData } from '../../platform/http/envelope';
import { actorOf, idParam } from './admin-page';
import type { AdminBookings } from './admin-bookings.service';

export const adminBookingsRoutes = (router: Router, bookings: AdminBookings) => {
  router.get('/api/admin/bookings', async (req, res) => {
    const { bookings: page, meta } = await bookings.search(ZAdminBookingsQuery.parse(req.query));
    sendData(res, page, { meta });
  });
  router.get('/api/admin/bookings/:id', async (req, res) => {
    sendData(res, await bookings.detail(actorOf(req), idParam(req)));
  });
  router.post('/api/admin/bookings/:id/cancel', async (req, res) => {
    const id = idParam(req);
    const { reason } = ZReasonRequest.parse(req.body);
    sendData(res, await bookings.forceCancel(actorOf(req), id, reason));
  });
};
