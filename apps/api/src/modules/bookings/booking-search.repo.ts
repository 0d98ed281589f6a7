import { and, asc, count, desc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import type { TBookingStatus } from '@localkart/contracts/bookings';
import type { Db } from '../../db/client';
import { bookings } from '../../db/schema/bookings';
import { bookingColumns, type BookingRow } from './bookings.repo';

export type BookingSearch = {
  status?: TBookingStatus | undefined;
  /** Starting on or after / on or before these dates, on each booking's own calendar. */
  from?: string | undefined;
  to?: string | undefined;
  city?: string | undefined;
  providerId?: string | undefined;
  customerId?: string | undefined;
};
export type BookingSort = { sort: 'createdAt' | 'startsAt' | 'total'; order: 'asc' | 'desc' };

const startSql = sql`coalesce(${bookings.confirmedStart}, ${bookings.preferredStart})`;

/**
 * A booking is in the city of its provider's service area that covers its address (the nearest
 * one when areas overlap): bookings keep a free-text address, and the area's city is the name
 * the provider chose from the India Post directory, so "Bengaluru" finds every Bengaluru job.
 */
export const bookingCitySql = (alias: SQL) =>
  sql`(SELECT a.city FROM provider_service_areas a WHERE a.provider_id = ${alias}.provider_id
       ORDER BY earth_distance(ll_to_earth(a.latitude, a.longitude),
                               ll_to_earth(${alias}.latitude, ${alias}.longitude))
       LIMIT 1)`;

const whereOf = (filter: BookingSearch) =>
  and(
    filter.status ? eq(bookings.status, filter.status) : undefined,
    filter.providerId ? eq(bookings.providerId, filter.providerId) : undefined,
    filter.customerId ? eq(bookings.customerId, filter.customerId) : undefined,
    filter.from
      ? gte(startSql, sql`(${filter.from}::date)::timestamp AT TIME ZONE ${bookings.timeZone}`)
      : undefined,
    filter.to
      ? lte(
          startSql,
          sql`((${filter.to}::date + 1)::timestamp AT TIME ZONE ${bookings.timeZone}) - interval '1 microsecond'`,
        )
      : undefined,
    filter.city ? sql`lower(${bookingCitySql(sql`bookings`)}) = lower(${filter.city})` : undefined,
  );

const orderOf = ({ sort, order }: BookingSort): SQL[] => {
  const direction = order === 'asc' ? asc : desc;
  const key =
    sort === 'startsAt'
      ? startSql
      : sort === 'total'
        ? bookings.totalAmountPaise
        : bookings.createdAt;
  return [direction(key), direction(bookings.id)];
};

/** One page of matching bookings. */
export const searchBookings = (
  db: Db,
  filter: BookingSearch,
  sort: BookingSort,
  { limit, offset }: { limit: number; offset: number },
): Promise<BookingRow[]> =>
  db
    .select(bookingColumns)
    .from(bookings)
    .where(whereOf(filter))
    .orderBy(...orderOf(sort))
    .limit(limit)
    .offset(offset);

export const countSearchedBookings = async (db: Db, filter: BookingSearch): Promise<number> => {
  const [row] = await db.select({ total: count() }).from(bookings).where(whereOf(filter));
  return row?.total ?? 0;
};
