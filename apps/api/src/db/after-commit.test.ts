import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../test-support/test-database';
import { afterCommit, inTransaction, queryRows, type Database } from './client';

let database: Database;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ database, close } = await openTestDatabase());
  await database.db.execute(sql`CREATE TABLE after_commit_probe (label text NOT NULL)`);
});
afterAll(() => close());

const insertProbe = (label: string) => (tx: typeof database.db) =>
  tx.execute(sql`INSERT INTO after_commit_probe (label) VALUES (${label})`);

const countProbes = async (label: string) =>
  (
    await queryRows<{ count: number }>(
      database.db,
      sql`SELECT count(*)::int AS count FROM after_commit_probe WHERE label = ${label}`,
    )
  )[0]?.count;

describe('afterCommit', () => {
  it('when nothing is in a transaction, then the task runs at once', () => {
    let ran = false;
    afterCommit(database.db, () => (ran = true));
    expect(ran).toBe(true);
  });

  it('when asked inside a transaction, then the task runs after the commit and sees its rows', async () => {
    let seen: Promise<number | undefined> | undefined;
    let ranInside = false;
    await inTransaction(database.db, async (tx) => {
      await insertProbe('committed')(tx);
      afterCommit(tx, () => {
        // Another connection's view: only committed rows.
        seen = countProbes('committed');
      });
      ranInside = seen !== undefined;
    });
    expect(ranInside).toBe(false);
    expect(await seen).toBe(1);
  });

  it('when the transaction rolls back, then the task never runs', async () => {
    let ran = false;
    await expect(
      inTransaction(database.db, async (tx) => {
        await insertProbe('rolled back')(tx);
        afterCommit(tx, () => (ran = true));
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(ran).toBe(false);
    expect(await countProbes('rolled back')).toBe(0);
  });

  it('when asked in a nested transaction, then the task waits for the outer commit', async () => {
    const events: string[] = [];
    await inTransaction(database.db, async (outer) => {
      await inTransaction(outer, async (inner) => {
        await insertProbe('nested')(inner);
        afterCommit(inner, () => events.push('task'));
      });
      events.push('inner done');
    });
    events.push('outer done');
    expect(events).toEqual(['inner done', 'task', 'outer done']);
    expect(await countProbes('nested')).toBe(1);
  });
});
