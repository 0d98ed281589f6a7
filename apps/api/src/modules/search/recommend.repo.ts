import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client';
import type { ScheduleMoment } from '../providers/provider-schedule.repo';
import { providerWorksAtSql } from '../providers/provider-schedule.repo';
import { providerHasNoBookingAtSql } from '../bookings/booking-availability.repo';

export type CandidateFacts = { subcategorySlugs: string[]; available: boolean | null };

const uuidArray = (ids: string[]): SQL =>
  sql`ARRAY[${sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  )}]::uuid[]`;

/**
 * For each candidate: the subcategories it offers in `category` (`''`: any) and whether it works
 * at the wanted moment, read on its own time zone's clock (`momentIn`); null when no moment is
 * asked for.
 */
export const loadCandidateFacts = async (
  db: Db,
  {
    ids,
    category,
    momentIn,
  }: { ids: string[]; category: string; momentIn?: (timeZone: string) => ScheduleMoment },
): Promise<Map<string, CandidateFacts>> => {
  if (ids.length === 0) return new Map();
  const rows = await queryRows<{
    provider_id: string;
    subcategory_slugs: string[];
    time_zone: string;
  }>(
    db,
    sql`SELECT DISTINCT ON (e.provider_id) e.provider_id, e.subcategory_slugs, p.time_zone
      FROM provider_search_entries e JOIN providers p ON p.id = e.provider_id
      WHERE e.provider_id = ANY(${uuidArray(ids)}) AND e.category_slug = ${category}
      ORDER BY e.provider_id`,
  );
  const available = new Set<string>();
  if (momentIn) {
    for (const zone of new Set(rows.map((row) => row.time_zone))) {
      const inZone = rows.filter((row) => row.time_zone === zone).map((row) => row.provider_id);
      const working = await queryRows<{ id: string }>(
        db,
        sql`SELECT p.id FROM providers p WHERE p.id = ANY(${uuidArray(inZone)})
          AND ${providerWorksAtSql(sql`p.id`, momentIn(zone))}
          AND ${providerHasNoBookingAtSql(sql`p.id`, momentIn(zone))}`,
      );
      for (const { id } of working) available.add(id);
    }
  }
  return new Map(
    rows.map((row) => [
      row.provider_id,
      {
        subcategorySlugs: row.subcategory_slugs,
        available: momentIn ? available.has(row.provider_id) : null,
      },
    ]),
  );
};
