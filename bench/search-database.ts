/**
 * The search bench's database: `localkart_bench_search` on the PostgreSQL server, or a PGlite
 * directory under the system temp directory. Migrated and given the taxonomy by the app's own
 * code, seeded by `search-seed.ts`, and reused while its marker says it holds the requested
 * number of providers (unless `--reseed`).
 */
import { sql } from 'drizzle-orm';
import { existsSync } from 'node:fs';
import { cp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, queryRows, type Database } from '../apps/api/src/db/client';
import { migrateDatabase } from '../apps/api/src/db/migrate';
import { seedTaxonomy } from '../apps/api/src/modules/taxonomy/seed-taxonomy';
import { createLogger } from '../apps/api/src/platform/logger';
import { note } from './child-server';
import type { PgbenchTarget } from './search-pgbench';
import { seedSearchBench, seededCount } from './search-seed';

export const SERVER_DATABASE = 'localkart_bench_search';
const PGLITE_ROOT = path.join(os.tmpdir(), 'localkart-bench-search');
const LONG_QUERY_MS = 3_600_000;

export type BenchDatabase =
  { kind: 'server'; url: string; pgbench: PgbenchTarget } | { kind: 'pglite'; dir: string };

const open = (where: BenchDatabase) =>
  openDatabase(
    {
      DATABASE_URL: where.kind === 'server' ? where.url : undefined,
      pgliteDir: where.kind === 'pglite' ? where.dir : 'memory://',
      DB_POOL_MAX: 2,
      DB_CONNECT_TIMEOUT_MS: 5000,
      DB_QUERY_TIMEOUT_MS: LONG_QUERY_MS,
    },
    createLogger({ LOG_LEVEL: 'warn' }),
  );

/** The server database's URL and pgbench's view of it, from `--pg-url` (no database part). */
export const serverDatabase = (serverUrl: string): BenchDatabase => {
  const url = new URL(serverUrl);
  url.pathname = `/${SERVER_DATABASE}`;
  return {
    kind: 'server',
    url: url.toString(),
    pgbench: {
      host: url.hostname,
      port: Number(url.port || 5432),
      user: decodeURIComponent(url.username || 'postgres'),
      database: SERVER_DATABASE,
    },
  };
};

export const pgliteDatabase = (providers: number): BenchDatabase => ({
  kind: 'pglite',
  dir: path.join(PGLITE_ROOT, `pglite-${providers}`),
});

/** Drops and creates the server database (ours only, by its fixed name). */
const recreateServerDatabase = async (serverUrl: string, create: boolean) => {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${SERVER_DATABASE} WITH (FORCE)`);
    if (create) await admin.query(`CREATE DATABASE ${SERVER_DATABASE}`);
  } finally {
    await admin.end();
  }
};

const serverDatabaseExists = async (serverUrl: string) => {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [
      SERVER_DATABASE,
    ]);
    return rowCount === 1;
  } finally {
    await admin.end();
  }
};

const seedFresh = async (where: BenchDatabase, providers: number) => {
  const database = await open(where);
  try {
    await migrateDatabase(database);
    await seedTaxonomy(database.db);
    await seedSearchBench(database, providers);
  } finally {
    await database.close();
  }
};

/** Makes sure the database holds exactly `providers` seeded providers. */
export const prepareDatabase = async ({
  where,
  serverUrl,
  providers,
  reseed,
}: {
  where: BenchDatabase;
  serverUrl: string;
  providers: number;
  reseed: boolean;
}): Promise<void> => {
  const exists =
    where.kind === 'server' ? await serverDatabaseExists(serverUrl) : existsSync(where.dir);
  if (exists && !reseed) {
    const database = await open(where);
    try {
      if ((await seededCount(database.db)) === providers) {
        // Seeded by an earlier checkout: brought to this one's schema, as the app would at start,
        // before the bench's own statements (EXPLAIN, pgbench) run against it.
        await migrateDatabase(database);
        note(
          `reusing the seeded ${where.kind} database (${providers.toLocaleString('en-US')} providers)`,
        );
        return;
      }
    } finally {
      await database.close();
    }
  }
  const started = Date.now();
  if (where.kind === 'server') await recreateServerDatabase(serverUrl, true);
  else await rm(where.dir, { recursive: true, force: true });
  await seedFresh(where, providers);
  note(`seeded in ${((Date.now() - started) / 1000).toFixed(0)} s`);
};

/**
 * Reads what a search touches (the read model and its GiST index, providers and their key) into
 * the OS page cache with pg_prewarm, so the first round measures searches rather than a disk:
 * after other benches had evicted the 1M tables, a first round ran at 15–19/s against 600/s in
 * the next. Returns the number of blocks read; PGlite has nothing to warm.
 */
export const prewarmServerDatabase = async (where: BenchDatabase): Promise<number> => {
  if (where.kind !== 'server') return 0;
  const database = await open(where);
  try {
    await queryRows(database.db, sql`CREATE EXTENSION IF NOT EXISTS pg_prewarm`);
    const [row] = await queryRows<{ blocks: number | null }>(
      database.db,
      sql`SELECT sum(pg_prewarm(c.oid, 'read'))::int AS blocks FROM pg_class c
        WHERE c.relname IN ('provider_search_entries', 'provider_search_entries_category_point_gist',
          'providers', 'providers_pkey')`,
    );
    return row?.blocks ?? 0;
  } finally {
    await database.close();
  }
};

/** PGlite is one process per directory: the cached app gets its own copy. */
export const copyPglite = async (dir: string, suffix: string) => {
  const copy = `${dir}-${suffix}`;
  await rm(copy, { recursive: true, force: true });
  await cp(dir, copy, { recursive: true });
  return copy;
};

export type DatabaseFacts = {
  categories: string[];
  searchEntries: number;
  explains: { label: string; plan: string }[];
};

/** Taxonomy slugs, the number of search entries, and EXPLAIN of `statements`. */
export const readFacts = async (
  where: BenchDatabase,
  statements: { label: string; text: string }[],
): Promise<DatabaseFacts> => {
  const database: Database = await open(where);
  try {
    const { db } = database;
    const categories = await queryRows<{ slug: string }>(
      db,
      sql`SELECT slug FROM service_categories WHERE is_active ORDER BY sort_order, slug`,
    );
    const [entries] = await queryRows<{ count: number }>(
      db,
      sql`SELECT count(*)::int AS count FROM provider_search_entries`,
    );
    const explains = [];
    for (const { label, text } of statements) {
      const rows = await queryRows<{ 'QUERY PLAN': string }>(
        db,
        sql.raw(`EXPLAIN (ANALYZE, BUFFERS) ${text}`),
      );
      explains.push({ label, plan: rows.map((row) => row['QUERY PLAN']).join('\n') });
    }
    return {
      categories: categories.map((row) => row.slug),
      searchEntries: entries?.count ?? 0,
      explains,
    };
  } finally {
    await database.close();
  }
};
