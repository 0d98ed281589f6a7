import { eq } from 'drizzle-orm';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { bookings } from '../../db/schema/bookings';
import { providers, providerServiceAreas } from '../../db/schema/providers';
import { searchMisses } from '../../db/schema/search';
import { insertTestUser } from '../../test-support/accounts';
import { startTestApp, type TestApp } from '../../test-support/test-app';
import { auth, bookableProvider } from '../bookings/bookings-test-support';
import type { SignedIn } from '../providers/provider-test-support';
import { insertTestBooking } from '../reviews/review-test-support';
import { signedInAdmin } from './admin-test-support';

const ist = (local: string) => new Date(`${local}+05:30`);

// Each test runs many requests on a shared 2-core machine: the default 30 s is too tight.
vi.setConfig({ testTimeout: 120_000 });

describe('admin API: platform analytics', () => {
  let app: TestApp;
  let admin: SignedIn;
  beforeAll(async () => {
    app = await startTestApp({ env: { AUTH_RATE_LIMIT_MAX: '1000' } });
    admin = await signedInAdmin(app);
    const db = app.runtime.database.db;
    // Known history in March 2025 (IST): four customer signups, one provider profile, four
    // bookings in two cities, two of them completed, one cancelled; searches that found nothing.
    for (const at of [
      '2025-03-02T09:00',
      '2025-03-02T10:00',
      '2025-03-02T23:30',
      '2025-03-09T20:00',
    ])
      await insertTestUser(app, { createdAt: ist(at) });
    const bengaluru = await bookableProvider(app);
    const delhi = await bookableProvider(app);
    await db
      .update(providers)
      .set({ createdAt: ist('2025-03-03T08:00') })
      .where(eq(providers.id, bengaluru.providerId));
    await db
      .update(providerServiceAreas)
      .set({ city: 'Delhi' })
      .where(eq(providerServiceAreas.providerId, delhi.providerId));
    const customer = await insertTestUser(app, { createdAt: ist('2025-01-01T10:00') });
    const booking = async (
      provider: { providerId: string },
      placed: string,
      status: 'completed' | 'cancelled' | 'confirmed',
      start: string,
      totalPaise = 50_000,
      completedAt?: string,
    ) => {
      const id = await insertTestBooking(app, {
        customerId: customer.id,
        providerId: provider.providerId,
        status,
        start: ist(start),
        totalPaise,
        ...(completedAt ? { completedAt: ist(completedAt) } : {}),
      });
      await db
        .update(bookings)
        .set({ createdAt: ist(placed) })
        .where(eq(bookings.id, id));
    };
    await booking(
      bengaluru,
      '2025-03-02T11:00',
      'completed',
      '2025-03-05T10:00',
      50_000,
      '2025-03-05T12:00',
    );
    await booking(bengaluru, '2025-03-02T12:00', 'cancelled', '2025-03-06T10:00');
    await booking(
      delhi,
      '2025-03-10T09:00',
      'completed',
      '2025-03-11T10:00',
      80_000,
      '2025-03-11T11:00',
    );
    await booking(delhi, '2025-03-10T10:00', 'confirmed', '2025-03-12T10:00');
    await db.insert(searchMisses).values(
      [
        ['Plumbr near me', '2025-03-04T10:00'],
        ['plumbr near me ', '2025-03-12T10:00'],
        ['tank cleaning', '2025-03-13T10:00'],
        ['tank cleaning', '2025-04-13T10:00'],
      ].map(([query, at]) => ({ query: query!, createdAt: ist(at!) })),
    );
  }, 180_000);
  afterAll(() => app.close());

  const report = (query: Record<string, string>) =>
    request(app.url).get('/api/admin/analytics').set(auth(admin)).query(query);

  it('when an admin asks for March by week, then each figure matches the seeded history', async () => {
    const res = await report({ from: '2025-03-01', to: '2025-03-14', granularity: 'week' }).expect(
      200,
    );
    const data = res.body.data;
    expect(data).toMatchObject({
      from: '2025-03-01',
      to: '2025-03-14',
      granularity: 'week',
      timeZone: 'Asia/Kolkata',
    });
    expect(data.periods).toEqual([
      {
        start: '2025-02-24',
        signups: { customers: 3, providers: 0 },
        activeProviders: 0,
        bookings: { placed: 2, completed: 0, cancelled: 1 },
        gmvPaise: 0,
        cancellationRate: 0.5,
      },
      {
        start: '2025-03-03',
        signups: { customers: 1, providers: 1 },
        activeProviders: 1,
        bookings: { placed: 0, completed: 1, cancelled: 0 },
        gmvPaise: 50_000,
        cancellationRate: null,
      },
      {
        start: '2025-03-10',
        signups: { customers: 0, providers: 0 },
        activeProviders: 1,
        bookings: { placed: 2, completed: 1, cancelled: 0 },
        gmvPaise: 80_000,
        cancellationRate: 0,
      },
    ]);
    expect(data.totals).toEqual({
      signups: { customers: 4, providers: 1 },
      activeProviders: 2,
      bookings: { placed: 4, completed: 2, cancelled: 1 },
      gmvPaise: 130_000,
      cancellationRate: 0.25,
    });
    expect(data.topCategories).toEqual([
      { categorySlug: 'plumbing', bookings: 4, gmvPaise: 130_000 },
    ]);
    expect(data.topCities).toEqual([
      { city: 'Delhi', bookings: 2, gmvPaise: 80_000 },
      { city: 'Bengaluru', bookings: 2, gmvPaise: 50_000 },
    ]);
    expect(data.searchesWithoutResults).toEqual([
      { query: 'plumbr near me', count: 2 },
      { query: 'tank cleaning', count: 1 },
    ]);
  });

  it('when asked by day, then every day of the range is a period, empty ones included', async () => {
    const res = await report({ from: '2025-03-01', to: '2025-03-31' }).expect(200);
    expect(res.body.data.periods).toHaveLength(31);
    expect(res.body.data.periods[1]).toMatchObject({
      start: '2025-03-02',
      signups: { customers: 3, providers: 0 },
      bookings: { placed: 2, completed: 0, cancelled: 1 },
    });
  });

  it('when the range is reversed, too long or malformed, then 400 VALIDATION_ERROR', async () => {
    const queries: Record<string, string>[] = [
      { from: '2025-03-10', to: '2025-03-01' },
      { from: '2020-01-01', to: '2025-01-01' },
      { from: '2025-02-30' },
      { granularity: 'year' },
      { from: '2025-03-01', extra: '1' },
    ];
    for (const query of queries) {
      const res = await report(query);
      expect(res.status, JSON.stringify(query)).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_ERROR');
    }
  });
});
