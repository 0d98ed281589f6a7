import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../../db/client';
import type { ScheduleMoment } from '../../providers/provider-schedule.repo';
import { providerWorksAtSql } from '../../providers/provider-schedule.repo';

export type ProviderTruth = {
  services: { category: string; subcategory: string; pricePaise: number }[];
  worksAt: boolean | null;
};

/** What the providers really offer and whether they work at `moment`: the eval's ground truth. */
export const loadProviderTruth = async (
  db: Db,
  ids: string[],
  moment?: ScheduleMoment,
): Promise<Map<string, ProviderTruth>> => {
  if (ids.length === 0) return new Map();
  const list = sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  );
  const rows = await queryRows<{
    id: string;
    services: ProviderTruth['services'];
    works_at: boolean | null;
  }>(
    db,
    sql`SELECT p.id,
        (SELECT json_agg(json_build_object('category', s.category_slug, 'subcategory', s.subcategory_slug,
           'pricePaise', s.base_price_paise)) FROM provider_services s WHERE s.provider_id = p.id AND s.is_active) AS services,
        ${moment ? providerWorksAtSql(sql`p.id`, moment) : sql`NULL::boolean`} AS works_at
      FROM providers p WHERE p.id = ANY(ARRAY[${list}]::uuid[])`,
  );
  return new Map(
    rows.map((row) => [row.id, { services: row.services ?? [], worksAt: row.works_at }]),
  );
};
