import { count, eq, sql, type SQL } from 'drizzle-orm';
import request from 'supertest';
import type { TPlatformAnalytics } from '@localkart/contracts/admin';
import type { TProviderAnalytics } from '@localkart/contracts/provider-analytics';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPostOffices, type PostOffice } from '../../platform/geo/india-post-directory';
import { createLogger } from '../../platform/logger';
import { verifyPassword } from '../../platform/password';
import { openSharedServices } from '../../runtime';
import { openTestDatabase } from '../../test-support/test-database';
import { testConfig } from '../../test-support/test-env';
import { isEmptyDatabase, queryRows, type Database } from '../client';
import { bookings, bookingStatusHistory } from '../schema/bookings';
import { ledgerEntries, ledgerTransactions, paymentOrders } from '../schema/payments';
import { reviews } from '../schema/reviews';
import {
  basePriceOf,
  bookingPolicyOf,
  cancellationFeeOf,
} from '../../modules/bookings/booking-rules';
import { findLedgerViolations } from '../../modules/payments/ledger.repo';
import { listEntries } from '../../modules/payments/ledger-reports.repo';
import { findBookableProvider } from '../../modules/providers/bookable-provider.repo';
import { wallClockAt } from '../../platform/wall-clock';
import { signIn } from '../../test-support/accounts';
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
let close: () => Promise<void>;
const logger = createLogger({ LOG_LEVEL: 'silent' });
const { phones } = openSharedServices(testConfig(), logger);

beforeAll(async () => {
  ({ database, close } = await openTestDatabase());
  await migrateDatabase(database);
});
afterAll(() => close());

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
    const tables = [
      providers,
      providerServices,
      providerServiceAreas,
      providerAvailability,
      bookings,
      bookingStatusHistory,
      ledgerTransactions,
      ledgerEntries,
      paymentOrders,
      reviews,
    ];
    const counts = () => Promise.all(tables.map((table) => database.db.$count(table)));
    const before = await counts();
    const again = await seedDemoData({ db: database.db, logger, phones }, { users: 120 });
    expect(again).toEqual({ inserted: 0, providers: 0, bookings: 0 });
    expect(await counts()).toEqual(before);
    expect(await isEmptyDatabase(database.db)).toBe(false);
  });
});

describe('demo activity', () => {
  const rows = <T extends Record<string, unknown>>(query: SQL) => queryRows<T>(database.db, query);

  it('when seeded, then there are bookings in every stage, most of them completed', async () => {
    const byStatus = new Map(
      (
        await rows<{ status: string; n: number }>(
          sql`SELECT status, count(*)::int AS n FROM bookings GROUP BY status`,
        )
      ).map((r) => [r.status, r.n]),
    );
    const total = [...byStatus.values()].reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(60);
    expect(byStatus.get('completed')! / total).toBeGreaterThan(0.5);
    expect(byStatus.get('cancelled')).toBeGreaterThan(0);
    expect((byStatus.get('pending') ?? 0) + (byStatus.get('confirmed') ?? 0)).toBeGreaterThan(0);
    const [spread] = await rows<{ past: number; future: number; methods: number; fees: number }>(
      sql`SELECT count(*) FILTER (WHERE preferred_start < now() - interval '30 days')::int AS past,
        count(*) FILTER (WHERE preferred_start > now())::int AS future,
        count(DISTINCT payment_method)::int AS methods,
        count(*) FILTER (WHERE cancellation_fee_paise > 0)::int AS fees FROM bookings`,
    );
    expect(spread).toMatchObject({ methods: 3 });
    expect(spread!.past).toBeGreaterThan(0);
    expect(spread!.future).toBeGreaterThan(0);
  });

  it('when seeded, then no two bookings of one provider overlap', async () => {
    const overlapping = await rows(
      sql`SELECT a.id FROM bookings a JOIN bookings b
        ON a.provider_id = b.provider_id AND a.id < b.id AND a.slot && b.slot`,
    );
    expect(overlapping).toEqual([]);
  });

  it('when seeded, then every booking is one the booking rules accept, priced as the service prices', async () => {
    const seeded = await rows<{
      id: string;
      provider_id: string;
      service_id: string;
      category_slug: string;
      subcategory_slug: string;
      latitude: number;
      longitude: number;
      time_zone: string;
      preferred_start: string | Date;
      estimated_duration_minutes: number;
      unit: 'hour' | 'service' | 'square_feet';
      unit_price_paise: number;
      base_price_paise: number;
      additional_charges_paise: number;
      total_amount_paise: number;
      cancellation_fee_paise: number;
      cancelled_by_role: string | null;
      status: string;
    }>(sql`SELECT * FROM bookings`);
    const policy = bookingPolicyOf(testConfig());
    for (const b of seeded) {
      const startsAt = new Date(b.preferred_start);
      const { date, time } = wallClockAt(startsAt, b.time_zone);
      const bookable = await findBookableProvider(database.db, {
        providerId: b.provider_id,
        serviceId: b.service_id,
        category: b.category_slug,
        subcategory: b.subcategory_slug,
        point: { lat: b.latitude, lng: b.longitude },
        date,
        time,
        durationMinutes: b.estimated_duration_minutes,
      });
      expect(bookable, b.id).toMatchObject({
        active: true,
        coversPoint: true,
        withinWeeklySlot: true,
        onLeave: false,
        service: { id: b.service_id, basePricePaise: b.unit_price_paise },
      });
      expect(bookable!.startsAt.getTime()).toBe(startsAt.getTime());
      expect(b.base_price_paise).toBe(
        basePriceOf(b.unit, b.unit_price_paise, b.estimated_duration_minutes),
      );
      expect(b.total_amount_paise).toBe(b.base_price_paise + b.additional_charges_paise);
      if (b.cancellation_fee_paise > 0) {
        expect(b.cancelled_by_role).toBe('customer');
        expect(b.cancellation_fee_paise).toBe(
          cancellationFeeOf(b.total_amount_paise, policy.feeBps),
        );
      }
    }
  });

  it('when seeded, then each booking has its history, from its request to its status, in order', async () => {
    const history = await rows<{
      booking_id: string;
      status: string;
      steps: { from: string | null; to: string; role: string; actor: string | null; at: string }[];
      customer_id: string;
      provider_user_id: string;
      created_at: string;
    }>(
      sql`SELECT b.id AS booking_id, b.status, b.customer_id, p.user_id AS provider_user_id,
          b.created_at, json_agg(json_build_object('from', h.from_status, 'to', h.to_status,
            'role', h.actor_role, 'actor', h.actor_id, 'at', h.created_at) ORDER BY h.created_at) AS steps
        FROM bookings b JOIN providers p ON p.id = b.provider_id
        JOIN booking_status_history h ON h.booking_id = b.id
        GROUP BY b.id, p.user_id`,
    );
    expect(history.length).toBe(await database.db.$count(bookings));
    for (const b of history) {
      expect(b.steps[0]).toMatchObject({
        from: null,
        to: 'pending',
        role: 'customer',
        actor: b.customer_id,
      });
      expect(new Date(b.steps[0]!.at).getTime()).toBe(new Date(b.created_at).getTime());
      expect(b.steps.at(-1)!.to).toBe(b.status);
      for (const [i, step] of b.steps.entries()) {
        if (i > 0) expect(step.from).toBe(b.steps[i - 1]!.to);
        expect(step.actor).toBe(step.role === 'customer' ? b.customer_id : b.provider_user_id);
        expect(new Date(step.at).getTime()).toBeLessThanOrEqual(Date.now());
      }
      if (b.status === 'completed')
        expect(b.steps.map((step) => step.to)).toEqual([
          'pending',
          'confirmed',
          'in_progress',
          'completed',
        ]);
    }
  });

  it('when seeded, then the ledger is sound and every paid booking is paid through it', async () => {
    expect(await findLedgerViolations(database.db)).toEqual({
      balanceMismatches: [],
      unbalancedTransactions: [],
      negativeAccounts: [],
    });
    const unpaid = await rows(
      sql`SELECT b.id FROM bookings b WHERE b.payment_status <> 'pending'
        AND NOT EXISTS (SELECT 1 FROM ledger_transactions t
          WHERE t.id::text = b.payment_transaction_id AND t.booking_id = b.id)`,
    );
    expect(unpaid).toEqual([]);
    // Settled and cancelled bookings hold nothing in escrow; open prepaid ones hold their price.
    const escrow = await rows<{ status: string; paid: boolean; base: number; held: string }>(
      sql`SELECT b.status, b.payment_status = 'paid' AS paid, b.base_price_paise AS base,
          coalesce(sum(e.amount_paise), 0) AS held
        FROM bookings b
        LEFT JOIN ledger_transactions t ON t.booking_id = b.id
        LEFT JOIN ledger_entries e ON e.transaction_id = t.id
          AND e.account_id = (SELECT id FROM ledger_accounts WHERE kind = 'booking_escrow')
        GROUP BY b.id`,
    );
    for (const b of escrow) {
      const open = !['completed', 'cancelled'].includes(b.status);
      expect(Number(b.held)).toBe(open && b.paid ? b.base : 0);
    }
    const orders = await rows<{ status: string; paid_at: string; created_at: string }>(
      sql`SELECT o.status, o.paid_at, o.created_at FROM payment_orders o`,
    );
    expect(orders.length).toBeGreaterThan(0);
    for (const o of orders) {
      expect(o.status).toBe('paid');
      expect(new Date(o.paid_at).getTime()).toBeGreaterThan(new Date(o.created_at).getTime());
    }
  });

  it('when seeded, then each money movement is dated when it happened in its booking’s story', async () => {
    const moves = await rows<{
      posted: string | Date;
      booked: string | Date;
      changed: string | Date;
      entries_dated_otherwise: number;
    }>(
      sql`SELECT t.created_at AS posted, b.created_at AS booked, b.updated_at AS changed,
          (SELECT count(*)::int FROM ledger_entries e
            WHERE e.transaction_id = t.id AND e.created_at <> t.created_at) AS entries_dated_otherwise
        FROM ledger_transactions t JOIN bookings b ON b.id = t.booking_id`,
    );
    expect(moves.length).toBeGreaterThan(0);
    const time = (value: string | Date) => new Date(value).getTime();
    for (const move of moves) {
      expect(time(move.posted)).toBeGreaterThanOrEqual(time(move.booked));
      expect(time(move.posted)).toBeLessThanOrEqual(time(move.changed));
      expect(move.entries_dated_otherwise).toBe(0);
    }
    // Three months of history, not one burst at seeding time.
    const days = new Set(moves.map((move) => new Date(move.posted).toISOString().slice(0, 10)));
    expect(days.size).toBeGreaterThan(30);
    // The admin's entry list keeps each transaction's entries together, even when several
    // transactions share a time (a cash completion and its settlement).
    const listed = await listEntries(
      database.db,
      { timeZone: 'Asia/Kolkata' },
      { limit: 500, offset: 0 },
    );
    const runs = listed.filter((entry, i) => entry.transactionId !== listed[i - 1]?.transactionId);
    expect(new Set(runs.map((entry) => entry.transactionId)).size).toBe(runs.length);
    // And an account is opened by its first posting, not after it.
    const openedLate = await rows(
      sql`SELECT a.id FROM ledger_accounts a
        WHERE a.created_at > (SELECT min(e.created_at) FROM ledger_entries e WHERE e.account_id = a.id)`,
    );
    expect(openedLate).toEqual([]);
  });

  it('when seeded, then each provider’s rating is what its reviews give', async () => {
    const ratings = await rows<{
      average: string;
      count: number;
      tally: number;
      mean: string | null;
    }>(
      sql`SELECT p.rating_average AS average, p.rating_count AS count,
          count(r.id)::int AS tally, round(avg(r.rating), 2) AS mean
        FROM providers p LEFT JOIN reviews r ON r.provider_id = p.id AND NOT r.is_hidden
        GROUP BY p.id`,
    );
    expect(ratings.some((r) => r.tally > 0)).toBe(true);
    for (const r of ratings) {
      expect(r.count).toBe(r.tally);
      expect(Number(r.average)).toBe(Number(r.mean ?? 0));
    }
    const misplaced = await rows(
      sql`SELECT r.id FROM reviews r JOIN bookings b ON b.id = r.booking_id
        LEFT JOIN booking_status_history h ON h.booking_id = b.id AND h.to_status = 'completed'
        WHERE b.status <> 'completed' OR r.customer_id <> b.customer_id
          OR NOT (h.created_at < r.created_at AND r.created_at <= now())`,
    );
    expect(misplaced).toEqual([]);
  });
});

describe('demo seed in the running app', () => {
  it('when the demo admin and a demo provider sign in, then their dashboards show the activity', async () => {
    const app = await startTestApp();
    try {
      const { db } = app.runtime.database;
      await seedDemoData(
        { db, logger, phones: app.runtime.phones, config: app.runtime.config },
        { users: 150 },
      );
      const admin = await signIn(app, DEMO_ADMIN_EMAIL, DEMO_PASSWORD);
      const report = await request(app.url)
        .get('/api/admin/analytics')
        .set('Authorization', `Bearer ${admin.accessToken}`);
      expect(report.status).toBe(200);
      const totals = (report.body as { data: TPlatformAnalytics }).data.totals;
      expect(totals.bookings.placed).toBeGreaterThan(0);
      expect(totals.bookings.completed).toBeGreaterThan(0);
      expect(totals.gmvPaise).toBeGreaterThan(0);
      expect(totals.activeProviders).toBeGreaterThan(0);
      const [busiest] = await queryRows<{ email: string }>(
        db,
        sql`SELECT u.email FROM bookings b JOIN providers p ON p.id = b.provider_id
          JOIN users u ON u.id = p.user_id
          WHERE b.status = 'completed' AND b.preferred_start > now() - interval '25 days'
          GROUP BY u.email ORDER BY count(*) DESC, u.email LIMIT 1`,
      );
      const provider = await signIn(app, busiest!.email, DEMO_PASSWORD);
      const own = await request(app.url)
        .get('/api/providers/analytics')
        .set('Authorization', `Bearer ${provider.accessToken}`);
      expect(own.status).toBe(200);
      const figures = (own.body as { data: TProviderAnalytics }).data.totals;
      expect(figures.bookings.completed).toBeGreaterThan(0);
      expect(figures.revenue.grossPaise).toBeGreaterThan(0);
      expect(figures.customers).toBeGreaterThan(0);
    } finally {
      await app.close();
    }
  });

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
