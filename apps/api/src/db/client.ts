import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { citext } from '@electric-sql/pglite/contrib/citext';
import { cube } from '@electric-sql/pglite/contrib/cube';
import { earthdistance } from '@electric-sql/pglite/contrib/earthdistance';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { is, sql, type Query, type SQL } from 'drizzle-orm';
import { drizzle as drizzleNodePostgres } from 'drizzle-orm/node-postgres';
import {
  PgDialect,
  PgTransaction,
  type PgDatabase,
  type PgQueryResultHKT,
} from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import type { Config } from '../config';
import type { Logger } from '../platform/logger';
import { createPool } from './pool';

/** The query builder both drivers share; repositories depend on this, never on a driver. */
export type Db = PgDatabase<PgQueryResultHKT>;

export type Database = {
  readonly kind: 'pglite' | 'postgres';
  readonly db: Db;
  /** Runs `SELECT 1`; rejects when the database is unreachable. */
  ping(): Promise<void>;
  close(): Promise<void>;
  /** Runs `work` holding a session-level advisory lock, so only one process migrates at a time. */
  withMigrationLock<T>(work: (db: Db) => Promise<T>): Promise<T>;
};

type DatabaseConfig = Pick<
  Config,
  'DATABASE_URL' | 'pgliteDir' | 'DB_POOL_MAX' | 'DB_CONNECT_TIMEOUT_MS' | 'DB_QUERY_TIMEOUT_MS'
>;

const MIGRATION_LOCK_KEY = 4_242_042;

const openPglite = async (dataDir: string): Promise<Database> => {
  if (dataDir !== 'memory://') mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create(dataDir, {
    extensions: { cube, earthdistance, btree_gist, pg_trgm, citext, pgcrypto, unaccent },
  });
  const db = drizzlePglite({ client }) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    ping: async () => {
      await client.query('SELECT 1');
    },
    close: () => client.close(),
    // PGlite is single-connection and single-process: nothing else can migrate concurrently.
    withMigrationLock: (work) => work(db),
  };
};

const openPostgres = (url: string, config: DatabaseConfig, logger: Logger): Database => {
  const pool = createPool({
    connectionString: url,
    max: config.DB_POOL_MAX,
    connectionTimeoutMillis: config.DB_CONNECT_TIMEOUT_MS,
    query_timeout: config.DB_QUERY_TIMEOUT_MS,
    idleTimeoutMillis: 30_000,
    application_name: 'localkart-api',
  });
  // An idle client whose server went away emits here; without a listener the process would crash.
  pool.on('error', (error) => logger.warn({ err: error }, 'idle database connection lost'));
  const db = drizzleNodePostgres({ client: pool }) as unknown as Db;
  return {
    kind: 'postgres',
    db,
    ping: async () => {
      await pool.query('SELECT 1');
    },
    close: () => pool.end(),
    withMigrationLock: async (work) => {
      const client = await pool.connect();
      try {
        await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
        return await work(drizzleNodePostgres({ client }));
      } finally {
        await client
          .query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY])
          .catch(() => undefined);
        client.release();
      }
    },
  };
};

export const openDatabase = async (config: DatabaseConfig, logger: Logger): Promise<Database> =>
  config.DATABASE_URL
    ? openPostgres(config.DATABASE_URL, config, logger)
    : await openPglite(config.pgliteDir);

/** What `afterCommit` was asked to run, per transaction begun by `inTransaction`. */
const committedTasks = new WeakMap<Db, (() => void)[]>();

/**
 * Runs `work` in a transaction and hands it the transaction as a `Db`, so repository functions
 * take either (Drizzle's transaction type differs from its database type only in name). Inside
 * another one it is a savepoint, and what it asks `afterCommit` for waits for the outer commit.
 */
export const inTransaction = async <T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> => {
  const outer = committedTasks.get(db);
  const tasks = outer ?? [];
  const result = await db.transaction((t) => {
    const tx = t as unknown as Db;
    committedTasks.set(tx, tasks);
    return work(tx);
  });
  if (!outer) for (const task of tasks) task();
  return result;
};

/**
 * Runs `task` once what was written through `db` is committed: at once outside a transaction,
 * after the outermost commit of one begun by `inTransaction`, never if that rolls back (a
 * savepoint rolled back inside a committed transaction still runs its tasks). For work that
 * must not see (or act on) uncommitted rows, such as telling a background sender to look for
 * new ones; `task` must not throw. In a transaction begun some other way it is not run at all,
 * which is why the lint configuration refuses `db.transaction` outside this file and tests.
 */
export const afterCommit = (db: Db, task: () => void): void => {
  const tasks = committedTasks.get(db);
  if (tasks) tasks.push(task);
  else if (!is(db, PgTransaction)) task();
};

/**
 * `prepare(db)` once per database handle: for named prepared statements on hot paths, which
 * node-postgres parses once per connection and PostgreSQL then plans once instead of per query.
 */
export const preparedPer = <T>(prepare: (db: Db) => T): ((db: Db) => T) => {
  const statements = new WeakMap<Db, T>();
  return (db) => {
    let statement = statements.get(db);
    if (!statement) {
      statement = prepare(db);
      statements.set(db, statement);
    }
    return statement;
  };
};

/** Raw SQL for what the query builder cannot say; both drivers answer with `{ rows }`. */
export const queryRows = async <T extends Record<string, unknown>>(
  db: Db,
  query: SQL,
): Promise<T[]> => {
  const result: unknown = await db.execute(query);
  return (result as { rows: T[] }).rows;
};

const dialect = new PgDialect();

const runPrepared = async <T>(
  db: Db,
  built: Query,
  name: string,
  values?: Record<string, unknown>,
): Promise<T[]> => {
  const result: unknown = await db._.session
    .prepareQuery(built, undefined, name, false)
    .execute(values);
  return (result as { rows: T[] }).rows;
};

/**
 * `queryRows` as a named prepared statement, named after its text: node-postgres parses it once
 * per pooled connection, and PostgreSQL can then reuse one plan instead of planning every
 * execution. Each distinct text stays prepared on every connection for the connection's life,
 * so this is for hot statements with few shapes. (PGlite runs it like any other query.)
 */
export const queryPreparedRows = async <T extends Record<string, unknown>>(
  db: Db,
  query: SQL,
): Promise<T[]> => {
  const built = dialect.sqlToQuery(query);
  const name = `q_${createHash('sha1').update(built.sql).digest('base64url').slice(0, 24)}`;
  return runPrepared<T>(db, built, name);
};

/**
 * A raw statement whose values are all `sql.placeholder`s, built once: each run is the named
 * prepared statement with this run's values, with no SQL to build or hash. For statements too
 * hot to pay even that, whose text never changes.
 */
export const preparedRawQuery = <T extends Record<string, unknown>>(name: string, query: SQL) => {
  const built = dialect.sqlToQuery(query);
  return (db: Db, values: Record<string, unknown>): Promise<T[]> =>
    runPrepared<T>(db, built, name, values);
};

/** True when `users` has no row: an empty database that the demo seed may fill. */
export const isEmptyDatabase = async (db: Db): Promise<boolean> => {
  const [row] = await queryRows<{ empty: boolean }>(
    db,
    sql`SELECT NOT EXISTS (SELECT 1 FROM users) AS empty`,
  );
  return row?.empty === true;
};
