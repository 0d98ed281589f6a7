import type { TBookingStatus } from '@localkart/contracts/bookings';
import { sql, type SQL } from 'drizzle-orm';
import type { Config } from '../../config';

/** How the caller stands to a booking; anyone else does not see it (404). */
export type Party = 'customer' | 'provider' | 'admin';

export type BookingAction = 'confirm' | 'start' | 'complete' | 'cancel' | 'withdraw' | 'reschedule';

type Rule = { from: readonly TBookingStatus[]; to: TBookingStatus; by: readonly Party[] };

/**
 * The state machine: pending → confirmed → in_progress → completed, cancelled from pending or
 * confirmed. `withdraw` is the customer's DELETE (a cancellation while pending); `reschedule`
 * changes a pending booking and keeps its status.
 */
export const RULES: Record<BookingAction, Rule> = {
  confirm: { from: ['pending'], to: 'confirmed', by: ['provider', 'admin'] },
  start: { from: ['confirmed'], to: 'in_progress', by: ['provider', 'admin'] },
  complete: { from: ['in_progress'], to: 'completed', by: ['provider', 'admin'] },
  cancel: {
    from: ['pending', 'confirmed'],
    to: 'cancelled',
    by: ['customer', 'provider', 'admin'],
  },
  withdraw: { from: ['pending'], to: 'cancelled', by: ['customer', 'admin'] },
  reschedule: { from: ['pending'], to: 'pending', by: ['customer', 'admin'] },
};

/** Statuses that hold the provider's time (the exclusion constraint's predicate). */
export const ACTIVE_STATUSES: readonly TBookingStatus[] = ['pending', 'confirmed', 'in_progress'];

export const DEFAULT_DURATION_MINUTES = 60;

/** Per hour: unit price × hours, rounded half up to whole paise; otherwise the unit price. */
export const basePriceOf = (
  unit: 'hour' | 'service' | 'square_feet',
  unitPricePaise: number,
  durationMinutes: number,
): number =>
  unit === 'hour' ? Math.floor((unitPricePaise * durationMinutes + 30) / 60) : unitPricePaise;

/**
 * `basePriceOf` in SQL, for the statement that checks and inserts a booking in one round trip
 * (integer division of non-negative integers floors, as Math.floor does). A test holds the two
 * equal.
 */
export const basePriceSql = (unit: SQL, unitPricePaise: SQL, durationMinutes: SQL): SQL =>
  sql`(CASE WHEN ${unit} = 'hour' THEN ((${unitPricePaise}::bigint * ${durationMinutes} + 30) / 60)::int
    ELSE ${unitPricePaise} END)`;

export type CancellationPolicy = { freeCancellationHours: number; feeBps: number };

/** The configured rules every booking view and change follows. */
export type BookingPolicy = CancellationPolicy & {
  /** How long an online booking waits for its payment before it lapses. */
  onlinePaymentMinutes: number;
};

export const bookingPolicyOf = (
  config: Pick<
    Config,
    | 'BOOKING_FREE_CANCELLATION_HOURS'
    | 'BOOKING_CANCELLATION_FEE_BPS'
    | 'BOOKING_ONLINE_PAYMENT_MINUTES'
  >,
): BookingPolicy => ({
  freeCancellationHours: config.BOOKING_FREE_CANCELLATION_HOURS,
  feeBps: config.BOOKING_CANCELLATION_FEE_BPS,
  onlinePaymentMinutes: config.BOOKING_ONLINE_PAYMENT_MINUTES,
});

/** Statuses in which an unpaid online booking lapses once its time to pay is up. */
export const LAPSING_STATUSES = [
  'pending',
  'confirmed',
] as const satisfies readonly TBookingStatus[];

/**
 * An online booking still waiting for its payment, which lapses if it does not come in time
 * (once work has started it no longer lapses; it must still be paid before completion).
 */
export const awaitsOnlinePayment = (booking: {
  paymentMethod: string;
  paymentStatus: string;
  status: TBookingStatus;
}) =>
  booking.paymentMethod === 'online' &&
  booking.paymentStatus === 'pending' &&
  (LAPSING_STATUSES as readonly TBookingStatus[]).includes(booking.status);

/** Until when an online booking made at `createdAt` may be paid before it lapses. */
export const payByOf = (createdAt: Date, policy: BookingPolicy) =>
  new Date(createdAt.getTime() + policy.onlinePaymentMinutes * 60_000);

/** The fee in basis points of the total, rounded half up to whole paise. */
export const cancellationFeeOf = (totalPaise: number, feeBps: number) =>
  Math.floor((totalPaise * feeBps + 5000) / 10000);

/** Until when cancelling is free: the policy's hours before the start. */
export const freeUntilOf = (startsAt: Date, policy: CancellationPolicy) =>
  new Date(startsAt.getTime() - policy.freeCancellationHours * 3_600_000);

/**
 * What a customer would pay to cancel at `now`: nothing until the free window closes, then the
 * fee. Providers and admins cancel without a fee (see `feeFor`).
 */
export const feeIfCancelledAt = (
  { startsAt, totalPaise }: { startsAt: Date; totalPaise: number },
  policy: CancellationPolicy,
  now: Date,
) => (now < freeUntilOf(startsAt, policy) ? 0 : cancellationFeeOf(totalPaise, policy.feeBps));

export const policySummary = (policy: CancellationPolicy) =>
  policy.feeBps === 0
    ? 'Free cancellation at any time.'
    : `Free cancellation until ${policy.freeCancellationHours} h before the start; after that ${
        policy.feeBps / 100
      }% of the total is kept (prepaid money is refunded net of it).`;
