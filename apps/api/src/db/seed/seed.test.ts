import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPostOffices, type PostOffice } from '../../platform/geo/india-post-directory';
import { createLogger } from '../../platform/logger';
import { verifyPassword } from '../../platform/password';
import { openSharedServices } from '../../runtime';
import { createTestDatabaseUrl, testConfig } from '../../test-support/test-env';
import { isEmptyDatabase, openDatabase, type Database } from '../client';
import { migrateDatabase } from '../migrate';
import {
  providerAvailability,
  providers,
  providerServiceAreas,
  providerServices,
} from '../schema/providers';
import { serviceSubcategories } from '../schema/taxonomy';
import { users } from '../schema/users';
import { getJson } from '../../test-support/http';
import { startTestApp } from '../../test-support/test-app';
import { DEMO_ADMIN_EMAIL, DEMO_PASSWORD, seedDemoData } from './seed';

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
    const seeded = await seedDemoData({ db: database.db, logger, phones }, { users: 120 });
    expect(seeded.inserted).toBe(121);
    const roles = await database.db
      .select({ role: users.role, n: count() })
      .from(users)
      .groupBy(users.role);
    const byRole = Object.fromEntries(roles.map((r) => [r.role, r.n]));
    expect(byRole.admin).toBe(1);
    expect(byRole.provider).toBeGreaterThan(5);
    expect(byRole.customer).toBeGreaterThan(60);
    expect(seeded.providers).toBe(byRole.provider);
  });

  it('when seeded, then every provider-role user has exactly one provider with priced services', async () => {
    const owners = await database.db
      .select({ userId: users.id, providers: count(providers.id) })
      .from(users)
      .leftJoin(providers, eq(providers.userId, users.id))
      .where(eq(users.role, 'provider'))
      .groupBy(users.id);
    expect(owners.length).toBeGreaterThan(5);
    expect(owners.every((owner) => owner.providers === 1)).toBe(true);
    const services = await database.db
      .select({
        providerId: providerServices.providerId,
        price: providerServices.basePricePaise,
        unit: providerServices.unit,
        min: serviceSubcategories.priceMinPaise,
        max: serviceSubcategories.priceMaxPaise,
        subUnit: serviceSubcategories.unit,
      })
      .from(providerServices)
      .innerJoin(
        serviceSubcategories,
        sql`(${serviceSubcategories.categorySlug}, ${serviceSubcategories.slug}) = (${providerServices.categorySlug}, ${providerServices.subcategorySlug})`,
      );
    expect(new Set(services.map((s) => s.providerId)).size).toBe(owners.length);
    for (const s of services) {
      expect(s.price).toBeGreaterThanOrEqual(s.min);
      expect(s.price).toBeLessThanOrEqual(s.max);
      expect(s.price % 100).toBe(0);
      expect(s.unit).toBe(s.subUnit);
    }
    const ratings = await database.db
      .select({ average: providers.ratingAverage, count: providers.ratingCount })
      .from(providers);
    for (const r of ratings) {
      if (r.count === 0) expect(r.average).toBe(0);
      else expect(r.average).toBeGreaterThanOrEqual(3.6);
      expect(r.average).toBeLessThanOrEqual(5);
    }
  });

  it('when seeded, then each provider serves around its owner and has a valid weekly schedule', async () => {
    const areas = await database.db
      .select({
        providerId: providers.id,
        lat: providerServiceAreas.latitude,
        lng: providerServiceAreas.longitude,
        pincodes: providerServiceAreas.pincodes,
        radius: providerServiceAreas.radiusKm,
        ownerLat: users.latitude,
        ownerLng: users.longitude,
        ownerPincode: users.pincode,
      })
      .from(providers)
      .innerJoin(users, eq(users.id, providers.userId))
      .innerJoin(providerServiceAreas, eq(providerServiceAreas.providerId, providers.id));
    expect(new Set(areas.map((a) => a.providerId)).size).toBe(areas.length);
    for (const a of areas) {
      expect([a.lat, a.lng]).toEqual([a.ownerLat, a.ownerLng]);
      expect(a.pincodes).toEqual([a.ownerPincode]);
      expect(a.radius).toBeGreaterThanOrEqual(3);
      expect(a.radius).toBeLessThanOrEqual(15);
    }
    const slots = await database.db.select().from(providerAvailability);
    expect(new Set(slots.map((s) => s.providerId)).size).toBe(areas.length);
    for (const slot of slots) expect(slot.startTime < slot.endTime).toBe(true);
  });

  it('when seeded, then every user lives near a real post office of its pincode', async () => {
    const offices = new Map<string, PostOffice[]>();
    for (const office of loadPostOffices()) {
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
    const tables = [providers, providerServices, providerServiceAreas, providerAvailability];
    const counts = () => Promise.all(tables.map((table) => database.db.$count(table)));
    const before = await counts();
    const again = await seedDemoData({ db: database.db, logger, phones }, { users: 120 });
    expect(again).toEqual({ inserted: 0, providers: 0 });
    expect(await counts()).toEqual(before);
    expect(await isEmptyDatabase(database.db)).toBe(false);
  });
});

describe('demo seed in the running app', () => {
  it('when a seeded provider is looked up, then its public page shows its business', async () => {
    const app = await startTestApp();
    try {
      const { db } = app.runtime.database;
      await seedDemoData({ db, logger, phones: app.runtime.phones }, { users: 40 });
      const [seeded] = await db
        .select({ id: providers.id, businessName: providers.businessName })
        .from(providers)
        .innerJoin(users, eq(users.id, providers.userId))
        .where(eq(users.isActive, true))
        .limit(1);
      const { status, body } = await getJson(`${app.url}/api/providers/${seeded!.id}`);
      expect(status).toBe(200);
      const page = (body as { data: Record<string, unknown[]> & { businessName: string } }).data;
      expect(page.businessName).toBe(seeded!.businessName);
      expect(page.services!.length).toBeGreaterThan(0);
      expect(page.serviceAreas).toHaveLength(1);
      expect(page.availability!.length).toBeGreaterThan(0);
    } finally {
      await app.close();
    }
  });
});
