import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client';

export type BookingRequestFacts = {
  providerId: string;
  /** The service asked for by id; else the provider's active service in `category`. */
  serviceId?: string | undefined;
  category: string;
  subcategory?: string | undefined;
  point: { lat: number; lng: number };
  /** `YYYY-MM-DD` on the provider's calendar, or an ISO date-time whose calendar date there counts. */
  date: string;
  /** `HH:MM` on the provider's clock. */
  time: string;
  durationMinutes: number;
};

export type BookableService = {
  id: string;
  categorySlug: string;
  subcategorySlug: string;
  title: string;
  basePricePaise: number;
  unit: 'hour' | 'service' | 'square_feet';
};

export type BookableProvider = {
  id: string;
  userId: string;
  /** The provider and its owner's account are both active. */
  active: boolean;
  timeZone: string;
  /** Categories of its active services (what its search entries list). */
  categories: string[];
  service: BookableService | null;
  /** One of its service areas covers the point. */
  coversPoint: boolean;
  /** The provider's local date and time, as an instant. */
  startsAt: Date;
  /** One weekly slot of that weekday holds the whole [time, time + duration). */
  withinWeeklySlot: boolean;
  /** Leave on that date overlaps [time, time + duration). */
  onLeave: boolean;
};

type Row = {
  id: string;
  user_id: string;
  active: boolean;
  time_zone: string;
  categories: string[] | null;
  service: BookableService | null;
  covers_point: boolean;
  starts_at: Date | string;
  within_weekly_slot: boolean;
  on_leave: boolean;
};

/**
 * Every fact about a provider that a booking request depends on, in one round trip (booking
 * creation is a hot path): whether it is active, the service, whether an area covers the point,
 * and whether its schedule holds the time. For the bookings module, so the provider tables stay
 * known only here. Undefined when no provider has that id.
 */
export const findBookableProvider = async (
  db: Db,
  facts: BookingRequestFacts,
): Promise<BookableProvider | undefined> => {
  const { providerId, point, time, durationMinutes } = facts;
  const serviceFilter = facts.serviceId
    ? sql`s.id = ${facts.serviceId}::uuid`
    : facts.subcategory
      ? sql`s.category_slug = ${facts.category} AND s.subcategory_slug = ${facts.subcategory}`
      : sql`s.category_slug = ${facts.category}`;
  const [row] = await queryRows<Row>(
    db,
    sql`WITH p AS (
        SELECT p.id, p.user_id, p.is_active AND u.is_active AS active, p.time_zone,
          CASE WHEN length(${facts.date}) > 10
            THEN (${facts.date}::timestamptz AT TIME ZONE p.time_zone)::date
            ELSE ${facts.date}::date END AS day
        FROM providers p JOIN users u ON u.id = p.user_id
        WHERE p.id = ${providerId}::uuid),
      m AS (SELECT extract(epoch FROM ${time}::time)::int / 60 AS start_min,
          extract(epoch FROM ${time}::time)::int / 60 + ${durationMinutes}::int AS end_min)
      SELECT p.id, p.user_id, p.active, p.time_zone,
        (SELECT array_agg(DISTINCT s.category_slug) FROM provider_services s
          WHERE s.provider_id = p.id AND s.is_active) AS categories,
        (SELECT json_build_object('id', s.id, 'categorySlug', s.category_slug,
            'subcategorySlug', s.subcategory_slug, 'title', s.title,
            'basePricePaise', s.base_price_paise, 'unit', s.unit)
          FROM provider_services s
          WHERE s.provider_id = p.id AND s.is_active AND ${serviceFilter}
          ORDER BY s.created_at, s.id LIMIT 1) AS service,
        EXISTS (SELECT 1 FROM provider_service_areas a WHERE a.provider_id = p.id
          AND earth_distance(ll_to_earth(a.latitude, a.longitude),
            ll_to_earth(${point.lat}::float8, ${point.lng}::float8)) <= a.radius_km::float8 * 1000
        ) AS covers_point,
        ((p.day + ${time}::time) AT TIME ZONE p.time_zone) AS starts_at,
        EXISTS (SELECT 1 FROM provider_availability slot, m
          WHERE slot.provider_id = p.id AND slot.day_of_week = EXTRACT(DOW FROM p.day)
            AND extract(epoch FROM slot.start_time) / 60 <= m.start_min
            AND extract(epoch FROM slot.end_time) / 60 >= m.end_min) AS within_weekly_slot,
        EXISTS (SELECT 1 FROM provider_availability_exceptions leave, m
          WHERE leave.provider_id = p.id AND leave.date = p.day
            AND (leave.all_day OR (extract(epoch FROM leave.start_time) / 60 < m.end_min
              AND extract(epoch FROM leave.end_time) / 60 > m.start_min))) AS on_leave
      FROM p`,
  );
  if (!row) return undefined;
  return {
    id: row.id,
    userId: row.user_id,
    active: row.active,
    timeZone: row.time_zone,
    categories: row.categories ?? [],
    service: row.service,
    coversPoint: row.covers_point,
    startsAt: new Date(row.starts_at),
    withinWeeklySlot: row.within_weekly_slot,
    onLeave: row.on_leave,
  };
};
