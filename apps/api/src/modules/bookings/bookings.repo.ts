import { and, count, desc, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { TBookingStatus } from '@localkart/contracts/bookings';
import { preparedPer, queryRows, type Db } from '../../db/client';
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

/** SQLSTATE 23P01: the exclusion constraint refused an overlapping active booking. */
export const isSlotTaken = (error: unknown): boolean => {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    if ((e as { code?: unknown }).code === '23P01') return true;
  }
  return false;
};

export type CreateBookingRow = Pick<
  BookingRow,
  | 'customerId'
  | 'providerId'
  | 'serviceId'
  | 'categorySlug'
  | 'subcategorySlug'
  | 'serviceTitle'
  | 'description'
  | 'estimatedDurationMinutes'
  | 'address'
  | 'latitude'
  | 'longitude'
  | 'instructions'
  | 'timeZone'
  | 'preferredStart'
  | 'unit'
  | 'unitPricePaise'
  | 'basePricePaise'
  | 'totalAmountPaise'
  | 'paymentMethod'
>;

const insertParam = (name: keyof CreateBookingRow | 'preferredStartIso') => sql.placeholder(name);

/**
 * A pending booking and its first history row (by its customer) in one statement: a booking never
 * exists without its history, and creation needs no explicit transaction. A named statement,
 * since booking creation is a hot path and planning the two inserts costs as much as running them.
 */
const insertWithHistory = preparedPer((db) => {
  const start = sql`${insertParam('preferredStartIso')}::timestamptz`;
  const created = db
    .$with('b', {
      id: sql<string>`id`.as('id'),
      createdAt: sql<string | Date>`created_at`.as('created_at'),
    })
    .as(
      sql`INSERT INTO bookings (customer_id, provider_id, service_id, category_slug,
          subcategory_slug, service_title, description, estimated_duration_minutes, address,
          latitude, longitude, instructions, time_zone, preferred_start, slot, unit,
          unit_price_paise, base_price_paise, total_amount_paise, payment_method)
        VALUES (${insertParam('customerId')}::uuid, ${insertParam('providerId')}::uuid,
          ${insertParam('serviceId')}::uuid, ${insertParam('categorySlug')}::text,
          ${insertParam('subcategorySlug')}::text, ${insertParam('serviceTitle')}::text,
          ${insertParam('description')}::text, ${insertParam('estimatedDurationMinutes')}::int,
          ${insertParam('address')}::text, ${insertParam('latitude')}::float8,
          ${insertParam('longitude')}::float8, ${insertParam('instructions')}::text,
          ${insertParam('timeZone')}::text, ${start},
          tstzrange(${start}, ${start} + make_interval(mins => ${insertParam('estimatedDurationMinutes')}::int), '[)'),
          ${insertParam('unit')}::service_unit, ${insertParam('unitPricePaise')}::int,
          ${insertParam('basePricePaise')}::int, ${insertParam('totalAmountPaise')}::int,
          ${insertParam('paymentMethod')}::booking_payment_method)
        RETURNING id, customer_id, created_at`,
    );
  const history = db.$with('h', { bookingId: sql<string>`booking_id`.as('booking_id') }).as(
    sql`INSERT INTO booking_status_history (booking_id, from_status, to_status, actor_id, actor_role)
      SELECT id, NULL, 'pending', customer_id, 'customer' FROM ${created}
      RETURNING booking_id`,
  );
  return db
    .with(created, history)
    .select({ id: created.id, createdAt: created.createdAt })
    .from(created)
    .prepare('insert_booking');
});

/** Inserts a pending booking with its first history row; see `insertWithHistory`. */
export const insertBooking = async (db: Db, row: CreateBookingRow): Promise<BookingRow> => {
  const [inserted] = await insertWithHistory(db).execute({
    ...row,
    preferredStartIso: row.preferredStart.toISOString(),
  });
  const createdAt = new Date(inserted!.createdAt);
  return {
    ...row,
    id: inserted!.id,
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
    .where(and(eq(bookings.id, id), eq(bookings.status, expected)))
    .returning(bookingColumns);
  return row;
};

/** An online booking still unpaid that could still happen (the partial index's condition). */
const awaitingOnlinePayment = and(
  eq(bookings.paymentMethod, 'online'),
  eq(bookings.paymentStatus, 'pending'),
  inArray(bookings.status, ['pending', 'confirmed']),
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
