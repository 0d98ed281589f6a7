import { z } from 'zod';
import type { Db } from '../../db/client';
import { startOf } from '../bookings/booking-views';
import { findBooking, listHistory, type BookingRow } from '../bookings/bookings.repo';
import type { BookingStatusChanged } from '../bookings/bookings.service';
import type { Delivery } from './notifications.service';

const ZStatus = z.enum(['pending', 'confirmed', 'in_progress', 'completed', 'cancelled']);

/** The bookings module's event, checked: it crosses processes as JSON. */
export const ZBookingStatusChanged = z.object({
  bookingId: z.uuid(),
  customerId: z.uuid(),
  providerId: z.uuid(),
  providerUserId: z.uuid(),
  from: ZStatus.nullable(),
  to: ZStatus,
  at: z.string().min(1),
}) satisfies z.ZodType<BookingStatusChanged>;

/** A pending booking changed in place: a new time ("rescheduled") or only its details ("edited"). */
const pendingChangeOf = async (db: Db, bookingId: string) => {
  const history = await listHistory(db, bookingId);
  const latest = history.findLast((h) => h.fromStatus === 'pending' && h.toStatus === 'pending');
  return latest?.reason === 'edited' ? 'booking_updated' : 'booking_rescheduled';
};

const recipientsOfCancellation = (event: BookingStatusChanged, booking: BookingRow) => {
  switch (booking.cancelledByRole) {
    case 'customer':
      return [event.providerUserId];
    case 'provider':
      return [event.customerId];
    case 'admin':
    case null:
      // Cancelled by an admin (or by nobody recorded): both parties hear of it.
      return [event.customerId, event.providerUserId];
  }
};

/**
 * Who hears of a booking change, and what: a new request goes to the provider; a reschedule (by
 * the customer) to the provider; confirm, start and complete (by the provider) to the customer;
 * a cancellation to the party that did not cancel.
 */
export const bookingDeliveries = async (
  db: Db,
  event: BookingStatusChanged,
): Promise<Delivery[]> => {
  const booking = await findBooking(db, event.bookingId);
  if (!booking) return [];
  const service = booking.serviceTitle;
  const startsAt = startOf(booking);
  const eventKey = `booking:${event.bookingId}:${event.from ?? 'new'}:${event.to}:${event.at}`;
  const data = { bookingId: event.bookingId };
  const to = (userIds: string[], facts: Delivery['facts']) =>
    userIds.map((userId) => ({ userId, facts, data, eventKey }));

  if (event.from === null)
    return to([event.providerUserId], { type: 'booking_requested', service, startsAt });
  switch (event.to) {
    case 'pending':
      return to([event.providerUserId], {
        type: await pendingChangeOf(db, event.bookingId),
        service,
        startsAt,
      });
    case 'confirmed':
      return to([event.customerId], { type: 'booking_confirmed', service, startsAt });
    case 'in_progress':
      return to([event.customerId], { type: 'booking_started', service });
    case 'completed':
      return to([event.customerId], { type: 'booking_completed', service });
    case 'cancelled':
      return to(recipientsOfCancellation(event, booking), {
        type: 'booking_cancelled',
        service,
        startsAt,
        by: booking.cancelledByRole ?? 'admin',
        reason: booking.cancellationReason,
      });
  }
};
