import type pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serverDatabaseUrl } from '../test-support/test-env';
import { createPool } from './pool';

const backendOf = async (pool: pg.Pool) =>
  (await pool.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;

describe.runIf(serverDatabaseUrl)('database pool', () => {
  let pool: pg.Pool;
  beforeEach(() => {
    pool = createPool({ connectionString: serverDatabaseUrl, max: 1 });
  });
  afterEach(() => pool.end());

  it('when the server refuses a statement, then the error reaches the caller and the next query runs on the same connection', async () => {
    const before = await backendOf(pool);
    await expect(pool.query('SELECT 1 / 0')).rejects.toMatchObject({ code: '22012' });
    await expect(
      pool.query({ name: 'refused_named', text: 'SELECT 1 / $1::int', values: [0] }),
    ).rejects.toMatchObject({ code: '22012' });
    expect(await backendOf(pool)).toBe(before);
    expect(pool.totalCount).toBe(1);
    // The named statement survives its failed run on that connection.
    const ok = await pool.query({ name: 'refused_named', text: 'SELECT 1 / $1::int', values: [1] });
    expect(ok.rows).toEqual([{ '?column?': 1 }]);
  });

  it('when the session itself ends, then that connection is dropped and the next query gets a new one', async () => {
    const before = await backendOf(pool);
    await expect(pool.query('SELECT pg_terminate_backend(pg_backend_pid())')).rejects.toThrow();
    const after = await backendOf(pool);
    expect(after).not.toBe(before);
    expect(pool.totalCount).toBe(1);
  });

  it('when a query is cut off by the client-side read timeout, then that connection is not reused', async () => {
    const slow = createPool({ connectionString: serverDatabaseUrl, max: 1, query_timeout: 100 });
    try {
      const before = await backendOf(slow);
      await expect(slow.query('SELECT pg_sleep(1)')).rejects.toThrow(/Query read timeout/);
      expect(await backendOf(slow)).not.toBe(before);
    } finally {
      await slow.end();
    }
  });
});
