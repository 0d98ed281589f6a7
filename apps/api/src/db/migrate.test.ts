import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../test-support/test-database';
import { queryRows, type Database } from './client';
import { migrateDatabase } from './migrate';
import { users } from './schema/users';
import journal from './migrations/meta/_journal.json' with { type: 'json' };

let database: Database;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ database, close } = await openTestDatabase());
});
afterAll(() => close());

const explain = async (query: ReturnType<typeof sql>) => {
  const rows = await queryRows<{ 'QUERY PLAN': string }>(database.db, sql`EXPLAIN ${query}`);
  return rows.map((row) => row['QUERY PLAN']).join('\n');
};

describe('migrations', () => {
  it('when applied twice, then the second run changes nothing and fails nothing', async () => {
    await migrateDatabase(database);
    await migrateDatabase(database);
    const [row] = await queryRows<{ count: number }>(
      database.db,
      sql`SELECT count(*)::int AS count FROM drizzle.__drizzle_migrations`,
    );
    expect(row?.count).toBe(journal.entries.length);
  });

  it('when applied, then every extension the schema relies on is enabled', async () => {
    const rows = await queryRows<{ extname: string }>(
      database.db,
      sql`SELECT extname FROM pg_extension`,
    );
    expect(rows.map((r) => r.extname)).toEqual(
      expect.arrayContaining([
        'cube',
        'earthdistance',
        'btree_gist',
        'pg_trgm',
        'citext',
        'pgcrypto',
        'unaccent',
      ]),
    );
  });

  it('when two e-mails differ only in case, then the second is refused', async () => {
    const base = { firstName: 'Asha', lastName: 'Rao', role: 'customer' as const };
    await database.db.insert(users).values({ ...base, email: 'Asha.Rao@Example.in' });
    await expect(
      database.db.insert(users).values({ ...base, email: 'asha.rao@example.IN' }),
    ).rejects.toThrow();
    const found = await database.db
      .select({ email: users.email })
      .from(users)
      .where(sql`${users.email} = 'ASHA.RAO@EXAMPLE.IN'`);
    expect(found).toEqual([{ email: 'Asha.Rao@Example.in' }]);
  });

  it('when a pincode is not six digits starting 1-9, then the row is refused', async () => {
    await expect(
      database.db.insert(users).values({
        email: 'bad.pin@example.in',
        firstName: 'Bad',
        lastName: 'Pin',
        pincode: '012345',
      }),
    ).rejects.toThrow();
  });

  it('when users near a point are looked up, then the GiST index on ll_to_earth is used', async () => {
    await database.db.execute(sql`SET enable_seqscan = off`);
    const plan = await explain(
      sql`SELECT id FROM users
          WHERE earth_box(ll_to_earth(12.9716, 77.5946), 5000) @> ll_to_earth(latitude, longitude)
            AND latitude IS NOT NULL AND longitude IS NOT NULL`,
    );
    await database.db.execute(sql`RESET enable_seqscan`);
    expect(plan).toContain('users_location_gist');
  });
});
