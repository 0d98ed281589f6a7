import { sql } from 'drizzle-orm';
import { preparedPer, type Db } from '../../db/client';
import { greatCircleMetresSql } from '../../db/great-circle';

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

export type BookableProviderRow = {
  id: string;
  userId: string;
  active: boolean;
  timeZone: string;
  categories: string[] | null;
  service: BookableService | null;
  coversPoint: boolean;
  startsAt: Date | string;
  withinWeeklySlot: boolean;
  onLeave: boolean;
};

const param = (name: keyof BookingRequestFacts | 'lat' | 'lng') => sql.placeholder(name);
/** The requested day on the provider's calendar. */
const day = sql`(CASE WHEN length(${param('date')}::text) > 10
  THEN (${param('date')}::timestamptz AT TIME ZONE p.time_zone)::date
  ELSE ${param('date')}::date END)`;
const startMinute = sql`(extract(epoch FROM ${param('time')}::time)::int / 60)`;
const endMinute = sql`(extract(epoch FROM ${param('time')}::time)::int / 60 + ${param('durationMinutes')}::int)`;

/**
 * The facts query, with placeholders named as in `BookingRequestFacts` (plus `lat`, `lng`). Its
 * columns carry aliases so that a booking insert can read them from a CTE.
 */
export const bookableProviderQuery = (db: Db) =>
  db
    .select({
      id: sql<string>`p.id`.as('id'),
      userId: sql<string>`p.user_id`.as('user_id'),
      active: sql<boolean>`p.is_active AND u.is_active`.as('active'),
      timeZone: sql<string>`p.time_zone`.as('time_zone'),
      categories: sql<string[] | null>`(SELECT array_agg(DISTINCT s.category_slug)
        FROM provider_services s WHERE s.provider_id = p.id AND s.is_active)`.as('categories'),
      service: sql<BookableService | null>`(SELECT json_build_object('id', s.id,
          'categorySlug', s.category_slug, 'subcategorySlug', s.subcategory_slug, 'title', s.title,
          'basePricePaise', s.base_price_paise, 'unit', s.unit)
        FROM provider_services s
        WHERE s.provider_id = p.id AND s.is_active
          AND (s.id = ${param('serviceId')}::uuid OR (${param('serviceId')}::uuid IS NULL
            AND s.category_slug = ${param('category')}::text
            AND (${param('subcategory')}::text IS NULL OR s.subcategory_slug = ${param('subcategory')}::text)))
        ORDER BY s.created_at, s.id LIMIT 1)`.as('service'),
      coversPoint: sql<boolean>`EXISTS (SELECT 1 FROM provider_service_areas a
        WHERE a.provider_id = p.id AND ${greatCircleMetresSql(
          { lat: sql`a.latitude`, lng: sql`a.longitude` },
          { lat: sql`${param('lat')}::float8`, lng: sql`${param('lng')}::float8` },
        )} <= a.radius_km::float8 * 1000)`.as('covers_point'),
      startsAt: sql<string>`((${day} + ${param('time')}::time) AT TIME ZONE p.time_zone)`.as(
        'starts_at',
      ),
      withinWeeklySlot: sql<boolean>`EXISTS (SELECT 1 FROM provider_availability slot
        WHERE slot.provider_id = p.id AND slot.day_of_week = EXTRACT(DOW FROM ${day})
          AND extract(epoch FROM slot.start_time) / 60 <= ${startMinute}
          AND extract(epoch FROM slot.end_time) / 60 >= ${endMinute})`.as('within_weekly_slot'),
      onLeave: sql<boolean>`EXISTS (SELECT 1 FROM provider_availability_exceptions leave
        WHERE leave.provider_id = p.id AND leave.date = ${day}
          AND (leave.all_day OR (extract(epoch FROM leave.start_time) / 60 < ${endMinute}
            AND extract(epoch FROM leave.end_time) / 60 > ${startMinute})))`.as('on_leave'),
    })
    .from(sql`providers p JOIN users u ON u.id = p.user_id`)
    .where(sql`p.id = ${param('providerId')}::uuid`);

// A named statement, prepared once per connection: booking creation is a hot path and this query
// costs more to plan than to run.
const bookableProvider = preparedPer((db) =>
  bookableProviderQuery(db).prepare('bookable_provider'),
);

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
  const [row] = (await bookableProvider(db).execute({
    providerId: facts.providerId,
    serviceId: facts.serviceId ?? null,
    category: facts.category,
    subcategory: facts.subcategory ?? null,
    lat: facts.point.lat,
    lng: facts.point.lng,
    date: facts.date,
    time: facts.time,
    durationMinutes: facts.durationMinutes,
  })) as BookableProviderRow[];
  return row && toBookableProvider(row);
};

/** A row of `bookableProviderQuery`, as the bookings module reads it. */
export const toBookableProvider = (row: BookableProviderRow): BookableProvider => ({
  ...row,
  categories: row.categories ?? [],
  startsAt: new Date(row.startsAt),
});
