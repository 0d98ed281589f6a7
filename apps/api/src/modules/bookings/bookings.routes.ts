import { Router, type Request } from 'express';
import { z } from 'zod';
import {
  ZCancelBookingRequest,
  ZCompleteBookingRequest,
  ZConfirmBookingRequest,
  ZCreateBookingRequest,
  ZCustomerBookingsQuery,
  ZEmptyRequest,
  ZProviderBookingsQuery,
  ZProviderBookingStatusRequest,
  ZRescheduleBookingRequest,
} from '@localkart/contracts/bookings';
import { AppError, ErrorCode } from '../../platform/errors';
import { sendData } from '../../platform/http/envelope';
import type { Idempotency } from '../../platform/http/idempotency';
import { callerOf, type AuthGuard } from '../auth/auth.guard';
import type { BookingsService } from './bookings.service';

/** A malformed id is as unknown as a missing one: 404. */
const idOf = (req: Request): string => {
  const parsed = z.uuid().safeParse(req.params.id);
  if (!parsed.success) throw new AppError(ErrorCode.NOT_FOUND, 'Booking not found');
  return parsed.data;
};

/** Bodies are optional on transitions without fields; an empty one is `{}`. */
const bodyOf = (req: Request): unknown => req.body ?? {};

export const bookingsRoutes = ({
  bookings,
  guard,
  idempotent,
}: {
  bookings: BookingsService;
  guard: AuthGuard;
  idempotent: Idempotency;
}): Router => {
  const router = Router();
  const signedIn = guard.requireAuth;
  const asCustomer = [guard.requireAuth, guard.requireRole('customer')];

  router.post('/api/bookings/quote', signedIn, async (req, res) => {
    sendData(res, await bookings.quote(ZCreateBookingRequest.parse(req.body)));
  });
  router.post('/api/bookings', ...asCustomer, idempotent, async (req, res) => {
    const request = ZCreateBookingRequest.parse(req.body);
    sendData(res, await bookings.create(callerOf(req), request), { status: 201 });
  });
  router.get('/api/bookings/:id', signedIn, async (req, res) => {
    sendData(res, await bookings.get(callerOf(req), idOf(req)));
  });
  router.post('/api/bookings/:id/payment-order', signedIn, async (req, res) => {
    ZEmptyRequest.parse(bodyOf(req));
    sendData(res, await bookings.paymentOrder(callerOf(req), idOf(req)));
  });
  router.put('/api/bookings/:id', signedIn, async (req, res) => {
    const request = ZRescheduleBookingRequest.parse(req.body);
    sendData(res, await bookings.reschedule(callerOf(req), idOf(req), request));
  });
  router.delete('/api/bookings/:id', signedIn, async (req, res) => {
    sendData(res, await bookings.withdraw(callerOf(req), idOf(req)));
  });
  router.post('/api/bookings/:id/confirm', signedIn, async (req, res) => {
    const request = ZConfirmBookingRequest.parse(bodyOf(req));
    sendData(res, await bookings.confirm(callerOf(req), idOf(req), request));
  });
  router.post('/api/bookings/:id/start', signedIn, async (req, res) => {
    ZEmptyRequest.parse(bodyOf(req));
    sendData(res, await bookings.start(callerOf(req), idOf(req)));
  });
  router.post('/api/bookings/:id/complete', signedIn, async (req, res) => {
    const request = ZCompleteBookingRequest.parse(bodyOf(req));
    sendData(res, await bookings.complete(callerOf(req), idOf(req), request));
  });
  router.post('/api/bookings/:id/cancel', signedIn, async (req, res) => {
    const { reason } = ZCancelBookingRequest.parse(bodyOf(req));
    sendData(res, await bookings.cancel(callerOf(req), idOf(req), reason));
  });

  router.get('/api/users/bookings', signedIn, async (req, res) => {
    const query = ZCustomerBookingsQuery.parse(req.query);
    const { bookings: data, meta } = await bookings.listForCustomer(callerOf(req), query);
    sendData(res, data, { meta });
  });
  const asProvider = [guard.requireAuth, guard.requireRole('provider', 'admin')];
  router.get('/api/providers/bookings', ...asProvider, async (req, res) => {
    const query = ZProviderBookingsQuery.parse(req.query);
    const { bookings: data, meta } = await bookings.listForProvider(callerOf(req), query);
    sendData(res, data, { meta });
  });
  router.put('/api/providers/bookings/:id/status', ...asProvider, async (req, res) => {
    const request = ZProviderBookingStatusRequest.parse(req.body);
    sendData(res, await bookings.setStatusAsProvider(callerOf(req), idOf(req), request));
  });
  return router;
};
