import type { TBookingStatus } from '@localkart/contracts/bookings';
import {
  feeIfCancelledAt,
  freeUntilOf,
  RULES,
  type BookingAction,
  type CancellationPolicy,
} from '../../modules/bookings/booking-rules';
import { customerCancellationReason, providerCancellationReason } from './activity-texts';
import { HOUR_MS, MINUTE_MS } from './activity-clock';
import type { Random } from './random';

export type ActorRole = 'customer' | 'provider';

/** One status change, as the bookings service records it in the booking's history. */
export type Transition = {
  action: BookingAction | 'create';
  from: TBookingStatus | null;
  to: TBookingStatus;
  by: ActorRole;
  at: Date;
  reason: string | null;
};

export type Timeline = {
  status: TBookingStatus;
  /** Creation first, oldest first. */
  transitions: Transition[];
  cancellationFeePaise: number;
  /** Added by the provider on completion (materials; a painter's area beyond the first unit). */
  additionalChargesPaise: number;
};

export type BookingFacts = {
  startsAt: Date;
  endsAt: Date;
  createdAt: Date;
  unit: 'hour' | 'service' | 'square_feet';
  unitPricePaise: number;
  basePricePaise: number;
};

const between = (random: Random, from: number, to: number) =>
  new Date(from + random.next() * (to - from));

/** A window of time, or undefined when it is too short to hold an event. */
const window = (from: number, to: number) => (to - from >= MINUTE_MS ? { from, to } : undefined);

/**
 * Builds the history step by step and refuses any step the bookings state machine would refuse,
 * so the demo data can only contain changes the service itself could have made.
 */
const history = (createdAt: Date) => {
  const steps: Transition[] = [
    { action: 'create', from: null, to: 'pending', by: 'customer', at: createdAt, reason: null },
  ];
  const status = () => steps.at(-1)!.to;
  const apply = (action: BookingAction, by: ActorRole, at: Date, reason: string | null = null) => {
    const rule = RULES[action];
    if (!rule.from.includes(status()) || !rule.by.includes(by))
      throw new Error(`demo booking: ${by} cannot ${action} a ${status()} booking`);
    steps.push({ action, from: status(), to: rule.to, by, at, reason });
  };
  return { steps, status, apply };
};

/** A job priced per square foot stays a job one visit could do (₹30,000 at most, say a bathroom). */
const MAX_AREA_JOB_PAISE = 3_000_000;

const extraCharges = (random: Random, { unit, unitPricePaise }: BookingFacts) => {
  if (unit === 'square_feet') {
    const area = Math.min(random.int(100, 600), Math.floor(MAX_AREA_JOB_PAISE / unitPricePaise));
    return unitPricePaise * (Math.max(area, 1) - 1);
  }
  return random.next() < 0.12 ? random.int(5, 30) * 1000 : 0;
};

/** When the provider confirms: soon after the request, well before the start, never after `now`. */
const confirmation = (random: Random, facts: BookingFacts, latest: number) => {
  const span = window(
    facts.createdAt.getTime() + 10 * MINUTE_MS,
    Math.min(
      facts.createdAt.getTime() + 18 * HOUR_MS,
      facts.startsAt.getTime() - 10 * MINUTE_MS,
      latest,
    ),
  );
  return span ? between(random, span.from, span.to) : undefined;
};

type CancelKind = 'customer_free' | 'customer_late' | 'provider' | 'withdraw';

/** When each kind of cancellation can happen, given the policy's free window. */
const cancelWindow = (
  kind: CancelKind,
  facts: BookingFacts,
  policy: CancellationPolicy,
  now: number,
) => {
  const created = facts.createdAt.getTime() + 5 * MINUTE_MS;
  const start = facts.startsAt.getTime();
  const freeUntil = freeUntilOf(facts.startsAt, policy).getTime();
  switch (kind) {
    case 'customer_free':
      return window(created, Math.min(freeUntil, now));
    case 'customer_late':
      return window(Math.max(created, freeUntil), Math.min(start - 5 * MINUTE_MS, now));
    case 'provider':
      return window(created, Math.min(start - 30 * MINUTE_MS, now));
    case 'withdraw':
      return window(created, Math.min(created + 12 * HOUR_MS, start - 5 * MINUTE_MS, now));
  }
};

const cancel = (
  random: Random,
  steps: ReturnType<typeof history>,
  kind: CancelKind,
  at: Date,
  facts: BookingFacts,
  policy: CancellationPolicy,
) => {
  if (kind === 'withdraw') {
    steps.apply('withdraw', 'customer', at);
    return 0;
  }
  if (kind === 'provider') {
    steps.apply('cancel', 'provider', at, providerCancellationReason(random));
    return 0;
  }
  steps.apply('cancel', 'customer', at, customerCancellationReason(random));
  // Only a customer's own cancellation costs a fee, and only after the free window (as the service).
  return feeIfCancelledAt(
    { startsAt: facts.startsAt, totalPaise: facts.basePricePaise },
    policy,
    at,
  );
};

/**
 * What happened to one booking up to `now`: finished ones mostly completed, some cancelled by
 * either side; one under way is in progress; future ones confirmed, pending or cancelled.
 */
export const bookingTimeline = (
  random: Random,
  facts: BookingFacts,
  { now, policy }: { now: Date; policy: CancellationPolicy },
): Timeline => {
  const steps = history(facts.createdAt);
  const nowMs = now.getTime();
  const start = facts.startsAt.getTime();
  const finished = facts.endsAt.getTime() <= nowMs;
  const roll = random.next();
  const kind: CancelKind | undefined = finished
    ? roll < 0.8
      ? undefined
      : roll < 0.87
        ? 'customer_free'
        : roll < 0.9
          ? 'customer_late'
          : roll < 0.96
            ? 'provider'
            : 'withdraw'
    : start > nowMs && roll < 0.08
      ? random.pick(['customer_free', 'provider'] as const)
      : undefined;
  const span = kind && cancelWindow(kind, facts, policy, nowMs);
  if (kind && span) {
    const at = between(random, span.from, span.to);
    const confirmed =
      kind !== 'withdraw' && random.next() < 0.5 && confirmation(random, facts, at.getTime());
    if (confirmed) steps.apply('confirm', 'provider', confirmed);
    const fee = cancel(random, steps, kind, at, facts, policy);
    return {
      status: steps.status(),
      transitions: steps.steps,
      cancellationFeePaise: fee,
      additionalChargesPaise: 0,
    };
  }
  const confirmed = confirmation(random, facts, nowMs);
  const recent = facts.createdAt.getTime() > nowMs - 2 * HOUR_MS;
  if (start > nowMs && (!confirmed || random.next() < (recent ? 0.75 : 0.2)))
    return {
      status: 'pending',
      transitions: steps.steps,
      cancellationFeePaise: 0,
      additionalChargesPaise: 0,
    };
  // A booking under way or done was confirmed before it started.
  steps.apply('confirm', 'provider', confirmed ?? new Date(facts.createdAt.getTime() + MINUTE_MS));
  if (start > nowMs)
    return {
      status: 'confirmed',
      transitions: steps.steps,
      cancellationFeePaise: 0,
      additionalChargesPaise: 0,
    };
  steps.apply(
    'start',
    'provider',
    new Date(Math.min(start + random.int(0, 10) * MINUTE_MS, nowMs)),
  );
  if (!finished)
    return {
      status: 'in_progress',
      transitions: steps.steps,
      cancellationFeePaise: 0,
      additionalChargesPaise: 0,
    };
  const end = facts.endsAt.getTime();
  steps.apply(
    'complete',
    'provider',
    new Date(Math.min(end + random.int(0, 30) * MINUTE_MS, nowMs)),
  );
  return {
    status: 'completed',
    transitions: steps.steps,
    cancellationFeePaise: 0,
    additionalChargesPaise: extraCharges(random, facts),
  };
};
