import { sql } from 'drizzle-orm';
import type { TAnalyticsGranularity } from '@localkart/contracts/provider-analytics';
import { queryRows, type Db } from '../../db/client';
import { bookingCitySql } from '../bookings/booking-search.repo';

/**
 * Platform-wide reporting over users, providers, bookings and their history, and search misses.
 * Like provider analytics, it reads those modules' tables directly: an aggregate over the whole
 * platform cannot go through per-row service calls, and nothing here writes. Dates are calendar
 * days in `timeZone`, both ends included.
 */
export type PlatformScope = { from: string; to: string; timeZone: string };

type Count = number | string;

const bounds = ({ from, to, timeZone }: PlatformScope) =>
  sql`bounds AS (
    SELECT (${from}::date::timestamp AT TIME ZONE ${timeZone}) AS lo,
           ((${to}::date + 1)::timestamp AT TIME ZONE ${timeZone}) AS hi
  )`;

/** Completed bookings with when they were completed (the history's `completed` entry). */
const completions = sql`completions AS (
    SELECT b.id, b.provider_id, b.category_slug, b.total_amount_paise, h.created_at AS done_at
    FROM bookings b
    JOIN booking_status_history h ON h.booking_id = b.id AND h.to_status = 'completed'
    WHERE b.status = 'completed'
  )`;

export type PlatformPeriodRow = {
  start: string;
  customers: Count;
  providers: Count;
  active_providers: Count;
  placed: Count;
  cancelled: Count;
  completed: Count;
  gmv: Count;
};

/**
 * One row per period (empty ones included) and, with `granularity` null, one row for the whole
 * range: signups by kind (customers are customer-role accounts; providers are provider profiles
 * created), active providers (a booking, not cancelled, starting in the period), bookings placed
 * and how many of them are cancelled, bookings completed and their totals (GMV) by completion.
 */
export const platformPeriods = (
  db: Db,
  scope: PlatformScope,
  granularity: TAnalyticsGranularity | null,
): Promise<PlatformPeriodRow[]> => {
  const { from, to, timeZone: tz } = scope;
  const g = granularity ?? 'day';
  const periodOf = (column: ReturnType<typeof sql>) =>
    granularity
      ? sql`date_trunc(${g}, ${column} AT TIME ZONE ${tz})`
      : sql`${from}::date::timestamp`;
  const periods = granularity
    ? sql`SELECT generate_series(date_trunc(${g}, ${from}::date::timestamp), ${to}::date::timestamp,
                                 ('1 ' || ${g})::interval) AS start`
    : sql`SELECT ${from}::date::timestamp AS start`;
  return queryRows<PlatformPeriodRow>(
    db,
    sql`WITH ${bounds(scope)}, ${completions},
      periods AS (${periods}),
      signups AS (
        SELECT ${periodOf(sql`u.created_at`)} AS period, count(*) AS customers
        FROM users u, bounds
        WHERE u.role = 'customer' AND u.created_at >= bounds.lo AND u.created_at < bounds.hi
        GROUP BY 1
      ),
      new_providers AS (
        SELECT ${periodOf(sql`p.created_at`)} AS period, count(*) AS providers
        FROM providers p, bounds
        WHERE p.created_at >= bounds.lo AND p.created_at < bounds.hi
        GROUP BY 1
      ),
      active AS (
        SELECT ${periodOf(sql`lower(b.slot)`)} AS period, count(DISTINCT b.provider_id) AS active_providers
        FROM bookings b, bounds
        WHERE b.status <> 'cancelled' AND lower(b.slot) >= bounds.lo AND lower(b.slot) < bounds.hi
        GROUP BY 1
      ),
      placed AS (
        SELECT ${periodOf(sql`b.created_at`)} AS period, count(*) AS placed,
          count(*) FILTER (WHERE b.status = 'cancelled') AS cancelled
        FROM bookings b, bounds
        WHERE b.created_at >= bounds.lo AND b.created_at < bounds.hi
        GROUP BY 1
      ),
      done AS (
        SELECT ${periodOf(sql`c.done_at`)} AS period, count(*) AS completed,
          sum(c.total_amount_paise) AS gmv
        FROM completions c, bounds
        WHERE c.done_at >= bounds.lo AND c.done_at < bounds.hi
        GROUP BY 1
      )
      SELECT to_char(p.start, 'YYYY-MM-DD') AS start,
        coalesce(s.customers, 0) AS customers, coalesce(n.providers, 0) AS providers,
        coalesce(a.active_providers, 0) AS active_providers,
        coalesce(pl.placed, 0) AS placed, coalesce(pl.cancelled, 0) AS cancelled,
        coalesce(d.completed, 0) AS completed, coalesce(d.gmv, 0) AS gmv
      FROM periods p
      LEFT JOIN signups s ON s.period = p.start
      LEFT JOIN new_providers n ON n.period = p.start
      LEFT JOIN active a ON a.period = p.start
      LEFT JOIN placed pl ON pl.period = p.start
      LEFT JOIN done d ON d.period = p.start
      ORDER BY p.start`,
  );
};

export type RankedRow = { key: string; bookings: Count; gmv: Count };

/**
 * Bookings placed in the range by category or by city (of the provider's service area the
 * booking is in), with the totals of those of them that are completed; the `limit` largest.
 */
export const topBookingGroups = (
  db: Db,
  scope: PlatformScope,
  by: 'category' | 'city',
  limit: number,
): Promise<RankedRow[]> =>
  queryRows<RankedRow>(
    db,
    sql`WITH ${bounds(scope)}
      SELECT key, count(*) AS bookings,
        coalesce(sum(total_amount_paise) FILTER (WHERE status = 'completed'), 0) AS gmv
      FROM (
        SELECT ${by === 'category' ? sql`b.category_slug` : bookingCitySql(sql`b`)} AS key,
          b.status, b.total_amount_paise
        FROM bookings b, bounds
        WHERE b.created_at >= bounds.lo AND b.created_at < bounds.hi
      ) placed
      WHERE key IS NOT NULL
      GROUP BY key
      ORDER BY count(*) DESC, gmv DESC, key
      LIMIT ${limit}`,
  );

/** What customers searched for without finding anyone, most asked first. */
export const topSearchMisses = (
  db: Db,
  scope: PlatformScope,
  limit: number,
): Promise<{ query: string; count: Count }[]> =>
  queryRows<{ query: string; count: Count }>(
    db,
    sql`WITH ${bounds(scope)}
      SELECT lower(trim(m.query)) AS query, count(*) AS count
      FROM search_misses m, bounds
      WHERE m.created_at >= bounds.lo AND m.created_at < bounds.hi AND trim(m.query) <> ''
      GROUP BY 1
      ORDER BY count(*) DESC, 1
      LIMIT ${limit}`,
  );
