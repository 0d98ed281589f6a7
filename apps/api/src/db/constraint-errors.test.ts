import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabaseUrl, serverDatabaseUrl } from '../test-support/test-env';
import { retryingDeadlocks } from './constraint-errors';

/** As node-postgres reports a PostgreSQL error, wrapped the way Drizzle wraps it. */
const failure = (sqlState: string) =>
  new Error('Failed query', { cause: Object.assign(new Error('boom'), { code: sqlState }) });

describe('retryingDeadlocks', () => {
  it.each([
    ['keeps deadlocking', '40P01', 3],
    ['fails otherwise', '23P01', 1],
  ])(
    'when the work %s (%s), then it runs %i time(s) and rejects with the error',
    async (_, sqlState, runs) => {
      let attempts = 0;
      const work = () => {
        attempts += 1;
        return Promise.reject(failure(sqlState));
      };
      await expect(retryingDeadlocks(work)).rejects.toThrow('Failed query');
      expect(attempts).toBe(runs);
    },
  );
});

// PGlite has one connection, so only a server can deadlock.
describe.runIf(serverDatabaseUrl)('retryingDeadlocks on PostgreSQL', () => {
  let database: Awaited<ReturnType<typeof createTestDatabaseUrl>>;
  let first: pg.Client;
  let second: pg.Client;
  beforeAll(async () => {
    database = await createTestDatabaseUrl();
    first = new pg.Client({ connectionString: database.url });
    second = new pg.Client({ connectionString: database.url });
    await Promise.all([first.connect(), second.connect()]);
    await first.query('CREATE TABLE counters (id int PRIMARY KEY, n int NOT NULL)');
    await first.query('INSERT INTO counters VALUES (1, 0), (2, 0)');
  });
  afterAll(async () => {
    await Promise.all([first?.end(), second?.end()]);
    await database?.drop();
  });

  it('when PostgreSQL aborts the work to break a deadlock, then its second run commits', async () => {
    // The second client waits first, so its shorter timeout makes it the one PostgreSQL aborts.
    await first.query(`SET deadlock_timeout = '10s'`);
    await second.query(`SET deadlock_timeout = '100ms'`);
    await first.query('BEGIN');
    await first.query('UPDATE counters SET n = n + 1 WHERE id = 1');
    let attempts = 0;
    const crossing = retryingDeadlocks(async () => {
      attempts += 1;
      await second.query('BEGIN');
      try {
        await second.query('UPDATE counters SET n = n + 10 WHERE id = 2');
        await second.query('UPDATE counters SET n = n + 10 WHERE id = 1');
        await second.query('COMMIT');
      } catch (error) {
        await second.query('ROLLBACK');
        throw error;
      }
    });
    await expect.poll(() => waitingOnLock(first), { timeout: 5_000 }).toBe(true);
    await first.query('UPDATE counters SET n = n + 1 WHERE id = 2');
    await first.query('COMMIT');
    await crossing;
    expect(attempts).toBe(2);
    const { rows } = await first.query<{ id: number; n: number }>(
      'SELECT id, n FROM counters ORDER BY id',
    );
    expect(rows).toEqual([
      { id: 1, n: 11 },
      { id: 2, n: 11 },
    ]);
  });
});

/** Whether another session of the database waits for a row lock. */
const waitingOnLock = async (client: pg.Client): Promise<boolean> => {
  const { rows } = await client.query<{ waiting: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM pg_stat_activity
       WHERE datname = current_database() AND pid <> pg_backend_pid()
         AND wait_event_type = 'Lock') AS waiting`,
  );
  return rows[0]?.waiting ?? false;
};
