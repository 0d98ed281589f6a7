import type { TBooking, TBookingQuote } from '@localkart/contracts/bookings';
import type { TPaymentOrder } from '@localkart/contracts/payments';
import {
  awaitsOnlinePayment,
  feeIfCancelledAt,
  freeUntilOf,
  payByOf,
  policySummary,
  type BookingPolicy,
  type CancellationPolicy,
} from './booking-rules';
import type { BookingRow } from './bookings.repo';
import { wallClockAt } from '../../platform/wall-clock';

export const startOf = (row: Pick<BookingRow, 'confirmedStart' | 'preferredStart'>) =>
  row.confirmedStart ?? row.preferredStart;

export const policyView = (
  { startsAt, totalPaise }: { startsAt: Date; totalPaise: number },
  policy: CancellationPolicy,
  now: Date,
) => ({
  freeCancellationHours: policy.freeCancellationHours,
  feeBps: policy.feeBps,
  freeUntil: freeUntilOf(startsAt, policy).toISOString(),
  feeIfCancelledNowPaise: feeIfCancelledAt({ startsAt, totalPaise }, policy, now),
  summary: policySummary(policy),
});

/** The response for one booking: explicit fields only, `_id` beside `id` (ERD compatibility). */
export const toBooking = (
  row: BookingRow,
  policy: BookingPolicy,
  {
    now = new Date(),
    order,
  }: { now?: Date; order?: Omit<TPaymentOrder, 'gateway'> & { gateway: string } } = {},
): TBooking => {
  const startsAt = startOf(row);
  const preferred = wallClockAt(row.preferredStart, row.timeZone);
  const confirmed = row.confirmedStart ? wallClockAt(row.confirmedStart, row.timeZone) : null;
  const active = row.status === 'pending' || row.status === 'confirmed';
  const policyNow = policyView({ startsAt, totalPaise: row.totalAmountPaise }, policy, now);
  return {
    id: row.id,
    _id: row.id,
    customerId: row.customerId,
    providerId: row.providerId,
    service: {
      serviceId: row.serviceId,
      category: row.categorySlug,
      subcategory: row.subcategorySlug,
      title: row.serviceTitle,
      description: row.description,
      estimatedDuration: row.estimatedDurationMinutes / 60,
    },
    location: {
      address: row.address,
      coordinates: [row.longitude, row.latitude],
      instructions: row.instructions,
    },
    schedule: {
      preferredDate: preferred.date,
      preferredTime: preferred.time,
      confirmedDate: confirmed?.date ?? null,
      confirmedTime: confirmed?.time ?? null,
      timeZone: row.timeZone,
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + row.estimatedDurationMinutes * 60_000).toISOString(),
    },
    pricing: {
      unit: row.unit,
      unitPricePaise: row.unitPricePaise,
      basePricePaise: row.basePricePaise,
      additionalChargesPaise: row.additionalChargesPaise,
      totalAmountPaise: row.totalAmountPaise,
      currency: 'INR',
    },
    status: row.status,
    payment: {
      method: row.paymentMethod,
      status: row.paymentStatus,
      transactionId: row.paymentTransactionId,
      payBy: awaitsOnlinePayment(row) ? payByOf(row.createdAt, policy).toISOString() : null,
      // The payments module names gateways as strings; only `test` and `razorpay` exist.
      ...(order ? { order: { ...order, gateway: order.gateway as TPaymentOrder['gateway'] } } : {}),
    },
    cancellation: {
      policy: active ? policyNow : { ...policyNow, feeIfCancelledNowPaise: 0 },
      cancelledBy: row.cancelledByRole,
      reason: row.cancellationReason,
      feePaise: row.cancellationFeePaise,
    },
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
};

export type QuoteInput = Omit<TBookingQuote, 'cancellationPolicy' | 'schedule'> & {
  startsAt: Date;
  durationMinutes: number;
  timeZone: string;
};

export const toQuote = (
  { startsAt, durationMinutes, timeZone, ...quote }: QuoteInput,
  policy: CancellationPolicy,
  now: Date,
): TBookingQuote => ({
  ...quote,
  schedule: {
    timeZone,
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + durationMinutes * 60_000).toISOString(),
  },
  cancellationPolicy: policyView(
    { startsAt, totalPaise: quote.pricing.totalAmountPaise },
    policy,
    now,
  ),
});
