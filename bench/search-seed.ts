/**
 * Fills a bench database with `count` providers in set-based SQL, the same statements on a
 * PostgreSQL server and on PGlite: the demo cities' real India Post offices go in as one JSON
 * parameter, then one INSERT … SELECT per table draws every provider's city (weighted like the
 * demo seed), office (±~400 m), 1–3 distinct categories with one priced subcategory each, a
 * 3–15 km service radius and a rating. The search triggers are off during the load; the read
 * model is then built by `refresh_provider_search_entries` in batches of ids, with its GiST and
 * trigram indexes dropped and rebuilt from their own definitions, then everything is analysed.
 * A marker table records the count, so a later run with the same count reuses the data.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Database, Db } from '../apps/api/src/db/client';
import { queryRows } from '../apps/api/src/db/client';
import { loadDemoLocalities } from '../apps/api/src/db/seed/india-post';
import { note } from './child-server';

const REFRESH_BATCH = 25_000;
const SEARCH_TRIGGER_TABLES = ['providers', 'provider_services', 'provider_service_areas'];
/** Rebuilt after the load instead of maintained row by row. */
const DEFERRED_INDEX_PATTERN = '%\\_gist';
const DEFERRED_TRGM_PATTERN = '%\\_trgm';

const run = async (db: Db, query: SQL | string) => {
  await db.execute(typeof query === 'string' ? sql.raw(query) : query);
};

const timed = async <T>(label: string, work: () => Promise<T>): Promise<T> => {
  const started = Date.now();
  const result = await work();
  note(`  ${label}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return result;
};

/** The provider count a previous seed left, or undefined if there is none. */
export const seededCount = async (db: Db): Promise<number | undefined> => {
  const [table] = await queryRows<{ exists: boolean }>(
    db,
    sql`SELECT to_regclass('bench_search_marker') IS NOT NULL AS exists`,
  );
  if (!table?.exists) return undefined;
  const [row] = await queryRows<{ providers: number }>(
    db,
    sql`SELECT providers FROM bench_search_marker LIMIT 1`,
  );
  return row?.providers;
};

const loadOffices = async (db: Db) => {
  const offices = [...loadDemoLocalities()].flatMap(([city, localities]) =>
    localities.map((l) => [
      city.name,
      city.state,
      city.weight,
      l.area,
      l.pincode,
      l.latitude,
      l.longitude,
    ]),
  );
  await run(db, 'DROP TABLE IF EXISTS bench_search_offices, bench_search_cities');
  await run(
    db,
    sql`CREATE TABLE bench_search_offices AS
      SELECT (row_number() OVER (ORDER BY o->>0, o->>4, o->>3))::int AS id,
        o->>0 AS city, o->>1 AS state, (o->>2)::float8 AS weight, o->>3 AS area, o->>4 AS pincode,
        (o->>5)::float8 AS latitude, (o->>6)::float8 AS longitude
      FROM jsonb_array_elements(${JSON.stringify(offices)}::jsonb) o`,
  );
  // Each city owns [lo, hi) of [0, 1) by weight, and a run of consecutive office ids.
  await run(
    db,
    `CREATE TABLE bench_search_cities AS
      SELECT city, min(id) AS first_office, count(*)::int AS office_count,
        (sum(max(weight)) OVER (ORDER BY city) - max(weight)) / sum(max(weight)) OVER () AS lo,
        sum(max(weight)) OVER (ORDER BY city) / sum(max(weight)) OVER () AS hi
      FROM bench_search_offices GROUP BY city`,
  );
  return offices.length;
};

const loadTaxonomy = async (db: Db) => {
  await run(db, 'DROP TABLE IF EXISTS bench_search_categories, bench_search_subcategories');
  await run(
    db,
    `CREATE TABLE bench_search_subcategories AS
      SELECT s.category_slug, s.slug, s.name_en, s.unit, s.price_min_paise, s.price_max_paise,
        (row_number() OVER (PARTITION BY s.category_slug ORDER BY s.sort_order, s.slug) - 1)::int AS idx
      FROM service_subcategories s JOIN service_categories c ON c.slug = s.category_slug
      WHERE c.is_active AND s.is_active AND s.price_max_paise > 0`,
  );
  await run(
    db,
    `CREATE TABLE bench_search_categories AS
      SELECT (row_number() OVER (ORDER BY c.sort_order, c.slug) - 1)::int AS idx, c.slug, c.name_en,
        (SELECT count(*) FROM bench_search_subcategories s WHERE s.category_slug = c.slug)::int AS sub_count
      FROM service_categories c
      WHERE c.is_active AND EXISTS (SELECT 1 FROM bench_search_subcategories s WHERE s.category_slug = c.slug)`,
  );
  const [row] = await queryRows<{ count: number }>(
    db,
    sql`SELECT count(*)::int AS count FROM bench_search_categories`,
  );
  return row?.count ?? 0;
};

/** One row per provider: every random draw made once, so the tables below agree. */
const drawProviders = async (db: Db, count: number, categoryCount: number) => {
  await run(db, 'DROP TABLE IF EXISTS bench_search_draws');
  await run(
    db,
    sql`CREATE TABLE bench_search_draws AS
      SELECT g.n, gen_random_uuid() AS user_id, gen_random_uuid() AS provider_id,
        o.city, o.state, o.area, o.pincode,
        o.latitude + (g.r1 - 0.5) * 0.008 AS latitude, o.longitude + (g.r2 - 0.5) * 0.008 AS longitude,
        3 + floor(g.r3 * 13)::int AS radius_km,
        1 + floor(g.r4 * 3)::int AS category_count,
        floor(g.r5 * ${categoryCount})::int AS first_category,
        1 + floor(g.r6 * ${Math.floor((categoryCount - 1) / 2)})::int AS category_step,
        floor(201 * g.r7 ^ 3)::int AS rating_count, g.r8 AS rating_draw, g.r9 < 0.3 AS is_verified
      FROM (SELECT n, random() AS u, random() AS v, random() AS r1, random() AS r2, random() AS r3,
              random() AS r4, random() AS r5, random() AS r6, random() AS r7, random() AS r8,
              random() AS r9
            FROM generate_series(1, ${count}) n) g
      JOIN bench_search_cities c ON g.u >= c.lo AND g.u < c.hi
      JOIN bench_search_offices o ON o.id = c.first_office + floor(g.v * c.office_count)::int`,
  );
};

const insertProviders = async (db: Db) => {
  await timed('users', () =>
    run(
      db,
      `INSERT INTO users (id, email, role, first_name, last_name, city, state, pincode, latitude,
         longitude, is_verified)
       SELECT user_id, 'bench.search.' || n || '@bench.localkart.in', 'provider', 'Bench',
         'Provider ' || n, city, state, pincode, latitude, longitude, true
       FROM bench_search_draws`,
    ),
  );
  await timed('providers', () =>
    run(
      db,
      `INSERT INTO providers (id, user_id, business_name, description, ai_generated_profile,
         rating_average, rating_count, is_verified)
       SELECT d.provider_id, d.user_id, left(d.area || ' ' || c.name_en || ' Services', 100),
         c.name_en || ' in ' || d.area || ', ' || d.city || '.',
         jsonb_build_object('summary', c.name_en || ' in ' || d.city, 'skills', jsonb_build_array(c.name_en),
           'experience', '', 'specialties', jsonb_build_array()),
         CASE WHEN d.rating_count = 0 THEN 0 ELSE round((3.6 + 1.4 * d.rating_draw ^ 0.7)::numeric, 2) END,
         d.rating_count, d.is_verified
       FROM bench_search_draws d JOIN bench_search_categories c ON c.idx = d.first_category`,
    ),
  );
  await timed('services', () =>
    run(
      db,
      `INSERT INTO provider_services (provider_id, category_slug, subcategory_slug, title,
         base_price_paise, unit)
       SELECT x.provider_id, s.category_slug, s.slug, s.name_en,
         greatest(100, (s.price_min_paise + x.r * (s.price_max_paise - s.price_min_paise))::int / 100 * 100),
         s.unit
       FROM (SELECT d.provider_id, (d.first_category + i * d.category_step) % (SELECT count(*) FROM bench_search_categories) AS category,
               random() AS pick, random() AS r
             FROM bench_search_draws d CROSS JOIN LATERAL generate_series(0, d.category_count - 1) i) x
       JOIN bench_search_categories c ON c.idx = x.category
       JOIN bench_search_subcategories s ON s.category_slug = c.slug AND s.idx = floor(x.pick * c.sub_count)::int`,
    ),
  );
  await timed('service areas', () =>
    run(
      db,
      `INSERT INTO provider_service_areas (provider_id, city, pincodes, localities, radius_km,
         latitude, longitude)
       SELECT provider_id, city, ARRAY[pincode], ARRAY[area], radius_km, latitude, longitude
       FROM bench_search_draws`,
    ),
  );
};

/** The read model's GiST and trigram indexes: dropped for the load, rebuilt from these. */
const deferredIndexes = (db: Db) =>
  queryRows<{ name: string; definition: string }>(
    db,
    sql`SELECT indexname AS name, indexdef AS definition FROM pg_indexes
      WHERE tablename = 'provider_search_entries'
        AND (indexname LIKE ${DEFERRED_INDEX_PATTERN} OR indexname LIKE ${DEFERRED_TRGM_PATTERN})`,
  );

const buildReadModel = async (db: Db, count: number) => {
  const indexes = await deferredIndexes(db);
  for (const { name } of indexes) await run(db, `DROP INDEX IF EXISTS "${name}"`);
  await timed('search entries', async () => {
    for (let from = 0; from < count; from += REFRESH_BATCH) {
      await run(
        db,
        sql`SELECT refresh_provider_search_entries(ARRAY(
          SELECT provider_id FROM bench_search_draws WHERE n > ${from} AND n <= ${from + REFRESH_BATCH}))`,
      );
    }
  });
  for (const { name, definition } of indexes)
    await timed(`index ${name}`, () => run(db, definition));
};

const setSearchTriggers = async (db: Db, enabled: boolean) => {
  for (const table of SEARCH_TRIGGER_TABLES)
    await run(db, `ALTER TABLE ${table} ${enabled ? 'ENABLE' : 'DISABLE'} TRIGGER USER`);
};

/** Seeds `count` providers into a migrated, empty database with the taxonomy in place. */
export const seedSearchBench = async (database: Database, count: number): Promise<void> => {
  const { db } = database;
  const offices = await loadOffices(db);
  const categories = await loadTaxonomy(db);
  if (categories < 3) throw new Error('the taxonomy is missing: seed it before the providers');
  note(
    `seeding ${count.toLocaleString('en-US')} providers over ${offices} post offices, ${categories} categories…`,
  );
  await timed('draws', () => drawProviders(db, count, categories));
  await setSearchTriggers(db, false);
  try {
    await insertProviders(db);
  } finally {
    await setSearchTriggers(db, true);
  }
  await buildReadModel(db, count);
  await timed('analyse', () => run(db, 'VACUUM ANALYZE'));
  await run(
    db,
    'DROP TABLE IF EXISTS bench_search_draws, bench_search_categories, bench_search_subcategories',
  );
  await run(
    db,
    'CREATE TABLE bench_search_marker (providers integer NOT NULL, seeded_at timestamptz NOT NULL DEFAULT now())',
  );
  await run(db, sql`INSERT INTO bench_search_marker (providers) VALUES (${count})`);
};
