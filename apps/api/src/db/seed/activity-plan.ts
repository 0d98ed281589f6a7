import { basePriceOf, type CancellationPolicy } from '../../modules/bookings/booking-rules';
import { wallClockAt } from '../../platform/wall-clock';
import { bookingDescription, bookingInstructions } from './activity-texts';
import {
  addDays,
  clockOf,
  DAY_MS,
  HOUR_MS,
  instantOf,
  MINUTE_MS,
  weekdayOf,
} from './activity-clock';
import { bookingTimeline, type Timeline } from './activity-timeline';
import { demoReview, type DemoReview } from './demo-review';
import type { Random } from './random';

export type PlanService = {
  id: string;
  categorySlug: string;
  subcategorySlug: string;
  title: string;
  unit: 'hour' | 'service' | 'square_feet';
  basePricePaise: number;
};

export type PlanProvider = {
  id: string;
  userId: string;
  email: string;
  timeZone: string;
  createdAt: Date;
  /** The provider and its owner's account are active: only then does it take bookings. */
  active: boolean;
  area: { latitude: number; longitude: number; radiusKm: number; city: string } | undefined;
  /** Active services, the first the one most asked for. */
  services: PlanService[];
  slots: { dayOfWeek: number; startMinute: number; endMinute: number }[];
  leaves: { date: string; startMinute: number; endMinute: number }[];
};

export type PlanCustomer = {
  id: string;
  email: string;
  createdAt: Date;
  latitude: number;
  longitude: number;
  city: string;
  address: string;
};

export type PaymentMethod = 'cash' | 'wallet' | 'online';

export type PlannedBooking = {
  provider: PlanProvider;
  customer: PlanCustomer;
  service: PlanService;
  /** The provider's calendar date and clock time asked for. */
  date: string;
  time: string;
  durationMinutes: number;
  startsAt: Date;
  endsAt: Date;
  createdAt: Date;
  description: string;
  instructions: string | null;
  paymentMethod: PaymentMethod;
  basePricePaise: number;
  timeline: Timeline;
  review: DemoReview | undefined;
};

/** When each customer is already booked: nobody books two providers for the same hour. */
export type CustomerCalendar = Map<string, { start: number; end: number }[]>;

export const PAST_DAYS = 90;
export const FUTURE_DAYS = 14;
/** An average provider over the whole window; popular ones get up to twice as many. */
const BOOKINGS_PER_PROVIDER = 10;
const REPEAT_CUSTOMER_SHARE = 0.35;
const ATTEMPTS_PER_BOOKING = 15;
const PAYMENT_METHODS = [
  { method: 'cash' as const, weight: 50 },
  { method: 'online' as const, weight: 30 },
  { method: 'wallet' as const, weight: 20 },
];
const DURATIONS: Record<PlanService['unit'], readonly number[]> = {
  hour: [60, 90, 120, 120, 180],
  service: [60, 60, 90, 120],
  square_feet: [120, 180, 240],
};

/** Great-circle distance in km (the service-area check in SQL has the last word). */
const distanceKm = (a: { latitude: number; longitude: number }, b: typeof a) => {
  const rad = (d: number) => (d * Math.PI) / 180;
  const h =
    Math.sin(rad(b.latitude - a.latitude) / 2) ** 2 +
    Math.cos(rad(a.latitude)) *
      Math.cos(rad(b.latitude)) *
      Math.sin(rad(b.longitude - a.longitude) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
};

/** Customers of the provider's city well inside its service area. */
export const customersNear = ({ area }: PlanProvider, customers: PlanCustomer[]) =>
  area
    ? customers.filter((c) => c.city === area.city && distanceKm(c, area) <= area.radiusKm * 0.95)
    : [];

const overlaps = (list: { start: number; end: number }[] | undefined, start: number, end: number) =>
  (list ?? []).some((slot) => slot.start < end && start < slot.end);

/** How long before the start it was booked: mostly a day or two, sometimes a week, never under 2 h. */
const leadMs = (random: Random) => (2 + 166 * random.next() ** 2.5) * HOUR_MS;

type Slot = { date: string; startMinute: number; durationMinutes: number };

/** A free working slot on a random day of the window, on the provider's calendar. */
const pickSlot = (
  random: Random,
  provider: PlanProvider,
  today: string,
  service: PlanService,
): Slot | undefined => {
  const offset = -PAST_DAYS + Math.floor((PAST_DAYS + FUTURE_DAYS) * random.next() ** 0.7);
  const date = addDays(today, offset);
  const day = provider.slots.filter((s) => s.dayOfWeek === weekdayOf(date));
  if (day.length === 0) return undefined;
  const hours = random.pick(day);
  const wanted = random.pick(DURATIONS[service.unit]);
  const durationMinutes = hours.endMinute - hours.startMinute >= wanted ? wanted : 60;
  const room = hours.endMinute - hours.startMinute - durationMinutes;
  if (room < 0) return undefined;
  const startMinute = hours.startMinute + 30 * random.int(0, Math.floor(room / 30));
  const end = startMinute + durationMinutes;
  const onLeave = provider.leaves.some(
    (l) => l.date === date && l.startMinute < end && startMinute < l.endMinute,
  );
  return onLeave ? undefined : { date, startMinute, durationMinutes };
};

/**
 * The provider's bookings over the last PAST_DAYS and next FUTURE_DAYS days: customers from
 * `nearby` (some coming back), times inside its working hours and off its leave, never two at
 * once for the provider or the customer, each with what happened to it by `now`.
 */
export const planProviderBookings = (
  provider: PlanProvider,
  nearby: PlanCustomer[],
  {
    random,
    now,
    policy,
    calendar,
  }: { random: Random; now: Date; policy: CancellationPolicy; calendar: CustomerCalendar },
): PlannedBooking[] => {
  if (!provider.active || nearby.length === 0 || provider.services.length === 0) return [];
  const windowStart = now.getTime() - PAST_DAYS * DAY_MS;
  const activeShare =
    (now.getTime() + FUTURE_DAYS * DAY_MS - Math.max(windowStart, provider.createdAt.getTime())) /
    ((PAST_DAYS + FUTURE_DAYS) * DAY_MS);
  const popularity = 0.3 + 1.8 * random.next() ** 2;
  const wanted = Math.round(BOOKINGS_PER_PROVIDER * popularity * Math.max(activeShare, 0));
  const today = wallClockAt(now, provider.timeZone).date;
  const taken = new Map<string, { start: number; end: number }[]>();
  const regulars: PlanCustomer[] = [];
  const planned: PlannedBooking[] = [];
  for (let n = 0; n < wanted; n += 1) {
    for (let attempt = 0; attempt < ATTEMPTS_PER_BOOKING; attempt += 1) {
      const customer =
        regulars.length > 0 && random.next() < REPEAT_CUSTOMER_SHARE
          ? random.pick(regulars)
          : random.pick(nearby);
      const service = random.next() < 0.6 ? provider.services[0]! : random.pick(provider.services);
      const slot = pickSlot(random, provider, today, service);
      if (!slot) continue;
      const end = slot.startMinute + slot.durationMinutes;
      if (overlaps(taken.get(slot.date), slot.startMinute, end)) continue;
      const startsAt = instantOf(slot.date, slot.startMinute, provider.timeZone);
      const endsAt = new Date(startsAt.getTime() + slot.durationMinutes * MINUTE_MS);
      const createdAt = new Date(startsAt.getTime() - leadMs(random));
      const joined = Math.max(customer.createdAt.getTime(), provider.createdAt.getTime()) + HOUR_MS;
      if (createdAt.getTime() < joined || createdAt.getTime() > now.getTime() - 10 * MINUTE_MS)
        continue;
      if (overlaps(calendar.get(customer.id), startsAt.getTime(), endsAt.getTime())) continue;
      const basePricePaise = basePriceOf(
        service.unit,
        service.basePricePaise,
        slot.durationMinutes,
      );
      const timeline = bookingTimeline(
        random,
        {
          startsAt,
          endsAt,
          createdAt,
          unit: service.unit,
          unitPricePaise: service.basePricePaise,
          basePricePaise,
        },
        { now, policy },
      );
      const completed =
        timeline.status === 'completed' ? timeline.transitions.at(-1)!.at : undefined;
      taken.set(slot.date, [...(taken.get(slot.date) ?? []), { start: slot.startMinute, end }]);
      calendar.set(customer.id, [
        ...(calendar.get(customer.id) ?? []),
        { start: startsAt.getTime(), end: endsAt.getTime() },
      ]);
      if (!regulars.includes(customer)) regulars.push(customer);
      planned.push({
        provider,
        customer,
        service,
        date: slot.date,
        time: clockOf(slot.startMinute),
        durationMinutes: slot.durationMinutes,
        startsAt,
        endsAt,
        createdAt,
        description: bookingDescription(random, service.title),
        instructions: bookingInstructions(random),
        paymentMethod: random.weighted(PAYMENT_METHODS).method,
        basePricePaise,
        timeline,
        review: completed && demoReview(random, completed, now),
      });
      break;
    }
  }
  return planned;
};
