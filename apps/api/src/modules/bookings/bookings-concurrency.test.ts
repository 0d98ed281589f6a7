import { sql } from 'drizzle-orm';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client';
import { startTestApp, type TestApp } from '../../test-support/test-app';
import {
  auth,
  bookableProvider,
  bookingBody,
  createBooking,
  istDate,
  KORAMANGALA,
  postBooking,
  signedInCustomer,
} from './bookings-test-support';

let app: TestApp;
beforeAll(async () => {
  // 200 requests at once queue for the pool's connections; on a slow machine the default
  // 3 s wait sheds some with 503, which is right under overload but not what this test is about.
  app = await startTestApp({ env: { DB_CONNECT_TIMEOUT_MS: '60000' } });
}, 60_000);
afterAll(() => app?.close());

/**
 * How many responses had each status and error code (`'201'`, `'409 CONFLICT'`), so a failure
 * says what came back instead of the expected refusals.
 */
const outcomesOf = (responses: { status: number; body: unknown }[]) => {
  const tally: Record<string, number> = {};
  for (const res of responses) {
    const code = (res.body as { error?: { code?: string } }).error?.code;
    const outcome = code ? `${res.status} ${code}` : String(res.status);
    tally[outcome] = (tally[outcome] ?? 0) + 1;
  }
  return tally;
};

describe('double booking', () => {
  it('when 200 customers book overlapping slots of one provider at once, then exactly one wins', async () => {
    const provider = await bookableProvider(app);
    const customers = await Promise.all(Array.from({ length: 4 }, () => signedInCustomer(app)));
    const date = istDate(3);
    // Two-hour jobs starting 10:00–11:45: every pair overlaps.
    const responses = await Promise.all(
      Array.from({ length: 200 }, (_, i) => {
        const minutes = 600 + (i % 8) * 15;
        const time = `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
        return postBooking(app, customers[i % 4]!, {
          ...bookingBody(provider, { date, time }),
          service: { category: 'plumbing', description: 'Burst pipe', estimatedDuration: 2 },
        });
      }),
    );
    expect(outcomesOf(responses)).toEqual({ '201': 1, '409 CONFLICT': 199 });
    const [row] = await queryRows<{ n: number }>(
      app.runtime.database.db,
      sql`SELECT count(*)::int AS n FROM bookings WHERE provider_id = ${provider.providerId}::uuid`,
    );
    expect(row?.n).toBe(1);
  }, 120_000);
});

describe('rescheduling', () => {
  it('when customers move their bookings of one provider into the same slot at once, then exactly one moves', async () => {
    const provider = await bookableProvider(app);
    const date = istDate(5);
    // Ten one-hour jobs, 06:00 to 15:00, all moving to 18:00.
    const booked = await Promise.all(
      Array.from({ length: 10 }, async (_, i) => {
        const customer = await signedInCustomer(app);
        const time = `${String(6 + i).padStart(2, '0')}:00`;
        const id = await createBooking(app, customer, {
          ...bookingBody(provider, { date, time }),
          service: { category: 'plumbing', description: 'Tap', estimatedDuration: 1 },
        });
        return { customer, id };
      }),
    );
    const responses = await Promise.all(
      booked.map(({ customer, id }) =>
        request(app.url)
          .put(`/api/bookings/${id}`)
          .set(auth(customer))
          .send({ schedule: { preferredDate: date, preferredTime: '18:00' } }),
      ),
    );
    expect(outcomesOf(responses)).toEqual({ '200': 1, '409 CONFLICT': 9 });
    const [row] = await queryRows<{ n: number }>(
      app.runtime.database.db,
      sql`SELECT count(*)::int AS n FROM bookings WHERE provider_id = ${provider.providerId}::uuid
        AND lower(slot) = ${`${date} 18:00+05:30`}::timestamptz`,
    );
    expect(row?.n).toBe(1);
  });
});

describe('search availability', () => {
  it('when a provider is booked at a time, then searching for that time no longer lists it', async () => {
    const provider = await bookableProvider(app);
    const customer = await signedInCustomer(app);
    const date = istDate(4);
    const search = async (time: string) => {
      const res = await request(app.url).get('/api/search/providers').query({
        lat: KORAMANGALA.lat,
        lng: KORAMANGALA.lng,
        category: 'plumbing',
        availableOn: date,
        time,
        limit: 50,
      });
      expect(res.status).toBe(200);
      return (res.body.data.providers as { id: string }[]).map((card) => card.id);
    };
    expect(await search('10:30')).toContain(provider.providerId);
    const id = await createBooking(app, customer, bookingBody(provider, { date, time: '10:00' }));
    expect(await search('10:30')).not.toContain(provider.providerId);
    expect(await search('11:00')).toContain(provider.providerId);
    await request(app.url).post(`/api/bookings/${id}/cancel`).set(auth(customer));
    expect(await search('10:30')).toContain(provider.providerId);
  });
});
