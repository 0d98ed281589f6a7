import {
  and,
  count,
  desc,
  eq,
  gte,
  inArray,
  lte,
  sql,
  type SQL,
  type SQLWrapper,
} from 'drizzle-orm';
import type { TBookingStatus } from '@localkart/contracts/bookings';
import { preparedPer, queryRows, type Db } from '../../db/client';
import {
  bookableProviderQuery,
  toBookableProvider,
  type BookableProvider,
  type BookableService,
  type BookingRequestFacts,
} from '../providers/bookable-provider.repo';
import { basePriceSql, LAPSING_STATUSES } from './booking-rules';
import { bookings, bookingStatusHistory } from '../../db/schema/bookings';
import { providers } from '../../db/schema/providers';

/** Every column of a booking row the module reads; exported for its other repositories. */
export const bookingColumns = {
  id: bookings.id,
  customerId: bookings.customerId,
  providerId: bookings.providerId,
  serviceId: bookings.serviceId,
  categorySlug: bookings.categorySlug,
  subcategorySlug: bookings.subcategorySlug,
  serviceTitle: bookings.serviceTitle,
  description: bookings.description,
  estimatedDurationMinutes: bookings.estimatedDurationMinutes,
  address: bookings.address,
  latitude: bookings.latitude,
  longitude: bookings.longitude,
  instructions: bookings.instructions,
  timeZone: bookings.timeZone,
  preferredStart: bookings.preferredStart,
  confirmedStart: bookings.confirmedStart,
  status: bookings.status,
  unit: bookings.unit,
  unitPricePaise: bookings.unitPricePaise,
  basePricePaise: bookings.basePricePaise,
  additionalChargesPaise: bookings.additionalChargesPaise,
  totalAmountPaise: bookings.totalAmountPaise,
  cancellationFeePaise: bookings.cancellationFeePaise,
  currency: bookings.currency,
  paymentMethod: bookings.paymentMethod,
  paymentStatus: bookings.paymentStatus,
  paymentTransactionId: bookings.paymentTransactionId,
  cancelledByRole: bookings.cancelledByRole,
  cancellationReason: bookings.cancellationReason,
  createdAt: bookings.createdAt,
  updatedAt: bookings.updatedAt,
  version: bookings.version,
};
export type BookingRow = {
  [K in keyof typeof bookingColumns]: (typeof bookings.$inferSelect)[K];
};
export type NewBookingRow = Omit<typeof bookings.$inferInsert, 'slot'>;
export type HistoryEntry = {
  bookingId: string;
  fromStatus: TBookingStatus | null;
  toStatus: TBookingStatus;
  actorId: string | null;
  actorRole: 'customer' | 'provider' | 'admin';
  reason?: string | null;
};

/** `[start, start + minutes)` as a tstzrange. */
export const slotSql = (start: Date, minutes: number): SQL =>
  sql`tstzrange(${start.toISOString()}::timestamptz, ${start.toISOString()}::timestamptz + make_interval(mins => ${minutes}::int), '[)')`;

/** What a customer asks for; the provider's facts decide the rest. */
export type BookingRequest = BookingRequestFacts & {
  customerId: string;
  description: string;
  address: string;
  instructions: string | null;
  paymentMethod: BookingRow['paymentMethod'];
};

/** The first key of the provider-calendar advisory locks, apart from other advisory locks. */
const CALENDAR_LOCK_SPACE = 7_301;

/**
 * SQL that is true once this transaction holds the calendar lock of the provider whose id is
 * `providerId`, waiting for it if another holds it. Statements that write a provider's slots
 * take it, so they queue for one another instead of meeting in the exclusion constraint: there
 * two inserts still undecided wait for each other, and PostgreSQL breaks that deadlock only
 * after `deadlock_timeout` (a second) by failing one, which in a rush for one slot stalls the
 * pool. Queued, each finds its predecessor committed and is refused at once.
 */
const holdsCalendarLockSql = (providerId: SQLWrapper) =>
  sql`EXISTS (SELECT FROM pg_advisory_xact_lock(${CALENDAR_LOCK_SPACE},
    hashtext(${providerId}::text)))`;

type RequestParam = Exclude<keyof BookingRequest, 'point'> | 'lat' | 'lng';
const param = (name: RequestParam) => sql.placeholder(name);

/**
 * One statement, one round trip (booking creation is a hot path): reads the provider's facts for
 * the request and, only when they allow it, inserts the pending booking priced from the provider's
 * service, with its first history row (by its customer). The conditions are those of the bookings
 * service's `assertBookable`, which explains a refusal from the same facts; the exclusion
 * constraint still refuses an overlapping slot. Named, so PostgreSQL plans it once per connection.
 */
const insertIfBookable = preparedPer((db) => {
  const facts = db.$with('f').as(bookableProviderQuery(db));
  const service = (key: keyof BookableService) =>
    sql`(${facts.service} ->> ${sql.raw(`'${key}'`)})`;
  const minutes = sql`${param('durationMinutes')}::int`;
  const price = basePriceSql(service('unit'), sql`${service('basePricePaise')}::int`, minutes);
  const created = db
    .$with('b', {
      // Named apart from the facts' columns, which the final select reads beside them.
      id: sql<string>`booking_id`.as('booking_id'),
      createdAt: sql<string | Date>`booking_created_at`.as('booking_created_at'),
      basePricePaise: sql<number>`booking_base_price_paise`.as('booking_base_price_paise'),
    })
    .as(
      sql`INSERT INTO bookings (customer_id, provider_id, service_id, category_slug,
          subcategory_slug, service_title, description, estimated_duration_minutes, address,
          latitude, longitude, instructions, time_zone, preferred_start, slot, unit,
          unit_price_paise, base_price_paise, total_amount_paise, payment_method)
        SELECT ${param('customerId')}::uuid, ${facts.id}, ${service('id')}::uuid,
          ${service('categorySlug')}, ${service('subcategorySlug')}, ${service('title')},
          ${param('description')}::text, ${minutes}, ${param('address')}::text,
          ${param('lat')}::float8, ${param('lng')}::float8, ${param('instructions')}::text,
          ${facts.timeZone}, ${facts.startsAt},
          tstzrange(${facts.startsAt}, ${facts.startsAt} + make_interval(mins => ${minutes}), '[)'),
          ${service('unit')}::service_unit, ${service('basePricePaise')}::int, ${price}, ${price},
          ${param('paymentMethod')}::booking_payment_method
        FROM ${facts}
        WHERE ${facts.active} AND ${facts.userId} <> ${param('customerId')}::uuid
          AND ${service('categorySlug')} = ${param('category')}::text
          AND ${facts.coversPoint} AND ${facts.startsAt} > now()
          AND ${facts.withinWeeklySlot} AND NOT ${facts.onLeave}
          AND ${holdsCalendarLockSql(facts.id)}
        RETURNING id AS booking_id, customer_id, created_at AS booking_created_at,
          base_price_paise AS booking_base_price_paise`,
    );
  const history = db.$with('h', { bookingId: sql<string>`booking_id`.as('booking_id') }).as(
    sql`INSERT INTO booking_status_history (booking_id, from_status, to_status, actor_id, actor_role)
      SELECT booking_id, NULL, 'pending', customer_id, 'customer' FROM ${created}
      RETURNING booking_id`,
  );
  return db
    .with(facts, created, history)
    .select()
    .from(facts)
    .leftJoin(created, sql`true`)
    .prepare('insert_booking_if_bookable');
});

/**
 * The provider's facts for `request` (undefined for an unknown provider) and, when they allowed
 * it, the booking now inserted; see `insertIfBookable`.
 */
export const insertBookingIfBookable = async (
  db: Db,
  request: BookingRequest,
): Promise<{ provider?: BookableProvider; booking?: BookingRow }> => {
  const { point, serviceId, subcategory, ...rest } = request;
  const [row] = await insertIfBookable(db).execute({
    ...rest,
    serviceId: serviceId ?? null,
    subcategory: subcategory ?? null,
    lat: point.lat,
    lng: point.lng,
  });
  if (!row) return {};
  const provider = toBookableProvider(row.f);
  // A left join on a CTE gives its columns as nulls, not a null object, when nothing was inserted.
  const inserted = row.b?.id ? row.b : undefined;
  if (!inserted || !provider.service) return { provider };
  const { service } = provider;
  const createdAt = new Date(inserted.createdAt);
  const booking: BookingRow = {
    id: inserted.id,
    customerId: request.customerId,
    providerId: provider.id,
    serviceId: service.id,
    categorySlug: service.categorySlug,
    subcategorySlug: service.subcategorySlug,
    serviceTitle: service.title,
    description: request.description,
    estimatedDurationMinutes: request.durationMinutes,
    address: request.address,
    latitude: point.lat,
    longitude: point.lng,
    instructions: request.instructions,
    timeZone: provider.timeZone,
    preferredStart: provider.startsAt,
    unit: service.unit,
    unitPricePaise: service.basePricePaise,
    basePricePaise: inserted.basePricePaise,
    totalAmountPaise: inserted.basePricePaise,
    paymentMethod: request.paymentMethod,
    confirmedStart: null,
    status: 'pending',
    additionalChargesPaise: 0,
    cancellationFeePaise: 0,
    currency: 'INR',
    paymentStatus: 'pending',
    paymentTransactionId: null,
    cancelledByRole: null,
    cancellationReason: null,
    createdAt,
    updatedAt: createdAt,
    version: 1,
  };
  return { provider, booking };
};

export const insertHistory = async (db: Db, entry: HistoryEntry) => {
  await db.insert(bookingStatusHistory).values(entry);
};

/**
 * A booking's parties and status: what other modules (reviews, messaging) may know of it.
 * `providerUserId` is the provider's user account, the one that signs in and gets notified.
 */
export const findBookingParties = async (db: Db, bookingId: string) => {
  const [row] = await db
    .select({
      id: bookings.id,
      customerId: bookings.customerId,
      providerId: bookings.providerId,
      providerUserId: providers.userId,
      status: bookings.status,
    })
    .from(bookings)
    .innerJoin(providers, eq(providers.id, bookings.providerId))
    .where(eq(bookings.id, bookingId));
  return row;
};

export const findBooking = async (db: Db, id: string): Promise<BookingRow | undefined> => {
  const [row] = await db.select(bookingColumns).from(bookings).where(eq(bookings.id, id));
  return row;
};

export type BookingPatch = Partial<
  Pick<
    NewBookingRow,
    | 'status'
    | 'preferredStart'
    | 'confirmedStart'
    | 'description'
    | 'instructions'
    | 'additionalChargesPaise'
    | 'totalAmountPaise'
    | 'cancellationFeePaise'
    | 'paymentStatus'
    | 'paymentTransactionId'
    | 'cancelledBy'
    | 'cancelledByRole'
    | 'cancellationReason'
  >
> & { slot?: { start: Date; minutes: number } };

/**
 * Compare-and-set: changes the booking only if its status is still `expected`, so of two
 * concurrent changes from one state only one wins. Undefined when the status had moved on.
 */
export const updateBookingIfStatus = async (
  db: Db,
  id: string,
  expected: TBookingStatus,
  { slot, ...patch }: BookingPatch,
): Promise<BookingRow | undefined> => {
  const [row] = await db
    .update(bookings)
    .set({
      ...patch,
      ...(slot ? { slot: slotSql(slot.start, slot.minutes) } : {}),
      updatedAt: sql`now()`,
      version: sql`${bookings.version} + 1`,
    })
    .where(
      and(
        eq(bookings.id, id),
        eq(bookings.status, expected),
        slot ? holdsCalendarLockSql(bookings.providerId) : undefined,
      ),
    )
    .returning(bookingColumns);
  return row;
};

/** `awaitsOnlinePayment` in SQL (the partial index's condition). */
const awaitingOnlinePayment = and(
  eq(bookings.paymentMethod, 'online'),
  eq(bookings.paymentStatus, 'pending'),
  inArray(bookings.status, [...LAPSING_STATUSES]),
);

/** Online bookings still unpaid that were made before `cutoff` and could still happen. */
export const findUnpaidOnlineBookings = (db: Db, cutoff: Date, limit: number) =>
  db
    .select(bookingColumns)
    .from(bookings)
    .where(
      and(awaitingOnlinePayment, sql`${bookings.createdAt} < ${cutoff.toISOString()}::timestamptz`),
    )
    .orderBy(bookings.createdAt)
    .limit(limit);

/**
 * Cancels an online booking whose payment never came, if it is still unpaid and still pending or
 * confirmed: a payment committed first wins, and one arriving later finds it cancelled.
 */
export const lapseUnpaidOnlineBooking = async (db: Db, id: string, reason: string) => {
  const [row] = await db
    .update(bookings)
    .set({
      status: 'cancelled',
      cancelledBy: null,
      cancelledByRole: 'customer',
      cancellationReason: reason,
      cancellationFeePaise: 0,
      updatedAt: sql`now()`,
      version: sql`${bookings.version} + 1`,
    })
    .where(and(eq(bookings.id, id), awaitingOnlinePayment))
    .returning(bookingColumns);
  return row;
};

/** Marks an unpaid booking paid (gateway confirmation); undefined if it was not unpaid. */
export const markBookingPaid = async (db: Db, id: string, transactionId: string) => {
  const [row] = await db
    .update(bookings)
    .set({
      paymentStatus: 'paid',
      paymentTransactionId: transactionId,
      updatedAt: sql`now()`,
      version: sql`${bookings.version} + 1`,
    })
    .where(and(eq(bookings.id, id), eq(bookings.paymentStatus, 'pending')))
    .returning(bookingColumns);
  return row;
};

export const setPaymentStatus = async (
  db: Db,
  id: string,
  paymentStatus: 'paid' | 'refunded',
  transactionId?: string,
) => {
  await db
    .update(bookings)
    .set({
      paymentStatus,
      ...(transactionId ? { paymentTransactionId: transactionId } : {}),
      updatedAt: sql`now()`,
      version: sql`${bookings.version} + 1`,
    })
    .where(eq(bookings.id, id));
};

/** True when no active booking of the provider overlaps [start, start + minutes). */
export const isSlotFree = async (
  db: Db,
  providerId: string,
  start: Date,
  minutes: number,
  exceptBookingId?: string,
) => {
  const rows = await queryRows<{ taken: boolean }>(
    db,
    sql`SELECT EXISTS (SELECT 1 FROM bookings b WHERE b.provider_id = ${providerId}::uuid
        AND b.status IN ('pending', 'confirmed', 'in_progress')
        AND b.slot && ${slotSql(start, minutes)}
        ${exceptBookingId ? sql`AND b.id <> ${exceptBookingId}::uuid` : sql``}) AS taken`,
  );
  return rows[0]?.taken !== true;
};

export type BookingFilter = {
  customerId?: string;
  providerId?: string;
  status?: TBookingStatus | undefined;
  statuses?: TBookingStatus[];
  /** Starting on or after / on or before these dates, on each booking's own calendar. */
  fromDate?: string | undefined;
  toDate?: string | undefined;
};

const startSql = sql`coalesce(${bookings.confirmedStart}, ${bookings.preferredStart})`;

const whereOf = (filter: BookingFilter) =>
  and(
    filter.customerId ? eq(bookings.customerId, filter.customerId) : undefined,
    filter.providerId ? eq(bookings.providerId, filter.providerId) : undefined,
    filter.status ? eq(bookings.status, filter.status) : undefined,
    filter.statuses ? inArray(bookings.status, filter.statuses) : undefined,
    filter.fromDate
      ? gte(startSql, sql`(${filter.fromDate}::date)::timestamp AT TIME ZONE ${bookings.timeZone}`)
      : undefined,
    filter.toDate
      ? lte(
          startSql,
          sql`((${filter.toDate}::date + 1)::timestamp AT TIME ZONE ${bookings.timeZone}) - interval '1 microsecond'`,
        )
      : undefined,
  );

export const listBookings = (
  db: Db,
  filter: BookingFilter,
  { limit, offset }: { limit: number; offset: number },
) =>
  db
    .select(bookingColumns)
    .from(bookings)
    .where(whereOf(filter))
    .orderBy(desc(bookings.createdAt), desc(bookings.id))
    .limit(limit)
    .offset(offset);

export const countBookings = async (db: Db, filter: BookingFilter) => {
  const [row] = await db.select({ total: count() }).from(bookings).where(whereOf(filter));
  return row?.total ?? 0;
};

export const listHistory = (db: Db, bookingId: string) =>
  db
    .select({
      fromStatus: bookingStatusHistory.fromStatus,
      toStatus: bookingStatusHistory.toStatus,
      actorRole: bookingStatusHistory.actorRole,
      reason: bookingStatusHistory.reason,
      createdAt: bookingStatusHistory.createdAt,
    })
    .from(bookingStatusHistory)
    .where(eq(bookingStatusHistory.bookingId, bookingId))
    .orderBy(bookingStatusHistory.createdAt);
