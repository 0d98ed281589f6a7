import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertTestUser } from '../../test-support/accounts';
import { startTestApp, type TestApp } from '../../test-support/test-app';
import {
  auth,
  seedTestTaxonomy,
  signedInCustomer,
  signedInProvider,
} from '../providers/provider-test-support';
import { insertTestBooking, insertTestReview } from '../reviews/review-test-support';

/** A wall-clock time in India (UTC+05:30). */
const ist = (local: string) => new Date(`${local}:00+05:30`);

const empty = { pending: 0, confirmed: 0, inProgress: 0, completed: 0, cancelled: 0, total: 0 };
const noRevenue = { grossPaise: 0, commissionPaise: 0, netPaise: 0 };
const noRating = { average: null, count: 0 };

describe('provider analytics', () => {
  let app: TestApp;
  let provider: Awaited<ReturnType<typeof signedInProvider>>;

  /**
   * One provider in Asia/Kolkata, its bookings around the first week of March 2025, and one
   * booking and review of another provider that must not count.
   */
  beforeAll(async () => {
    app = await startTestApp({ env: { AUTH_RATE_LIMIT_MAX: '1000' } });
    await seedTestTaxonomy(app);
    provider = await signedInProvider(app);
    const other = await signedInProvider(app);
    const [a, b, c, d, e] = await Promise.all(
      [1, 2, 3, 4, 5].map(async () => (await insertTestUser(app)).id),
    );
    const book = (
      customerId: string,
      start: string,
      status: 'pending' | 'confirmed' | 'in_progress' | 'completed' | 'cancelled',
      extra: { totalPaise?: number; completedAt?: string; providerId?: string } = {},
    ) =>
      insertTestBooking(app, {
        customerId,
        providerId: extra.providerId ?? provider.providerId,
        status,
        start: ist(start),
        ...(extra.totalPaise ? { totalPaise: extra.totalPaise } : {}),
        ...(extra.completedAt ? { completedAt: ist(extra.completedAt) } : {}),
      });
    const b1 = await book(a!, '2025-03-03T10:00', 'completed', {
      totalPaise: 50_000,
      completedAt: '2025-03-03T12:00',
    });
    // Completed after midnight India time: its revenue falls on the 6th (still the 5th in UTC).
    const b2 = await book(a!, '2025-03-05T18:30', 'completed', {
      totalPaise: 30_005,
      completedAt: '2025-03-06T00:30',
    });
    await book(b!, '2025-03-05T10:00', 'cancelled', { totalPaise: 20_000 });
    // 1 March 02:00 in India is still 28 February in UTC.
    await book(c!, '2025-03-01T02:00', 'confirmed', { totalPaise: 40_000 });
    const b5 = await book(c!, '2025-02-20T10:00', 'completed', {
      totalPaise: 10_000,
      completedAt: '2025-02-20T11:30',
    });
    await book(d!, '2025-03-07T09:00', 'pending');
    await book(e!, '2025-03-03T18:00', 'in_progress');
    // 8 March 00:30 in India (7 March in UTC): after the range.
    await book(d!, '2025-03-08T00:30', 'pending');
    const elsewhere = await book(a!, '2025-03-04T10:00', 'completed', {
      providerId: other.providerId,
    });

    const rate = (bookingId: string, rating: number, at: string, isHidden = false) =>
      insertTestReview(app, {
        bookingId,
        providerId: provider.providerId,
        customerId: a!,
        rating,
        createdAt: ist(at),
        isHidden,
      });
    await rate(b1, 5, '2025-03-03T13:00');
    await rate(b2, 4, '2025-03-06T09:00');
    await rate(b5, 1, '2025-03-06T10:00', true);
    await insertTestReview(app, {
      bookingId: elsewhere,
      providerId: other.providerId,
      customerId: a!,
      rating: 2,
      createdAt: ist('2025-03-04T12:00'),
    });
  });
  afterAll(() => app.close());

  const analytics = (query: string, who: { token: string } = provider) =>
    request(app.url).get(`/api/providers/analytics?${query}`).set(auth(who));

  it('when asked per day, then every day is present and the figures are exact in the provider’s time zone', async () => {
    const res = await analytics('from=2025-03-01&to=2025-03-07&granularity=day').expect(200);
    const data = res.body.data;
    expect(data).toMatchObject({
      from: '2025-03-01',
      to: '2025-03-07',
      granularity: 'day',
      timeZone: 'Asia/Kolkata',
      currency: 'INR',
      commissionBps: 1000,
    });
    expect(data.periods).toEqual([
      {
        start: '2025-03-01',
        bookings: { ...empty, confirmed: 1, total: 1 },
        revenue: noRevenue,
        rating: noRating,
      },
      { start: '2025-03-02', bookings: empty, revenue: noRevenue, rating: noRating },
      {
        start: '2025-03-03',
        bookings: { ...empty, completed: 1, inProgress: 1, total: 2 },
        revenue: { grossPaise: 50_000, commissionPaise: 5_000, netPaise: 45_000 },
        rating: { average: 5, count: 1 },
      },
      { start: '2025-03-04', bookings: empty, revenue: noRevenue, rating: noRating },
      {
        start: '2025-03-05',
        bookings: { ...empty, completed: 1, cancelled: 1, total: 2 },
        revenue: noRevenue,
        rating: noRating,
      },
      {
        start: '2025-03-06',
        bookings: empty,
        // 10% of 30,005 is 3,000.5: rounded half up.
        revenue: { grossPaise: 30_005, commissionPaise: 3_001, netPaise: 27_004 },
        rating: { average: 4, count: 1 },
      },
      {
        start: '2025-03-07',
        bookings: { ...empty, pending: 1, total: 1 },
        revenue: noRevenue,
        rating: noRating,
      },
    ]);
    expect(data.totals).toEqual({
      bookings: { pending: 1, confirmed: 1, inProgress: 1, completed: 2, cancelled: 1, total: 6 },
      completionRate: 0.6667,
      cancellationRate: 0.3333,
      revenue: { grossPaise: 80_005, commissionPaise: 8_001, netPaise: 72_004 },
      rating: { average: 4.5, count: 2 },
      customers: 4,
      repeatCustomers: 2,
      repeatCustomerShare: 0.5,
    });
    expect(data.weekdays).toEqual([
      { weekday: 1, bookings: 2 },
      { weekday: 3, bookings: 1 },
      { weekday: 5, bookings: 1 },
      { weekday: 6, bookings: 1 },
      { weekday: 0, bookings: 0 },
      { weekday: 2, bookings: 0 },
      { weekday: 4, bookings: 0 },
    ]);
    const hours = data.hours as { hour: number; bookings: number }[];
    expect(hours).toHaveLength(24);
    expect(hours.slice(0, 5)).toEqual([
      { hour: 18, bookings: 2 },
      { hour: 2, bookings: 1 },
      { hour: 9, bookings: 1 },
      { hour: 10, bookings: 1 },
      { hour: 0, bookings: 0 },
    ]);
  });

  it('when asked per week or per month, then periods start on Monday or the 1st and empty ones are present', async () => {
    const weeks = await analytics('from=2025-03-01&to=2025-03-07&granularity=week').expect(200);
    expect(weeks.body.data.periods).toEqual([
      {
        start: '2025-02-24',
        bookings: { ...empty, confirmed: 1, total: 1 },
        revenue: noRevenue,
        rating: noRating,
      },
      {
        start: '2025-03-03',
        bookings: { pending: 1, confirmed: 0, inProgress: 1, completed: 2, cancelled: 1, total: 5 },
        revenue: { grossPaise: 80_005, commissionPaise: 8_001, netPaise: 72_004 },
        rating: { average: 4.5, count: 2 },
      },
    ]);
    const months = await analytics('from=2025-01-15&to=2025-04-10&granularity=month').expect(200);
    const periods = months.body.data.periods as { start: string; bookings: { total: number } }[];
    expect(periods.map((p) => p.start)).toEqual([
      '2025-01-01',
      '2025-02-01',
      '2025-03-01',
      '2025-04-01',
    ]);
    expect(periods.map((p) => p.bookings.total)).toEqual([0, 1, 7, 0]);
    expect(months.body.data.periods[1].revenue).toEqual({
      grossPaise: 10_000,
      commissionPaise: 1_000,
      netPaise: 9_000,
    });
  });

  it('when no range is given, then it is the last 30 days up to today in the provider’s time zone', async () => {
    const res = await analytics('').expect(200);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Kolkata' }).format(new Date());
    expect(res.body.data.to).toBe(today);
    expect(res.body.data.periods).toHaveLength(30);
    expect(res.body.data.periods[0].start).toBe(res.body.data.from);
    expect(res.body.data.totals.bookings.total).toBe(0);
    expect(res.body.data.totals.completionRate).toBeNull();
    const fromOnly = await analytics('from=2025-03-01').expect(200);
    expect(fromOnly.body.data).toMatchObject({ from: '2025-03-01', to: '2025-03-30' });
  });

  it('when the range is invalid or too long, or a parameter is unknown, then 400', async () => {
    for (const query of [
      'from=2025-03-07&to=2025-03-01',
      'from=2023-01-01&to=2025-01-01',
      'from=2025-02-30&to=2025-03-01',
      'from=yesterday',
      'granularity=year',
      'granularity=day&granularity=week',
      'providerId=someone-else',
    ]) {
      const res = await analytics(query);
      expect(res.status, query).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_ERROR');
    }
    // 731 days (two years with a leap day) is the most allowed.
    const longest = await analytics('from=2023-01-02&to=2025-01-01&granularity=month').expect(200);
    expect(longest.body.data.periods).toHaveLength(25);
  });

  it('when a customer or nobody asks, then 403 or 401', async () => {
    const customer = await signedInCustomer(app);
    await analytics('', customer).expect(403);
    await request(app.url).get('/api/providers/analytics').expect(401);
  });
});
