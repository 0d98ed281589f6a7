/**
 * The SQL behind `GET /api/search/providers`, taken from the repository's own builder
 * (`nearestPageSql`, rendered by drizzle's PgDialect), and turned into pgbench scripts: each
 * placeholder is mapped back, by the sentinel value it was built with, to a pgbench variable,
 * so the scripts cannot drift from what the API sends. A builder change that adds a parameter
 * the map does not know fails the run instead of measuring something else.
 */
import { sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { SEARCH_TOTAL_CAP } from '@localkart/contracts/search';
import {
  inRangeSql,
  nearestPageSql,
  pointSql,
  type ProviderSearch,
} from '../apps/api/src/modules/search/search-providers.repo';
import { JITTER_DEG, JITTER_STEPS, RADIUS_KM, type Workload } from './search-workload';

type Statement = { sql: string; params: unknown[] };

const PAGE_SIZE = 20;
const SENTINEL = { lat: 11.111111, lng: 77.777777, radiusKm: 33.3, category: '__bench_category__' };

const dialect = new PgDialect();

/** What the API sends for one default search (distance order, first page): one statement. */
const apiStatement = (): Statement => {
  const search: ProviderSearch = {
    point: { lat: SENTINEL.lat, lng: SENTINEL.lng },
    radiusKm: SENTINEL.radiusKm,
    category: SENTINEL.category,
    sort: 'distance',
    limit: PAGE_SIZE,
    offset: 0,
  };
  return dialect.sqlToQuery(nearestPageSql(search, SEARCH_TOTAL_CAP));
};

/**
 * The textbook query over the normalised tables: `earth_box` on provider_service_areas' GiST
 * centre index, the category through provider_services' btree, every provider in range sorted by
 * `earth_distance`. The baseline the read model's (category, point) GiST index must beat.
 */
const naiveStatement = (category: string): Statement => {
  const search = { point: { lat: SENTINEL.lat, lng: SENTINEL.lng }, radiusKm: SENTINEL.radiusKm };
  const offers = category
    ? sql`AND EXISTS (SELECT 1 FROM provider_services s
        WHERE s.provider_id = a.provider_id AND s.category_slug = ${SENTINEL.category} AND s.is_active)`
    : sql``;
  return dialect.sqlToQuery(sql`SELECT p.id, p.business_name, a.city, p.rating_average,
      p.rating_count, p.is_verified,
      earth_distance(ll_to_earth(a.latitude, a.longitude), ${pointSql(search.point)}) AS distance_m
    FROM provider_service_areas a JOIN providers p ON p.id = a.provider_id AND p.is_active
    WHERE ${inRangeSql('a', search)} ${offers}
    ORDER BY distance_m, p.id LIMIT ${PAGE_SIZE}`);
};

const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;

/**
 * `$n` → `:variable` or a literal, by the sentinel each parameter was built with; the category
 * becomes `categorySql`.
 */
const toPgbench = (statement: Statement, categorySql: string): string => {
  const replacement = (value: unknown): string => {
    if (value === SENTINEL.lat) return ':lat';
    if (value === SENTINEL.lng) return ':lng';
    if (value === SENTINEL.radiusKm) return ':radius';
    if (value === SENTINEL.radiusKm * 1000) return ':radius_m';
    if (value === SENTINEL.category) return categorySql;
    if (value === PAGE_SIZE) return ':limit';
    if (value === 0) return ':offset';
    if (value === SEARCH_TOTAL_CAP + 1) return ':cap';
    throw new Error(`search SQL has a parameter the bench does not know: ${JSON.stringify(value)}`);
  };
  return statement.sql.replace(/\$(\d+)/g, (_, n: string) =>
    replacement(statement.params[Number(n) - 1]),
  );
};

/** `\set` lines drawing the point and radius exactly as `randomRequest` does. */
const drawLines = (workload: Workload): string[] => {
  const slots = workload.cities.flatMap((city) =>
    city.anchors.map((anchor) => ({ anchor, weight: city.weight })),
  );
  // Every city has the same number of anchors, so an anchor covering its city's weight in
  // slots gives each city its weight's share, as `random.weighted` does.
  const lines = [`\\set slot random(1, ${slots.reduce((sum, slot) => sum + slot.weight, 0)})`];
  let upTo = 0;
  slots.forEach(({ anchor, weight }, i) => {
    upTo += weight;
    lines.push(
      `${i === 0 ? '\\if' : '\\elif'} :slot <= ${upTo}`,
      `\\set alat ${anchor.lat}`,
      `\\set alng ${anchor.lng}`,
    );
  });
  const step = JITTER_DEG / JITTER_STEPS;
  lines.push(
    '\\endif',
    `\\set lat :alat + random(-${JITTER_STEPS}, ${JITTER_STEPS}) * ${step}`,
    `\\set lng :alng + random(-${JITTER_STEPS}, ${JITTER_STEPS}) * ${step}`,
    `\\set radius random(${RADIUS_KM.min}, ${RADIUS_KM.max})`,
    '\\set radius_m :radius * 1000',
    `\\set limit ${PAGE_SIZE}`,
    '\\set offset 0',
    `\\set cap ${SEARCH_TOTAL_CAP + 1}`,
  );
  return lines;
};

export type PgbenchScript = { name: string; text: string };

/**
 * The API's one statement per request (the page with its capped count and card details), as
 * one script whose category is drawn like the API's requests draw it (`:category` indexes the
 * list): like the API's, the statement text is the same for every category, so pgbench in
 * prepared mode reuses one statement per connection as node-postgres does.
 */
export const apiPgbenchScript = (workload: Workload): PgbenchScript => {
  const categories = `(ARRAY[${workload.categories.map(quote).join(', ')}]::text[])[:category]`;
  return {
    name: 'api',
    text: [
      ...drawLines(workload),
      `\\set category random(1, ${workload.categories.length})`,
      `${toPgbench(apiStatement(), categories)};`,
      '',
    ].join('\n'),
  };
};

/** The naive top-20 query, one script per category (and one for "any"), picked evenly. */
export const naivePgbenchScripts = (workload: Workload): PgbenchScript[] =>
  workload.categories.map((category) => ({
    name: `naive-${category || 'any'}`,
    text: [
      ...drawLines(workload),
      `${toPgbench(naiveStatement(category), quote(category))};`,
      '',
    ].join('\n'),
  }));

/** The API's statement and the naive one for one request, filled in, for EXPLAIN in the report. */
export const explainableStatements = (request: {
  lat: number;
  lng: number;
  radiusKm: number;
  category: string;
}): { label: string; text: string }[] => {
  const fill = (statement: Statement) =>
    toPgbench(statement, quote(request.category))
      .replaceAll(':lat', String(request.lat))
      .replaceAll(':lng', String(request.lng))
      .replaceAll(':radius_m', String(request.radiusKm * 1000))
      .replaceAll(':radius', String(request.radiusKm))
      .replaceAll(':limit', String(PAGE_SIZE))
      .replaceAll(':offset', '0')
      .replaceAll(':cap', String(SEARCH_TOTAL_CAP + 1));
  return [
    { label: 'page + count', text: fill(apiStatement()) },
    { label: 'naive', text: fill(naiveStatement(request.category)) },
  ];
};
