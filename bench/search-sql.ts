/**
 * The SQL behind `GET /api/search/providers`, taken from the repository's own builders (run
 * against a recording stand-in for the database and rendered by drizzle's PgDialect), and turned
 * into pgbench scripts: each placeholder is mapped back, by the sentinel value it was built
 * with, to a pgbench variable, so the scripts cannot drift from what the API sends. A builder
 * change that adds a parameter the map does not know fails the run instead of measuring
 * something else.
 */
import { sql, type SQL } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { PgDialect } from 'drizzle-orm/pg-core';
import { SEARCH_TOTAL_CAP } from '@localkart/contracts/search';
import type { Db } from '../apps/api/src/db/client';
import { listCardDetails } from '../apps/api/src/modules/providers/providers.repo';
import {
  findProvidersPage,
  inRangeSql,
  pointSql,
  type ProviderSearch,
} from '../apps/api/src/modules/search/search-providers.repo';
import { JITTER_DEG, JITTER_STEPS, RADIUS_KM, type Workload } from './search-workload';

type Statement = { sql: string; params: unknown[] };

const PAGE_SIZE = 20;
const SENTINEL = { lat: 11.111111, lng: 77.777777, radiusKm: 33.3, category: '__bench_category__' };
const CARD_SENTINEL = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;

const dialect = new PgDialect();

/** What the API sends for one default search (distance order, first page), in order. */
const apiStatements = async (): Promise<Statement[]> => {
  const captured: Statement[] = [];
  const recorder = {
    execute: (query: SQL) => {
      captured.push(dialect.sqlToQuery(query));
      return Promise.resolve({ rows: [] });
    },
  } as unknown as Db;
  const search: ProviderSearch = {
    point: { lat: SENTINEL.lat, lng: SENTINEL.lng },
    radiusKm: SENTINEL.radiusKm,
    category: SENTINEL.category,
    sort: 'distance',
    limit: PAGE_SIZE,
    offset: 0,
  };
  await findProvidersPage(recorder, search, SEARCH_TOTAL_CAP);
  const ids = Array.from({ length: PAGE_SIZE }, (_, i) => CARD_SENTINEL(i + 1));
  const cards = listCardDetails(drizzle.mock(), ids) as unknown as {
    toSQL: () => Statement;
  };
  captured.push(cards.toSQL());
  return captured;
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

/** `$n` → `:variable` or a literal, by the sentinel each parameter was built with. */
const toPgbench = (statement: Statement, category: string, cardIds: string[]): string => {
  const replacement = (value: unknown): string => {
    if (value === SENTINEL.lat) return ':lat';
    if (value === SENTINEL.lng) return ':lng';
    if (value === SENTINEL.radiusKm) return ':radius';
    if (value === SENTINEL.radiusKm * 1000) return ':radius_m';
    if (value === SENTINEL.category) return quote(category);
    if (value === PAGE_SIZE) return ':limit';
    if (value === 0) return ':offset';
    if (value === SEARCH_TOTAL_CAP + 1) return ':cap';
    if (typeof value === 'string' && value.startsWith('00000000-0000-4000-8000-')) {
      const id = cardIds[Number(value.slice(-12)) - 1];
      if (id) return quote(id);
    }
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
 * One script per category (and one for "any"), picked with equal weight like the API's
 * requests: `api` runs the statements the API runs per request (page with count, then cards); `naive`
 * runs the naive top-20 query. The card look-up gets 20 random seeded provider ids per script.
 */
export const pgbenchScripts = async (
  workload: Workload,
  kind: 'api' | 'naive',
  providerIds: string[],
): Promise<PgbenchScript[]> => {
  const api = await apiStatements();
  const draws = drawLines(workload);
  return workload.categories.map((category, i) => {
    const cardIds = Array.from(
      { length: PAGE_SIZE },
      (_, j) => providerIds[(i * PAGE_SIZE + j) % providerIds.length] ?? '',
    );
    const statements = kind === 'api' ? api : [naiveStatement(category)];
    return {
      name: `${kind}-${category || 'any'}`,
      text: [...draws, ...statements.map((s) => `${toPgbench(s, category, cardIds)};`), ''].join(
        '\n',
      ),
    };
  });
};

/** The API's statements for one request, with sentinels, for EXPLAIN in the report. */
export const explainableStatements = async (request: {
  lat: number;
  lng: number;
  radiusKm: number;
  category: string;
}): Promise<{ label: string; text: string }[]> => {
  // The default (nearest-first) search reads its page and its capped count in one statement.
  const [pageAndCount] = await apiStatements();
  const fill = (statement: Statement | undefined, category: string) =>
    statement
      ? toPgbench(statement, category, [])
          .replaceAll(':lat', String(request.lat))
          .replaceAll(':lng', String(request.lng))
          .replaceAll(':radius_m', String(request.radiusKm * 1000))
          .replaceAll(':radius', String(request.radiusKm))
          .replaceAll(':limit', String(PAGE_SIZE))
          .replaceAll(':offset', '0')
          .replaceAll(':cap', String(SEARCH_TOTAL_CAP + 1))
      : '';
  return [
    { label: 'page + count', text: fill(pageAndCount, request.category) },
    { label: 'naive', text: fill(naiveStatement(request.category), request.category) },
  ];
};
