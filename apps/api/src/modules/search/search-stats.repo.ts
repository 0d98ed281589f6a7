import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client';
import { searchMisses } from '../../db/schema/search';
import { inRangeSql, type GeoPoint } from './search-providers.repo';

/**
 * Distinct providers serving the point, per category (`plumbing`) and per subcategory
 * (`plumbing/tap-repair`), from the per-category rows of the search index.
 */
export const countProvidersByService = async (
  db: Db,
  where: { point: GeoPoint; radiusKm: number },
): Promise<Map<string, number>> => {
  const rows = await queryRows<{ key: string; providers: number | string }>(
    db,
    sql`WITH near AS (
        SELECT e.provider_id, e.category_slug, e.subcategory_slugs
        FROM provider_search_entries e
        WHERE e.category_slug <> '' AND ${inRangeSql('e', where)}
      )
      SELECT category_slug AS key, count(DISTINCT provider_id) AS providers
      FROM near GROUP BY category_slug
      UNION ALL
      SELECT category_slug || '/' || sub AS key, count(DISTINCT provider_id)
      FROM near CROSS JOIN LATERAL unnest(subcategory_slugs) sub
      GROUP BY category_slug, sub`,
  );
  return new Map(rows.map((row) => [row.key, Number(row.providers)]));
};

export const recordSearchMiss = async (
  db: Db,
  miss: { query: string; categorySlug: string | null; lat: number; lng: number },
) => {
  await db.insert(searchMisses).values({
    query: miss.query,
    categorySlug: miss.categorySlug,
    latitude: miss.lat,
    longitude: miss.lng,
  });
};
