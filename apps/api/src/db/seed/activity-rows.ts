import type { PgInsertValue } from 'drizzle-orm/pg-core';
import type { bookings, bookingStatusHistory } from '../schema/bookings';
import type { reviews } from '../schema/reviews';
import { slotSql, type HistoryEntry } from '../../modules/bookings/bookings.repo';
import type { PlannedBooking } from './activity-plan';
import type { ActorRole } from './activity-timeline';
import type { BookingPayment, MoneyBooking } from './activity-money';
import { MINUTE_MS } from './activity-clock';

export type SeededBooking = PlannedBooking & { id: string };

const actorOf = (b: SeededBooking, role: ActorRole) =>
  role === 'customer' ? b.customer.id : b.provider.userId;

/**
 * The booking as the service leaves it after its changes (payment columns follow from the
 * ledger, see `paymentPatchOf`): `updated_at` at its last change, `version` bumped by each.
 */
export const bookingRowOf = (b: SeededBooking): PgInsertValue<typeof bookings> => {
  const { timeline } = b;
  const last = timeline.transitions.at(-1)!;
  const cancelled = timeline.status === 'cancelled' ? last : undefined;
  return {
    id: b.id,
    customerId: b.customer.id,
    providerId: b.provider.id,
    serviceId: b.service.id,
    categorySlug: b.service.categorySlug,
    subcategorySlug: b.service.subcategorySlug,
    serviceTitle: b.service.title,
    description: b.description,
    estimatedDurationMinutes: b.durationMinutes,
    address: b.customer.address,
    latitude: b.customer.latitude,
    longitude: b.customer.longitude,
    instructions: b.instructions,
    timeZone: b.provider.timeZone,
    preferredStart: b.startsAt,
    slot: slotSql(b.startsAt, b.durationMinutes),
    status: timeline.status,
    unit: b.service.unit,
    unitPricePaise: b.service.basePricePaise,
    basePricePaise: b.basePricePaise,
    additionalChargesPaise: timeline.additionalChargesPaise,
    totalAmountPaise: b.basePricePaise + timeline.additionalChargesPaise,
    cancellationFeePaise: timeline.cancellationFeePaise,
    paymentMethod: b.paymentMethod,
    cancelledBy: cancelled ? actorOf(b, cancelled.by) : null,
    cancelledByRole: cancelled?.by ?? null,
    cancellationReason: cancelled?.reason ?? null,
    createdAt: b.createdAt,
    updatedAt: last.at,
    version: timeline.transitions.length,
  };
};

/** Each status change with its actor, as the service's `insertHistory` writes them, dated. */
export const historyRowsOf = (b: SeededBooking): (typeof bookingStatusHistory.$inferInsert)[] =>
  b.timeline.transitions.map((step) => {
    const entry: HistoryEntry = {
      bookingId: b.id,
      fromStatus: step.from,
      toStatus: step.to,
      actorId: actorOf(b, step.by),
      actorRole: step.by,
      reason: step.reason,
    };
    return { ...entry, createdAt: step.at };
  });

export const moneyBookingOf = (b: SeededBooking): MoneyBooking => ({
  id: b.id,
  customerId: b.customer.id,
  providerId: b.provider.id,
  paymentMethod: b.paymentMethod,
  status: b.timeline.status,
  basePricePaise: b.basePricePaise,
  additionalChargesPaise: b.timeline.additionalChargesPaise,
  cancellationFeePaise: b.timeline.cancellationFeePaise,
  createdAt: b.createdAt,
  lastChangedAt: b.timeline.transitions.at(-1)!.at,
});

/**
 * The payment columns and the changes that set them (each bumps `version`, as the service's
 * `markBookingPaid` and `setPaymentStatus` do), with when the last of them happened.
 */
export const paymentPatchOf = (b: SeededBooking, payment: BookingPayment) => {
  const last = b.timeline.transitions.at(-1)!.at;
  const moments: Date[] = [];
  if (b.paymentMethod === 'wallet') moments.push(b.createdAt);
  if (b.paymentMethod === 'online')
    moments.push(payment.order?.paidAt ?? new Date(b.createdAt.getTime() + MINUTE_MS));
  if (b.paymentMethod === 'cash' && b.timeline.status === 'completed') moments.push(last);
  if (payment.paymentStatus === 'refunded') moments.push(last);
  return {
    id: b.id,
    paymentStatus: payment.paymentStatus,
    paymentTransactionId: payment.paymentTransactionId,
    changes: moments.length,
    at: new Date(Math.max(last.getTime(), ...moments.map((m) => m.getTime()))),
  };
};

export const reviewRowOf = (b: SeededBooking): typeof reviews.$inferInsert | undefined => {
  const review = b.review;
  if (!review) return undefined;
  return {
    bookingId: b.id,
    providerId: b.provider.id,
    customerId: b.customer.id,
    rating: review.rating,
    comment: review.comment,
    reply: review.reply?.text ?? null,
    repliedAt: review.reply?.at ?? null,
    createdAt: review.createdAt,
    updatedAt: review.reply?.at ?? review.createdAt,
  };
};
