import { sql } from 'drizzle-orm';
import type { TAnalyticsGranularity } from '@localkart/contracts/provider-analytics';
import { queryRows, type Db } from '../../db/client';

/**
 * Reporting queries over bookings, their status history and reviews. They read the bookings
 * module's tables directly: an aggregate over a provider's whole history cannot go through
 * per-booking service calls, and nothing here writes.
 */
export type AnalyticsScope = {
  providerId: string;
  timeZone: string;
  /** Calendar dates in `timeZone`, both included. */
  from: string;
  to: string;
};

/** The range's instants: local midnight of `from` to local midnight after `to`. */
const bounds = ({ timeZone, from, to }: AnalyticsScope) =>
  sql`bounds AS (
    SELECT (${from}::date::timestamp AT TIME ZONE ${timeZone}) AS lo,
           ((${to}::date + 1)::timestamp AT TIME ZONE ${timeZone}) AS hi
  )`;

type Count = number | string;
export type PeriodRow = {
  start: string;
  pending: Count;
  confirmed: Count;
  in_progress: Count;
  completed: Count;
  cancelled: Count;
  total: Count;
  gross: Count;
  commission: Count;
  reviews: Count;
  rating_sum: Count;
};

/**
 * One row per period of the range (generate_series: empty periods included), oldest first.
 * Bookings count in the period of their slot's start, revenue in the period of completion
 * (the history's `completed` entry), ratings in the period of the review. Commission is
 * rounded half up per booking, as the ledger's settlement does.
 */
export const periodFigures = (
  db: Db,
  scope: AnalyticsScope,
  { granularity, commissionBps }: { granularity: TAnalyticsGranularity; commissionBps: number },
): Promise<PeriodRow[]> => {
  const { providerId, timeZone: tz, from, to } = scope;
  const g = granularity;
  return queryRows<PeriodRow>(
    db,
    sql`WITH ${bounds(scope)},
      periods AS (
        SELECT generate_series(
          date_trunc(${g}, ${from}::date::timestamp),
          ${to}::date::timestamp,
          ('1 ' || ${g})::interval
        ) AS start
      ),
      slotted AS (
        SELECT date_trunc(${g}, lower(b.slot) AT TIME ZONE ${tz}) AS period, b.status
        FROM bookings b, bounds
        WHERE b.provider_id = ${providerId} AND lower(b.slot) >= bounds.lo AND lower(b.slot) < bounds.hi
      ),
      by_status AS (
        SELECT period,
          count(*) FILTER (WHERE status = 'pending') AS pending,
          count(*) FILTER (WHERE status = 'confirmed') AS confirmed,
          count(*) FILTER (WHERE status = 'in_progress') AS in_progress,
          count(*) FILTER (WHERE status = 'completed') AS completed,
          count(*) FILTER (WHERE status = 'cancelled') AS cancelled,
          count(*) AS total
        FROM slotted GROUP BY period
      ),
      done AS (
        SELECT date_trunc(${g}, done_at AT TIME ZONE ${tz}) AS period,
          b.total_amount_paise::bigint AS gross,
          (b.total_amount_paise::bigint * ${commissionBps} + 5000) / 10000 AS commission
        FROM bookings b
        CROSS JOIN LATERAL (
          SELECT coalesce(
            (SELECT max(h.created_at) FROM booking_status_history h
              WHERE h.booking_id = b.id AND h.to_status = 'completed'),
            b.updated_at) AS done_at
        ) completion, bounds
        WHERE b.provider_id = ${providerId} AND b.status = 'completed'
          AND done_at >= bounds.lo AND done_at < bounds.hi
      ),
      revenue AS (
        SELECT period, sum(gross) AS gross, sum(commission) AS commission FROM done GROUP BY period
      ),
      rated AS (
        SELECT date_trunc(${g}, r.created_at AT TIME ZONE ${tz}) AS period,
          count(*) AS reviews, sum(r.rating) AS rating_sum
        FROM reviews r, bounds
        WHERE r.provider_id = ${providerId} AND NOT r.is_hidden
          AND r.created_at >= bounds.lo AND r.created_at < bounds.hi
        GROUP BY 1
      )
      SELECT to_char(p.start, 'YYYY-MM-DD') AS start,
        coalesce(s.pending, 0) AS pending, coalesce(s.confirmed, 0) AS confirmed,
        coalesce(s.in_progress, 0) AS in_progress, coalesce(s.completed, 0) AS completed,
        coalesce(s.cancelled, 0) AS cancelled, coalesce(s.total, 0) AS total,
        coalesce(v.gross, 0) AS gross, coalesce(v.commission, 0) AS commission,
        coalesce(r.reviews, 0) AS reviews, coalesce(r.rating_sum, 0) AS rating_sum
      FROM periods p
      LEFT JOIN by_status s ON s.period = p.start
      LEFT JOIN revenue v ON v.period = p.start
      LEFT JOIN rated r ON r.period = p.start
      ORDER BY p.start`,
  );
};

/**
 * Distinct customers with a non-cancelled booking in the range, and how many of them have at
 * least one other non-cancelled booking with the provider starting before the range ends.
 */
export const customerFigures = async (db: Db, scope: AnalyticsScope) => {
  const [row] = await queryRows<{ customers: Count; repeat: Count }>(
    db,
    sql`WITH ${bounds(scope)},
      seen AS (
        SELECT DISTINCT b.customer_id FROM bookings b, bounds
        WHERE b.provider_id = ${scope.providerId} AND b.status <> 'cancelled'
          AND lower(b.slot) >= bounds.lo AND lower(b.slot) < bounds.hi
      )
      SELECT count(*) AS customers,
        count(*) FILTER (WHERE (
          SELECT count(*) FROM bookings b, bounds
          WHERE b.provider_id = ${scope.providerId} AND b.customer_id = seen.customer_id
            AND b.status <> 'cancelled' AND lower(b.slot) < bounds.hi
        ) >= 2) AS repeat
      FROM seen`,
  );
  return { customers: Number(row?.customers ?? 0), repeat: Number(row?.repeat ?? 0) };
};

/** Non-cancelled bookings by weekday (0 = Sunday) and by hour of the slot's local start. */
export const slotFigures = (db: Db, scope: AnalyticsScope) =>
  queryRows<{ kind: 'weekday' | 'hour'; key: Count; bookings: Count }>(
    db,
    sql`WITH ${bounds(scope)},
      starts AS (
        SELECT lower(b.slot) AT TIME ZONE ${scope.timeZone} AS local_start FROM bookings b, bounds
        WHERE b.provider_id = ${scope.providerId} AND b.status <> 'cancelled'
          AND lower(b.slot) >= bounds.lo AND lower(b.slot) < bounds.hi
      )
      SELECT 'weekday' AS kind, d AS key, count(s.local_start) AS bookings
      FROM generate_series(0, 6) d
      LEFT JOIN starts s ON extract(dow FROM s.local_start) = d
      GROUP BY d
      UNION ALL
      SELECT 'hour', h, count(s.local_start)
      FROM generate_series(0, 23) h
      LEFT JOIN starts s ON extract(hour FROM s.local_start) = h
      GROUP BY h`,
  );
