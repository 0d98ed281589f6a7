import { sql } from 'drizzle-orm';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client';
import { providerAvailabilityExceptions, providers } from '../../db/schema/providers';
import { insertTestUser, signIn } from '../../test-support/accounts';
import { startTestApp, type TestApp } from '../../test-support/test-app';
import type { SignedIn } from '../providers/provider-test-support';
import {
  auth,
  bookableProvider,
  bookingBody,
  CONNAUGHT_PLACE,
  createBooking,
  HOUSE_CLEANING,
  istDate,
  postBooking,
  signedInCustomer,
  TAP_REPAIR,
  type TestProvider,
} from './bookings-test-support';

let app: TestApp;
let customer: SignedIn;
let provider: TestProvider;
let day = 2;
/** A fresh date per test, so tests never compete for one provider's time. */
const nextDate = () => istDate((day += 1));

beforeAll(async () => {
  app = await startTestApp();
  customer = await signedInCustomer(app);
  provider = await bookableProvider(app, { services: [TAP_REPAIR, HOUSE_CLEANING] });
}, 60_000);
afterAll(() => app?.close());

const call = (method: 'get' | 'post' | 'put' | 'delete', path: string, user: { token: string }) =>
  request(app.url)[method](path).set(auth(user));
const act = async (user: { token: string }, id: string, action: string, body?: object) => {
  const req = call('post', `/api/bookings/${id}/${action}`, user);
  const res = body ? await req.send(body) : await req;
  return { status: res.status, body: res.body };
};

describe('ERD §12.2 booking API', () => {
  it('when a customer books, then 201 with _id and status pending', async () => {
    // The ERD sends `new Date()` with 10:00; today 10:00 may already be past, so tomorrow.
    const bookingData = {
      providerId: provider.providerId,
      service: { category: 'plumbing', description: 'Fix leaky faucet' },
      location: { address: '123 Test St', coordinates: [77.624, 12.935] },
      schedule: { preferredDate: new Date(Date.now() + 86_400_000), preferredTime: '10:00' },
    };
    const response = await request(app.url)
      .post('/api/bookings')
      .set('Authorization', `Bearer ${customer.token}`)
      .send(bookingData)
      .expect(201);
    expect(response.body.data).toHaveProperty('_id');
    expect(response.body.data._id).toBe(response.body.data.id);
    expect(response.body.data.status).toBe('pending');
  });
});

describe('creating a booking', () => {
  it('when the service is per hour, then the price is hours × rate, computed on the server', async () => {
    const res = await postBooking(
      app,
      customer,
      bookingBody(provider, {
        date: nextDate(),
        service: { category: 'home-cleaning', description: 'Whole flat', estimatedDuration: 2.5 },
      }),
    );
    expect(res.status).toBe(201);
    const data = res.body.data;
    expect(data.pricing).toEqual({
      unit: 'hour',
      unitPricePaise: 30_000,
      basePricePaise: 75_000,
      additionalChargesPaise: 0,
      totalAmountPaise: 75_000,
      currency: 'INR',
    });
    expect(data.schedule).toMatchObject({ preferredTime: '10:00', timeZone: 'Asia/Kolkata' });
    expect(Date.parse(data.schedule.endsAt) - Date.parse(data.schedule.startsAt)).toBe(9_000_000);
    expect(data.payment).toEqual({
      method: 'cash',
      status: 'pending',
      transactionId: null,
      payBy: null,
    });
    expect(data.cancellation.policy).toMatchObject({ feeBps: 2000, feeIfCancelledNowPaise: 0 });
  });

  it('when the client sends a price, then 400 and nothing is created', async () => {
    const res = await postBooking(
      app,
      customer,
      bookingBody(provider, { date: nextDate(), pricing: { totalAmount: 1 } }),
    );
    expect(res.status).toBe(400);
    expect(res.body.error?.code).toBe('VALIDATION_ERROR');
  });

  it('when fields are missing or malformed, then 400 names each of them', async () => {
    const res = await postBooking(app, customer, {
      providerId: 'nope',
      service: { category: 'plumbing' },
      location: { address: 'x', coordinates: [200, 12] },
      schedule: { preferredDate: '2026-13-40', preferredTime: '25:00' },
      paymentMethod: 'cheque',
    });
    expect(res.status).toBe(400);
    const paths = (res.body.error?.details as { path: string }[]).map((d) => d.path);
    for (const path of [
      'providerId',
      'service.description',
      'location.address',
      'location.coordinates.0',
      'schedule.preferredDate',
      'schedule.preferredTime',
      'paymentMethod',
    ])
      expect(paths).toContain(path);
  });

  it.each([
    [
      'the point is outside the service area',
      { location: { address: 'Janpath', coordinates: [CONNAUGHT_PLACE.lng, CONNAUGHT_PLACE.lat] } },
      'location.coordinates',
      'outside_service_area',
    ],
    [
      'the service is not offered',
      { service: { category: 'electrical', description: 'Fan not working' } },
      'service.category',
      'service_not_offered',
    ],
    ['the time is in the past', { date: istDate(-1) }, 'schedule.preferredTime', 'in_past'],
  ])('when %s, then 400 says so', async (_label, overrides, path, code) => {
    const res = await postBooking(
      app,
      customer,
      bookingBody(provider, { date: nextDate(), ...overrides }),
    );
    expect(res.status).toBe(400);
    expect(res.body.error?.details).toEqual([expect.objectContaining({ path, code })]);
  });

  it('when the time is outside the weekly hours or on leave, then 400 says which', async () => {
    const shortDays = await bookableProvider(app, {
      slots: [0, 1, 2, 3, 4, 5, 6].map((d): [number, string, string] => [d, '09:00', '18:00']),
    });
    const late = await postBooking(
      app,
      customer,
      bookingBody(shortDays, { date: nextDate(), time: '17:30' }),
    );
    expect(late.status).toBe(400);
    expect(late.body.error?.details[0].code).toBe('outside_availability');
    const leaveDate = nextDate();
    await app.runtime.database.db
      .insert(providerAvailabilityExceptions)
      .values({ providerId: shortDays.providerId, date: leaveDate, reason: 'leave' });
    const onLeave = await postBooking(app, customer, bookingBody(shortDays, { date: leaveDate }));
    expect(onLeave.status).toBe(400);
    expect(onLeave.body.error?.details[0].code).toBe('on_leave');
  });

  it('when the provider is unknown or inactive, then 404', async () => {
    const inactive = await bookableProvider(app, { active: false });
    for (const target of [{ providerId: crypto.randomUUID() }, inactive]) {
      const res = await postBooking(app, customer, bookingBody(target, { date: nextDate() }));
      expect(res.status).toBe(404);
    }
  });

  it('when a provider tries to book, then 403', async () => {
    const res = await postBooking(app, provider, bookingBody(provider, { date: nextDate() }));
    expect(res.status).toBe(403);
  });

  it('when the slot overlaps an active booking, then 409; touching slots are fine', async () => {
    const date = nextDate();
    await createBooking(app, customer, bookingBody(provider, { date, time: '10:00' }));
    const overlap = await postBooking(
      app,
      customer,
      bookingBody(provider, { date, time: '10:30' }),
    );
    expect(overlap.status).toBe(409);
    expect(overlap.body.error?.code).toBe('CONFLICT');
    const next = await postBooking(app, customer, bookingBody(provider, { date, time: '11:00' }));
    expect(next.status).toBe(201);
  });

  it('when the slot is quoted, then the price and policy come back and nothing is created', async () => {
    const body = bookingBody(provider, { date: nextDate() });
    const res = await call('post', '/api/bookings/quote', customer).send(body);
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      pricing: { totalAmountPaise: 29_900 },
      slotFree: true,
      cancellationPolicy: { freeCancellationHours: 4, feeBps: 2000, feeIfCancelledNowPaise: 0 },
    });
    await createBooking(app, customer, body);
    const again = await call('post', '/api/bookings/quote', customer).send(body);
    expect(again.body.data.slotFree).toBe(false);
  });
});

describe('idempotent creation', () => {
  it('when the same key is sent twice, then one booking; with another body, 409', async () => {
    const body = bookingBody(provider, { date: nextDate() });
    const key = crypto.randomUUID();
    const first = await postBooking(app, customer, body).set('Idempotency-Key', key);
    const second = await postBooking(app, customer, body).set('Idempotency-Key', key);
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.body.data.id).toBe(first.body.data.id);
    const other = await postBooking(app, customer, { ...body, paymentMethod: 'wallet' }).set(
      'Idempotency-Key',
      key,
    );
    expect(other.status).toBe(409);
    const [row] = await queryRows<{ n: number }>(
      app.runtime.database.db,
      sql`SELECT count(*)::int AS n FROM bookings WHERE customer_id = ${customer.userId}::uuid
        AND preferred_start = ${first.body.data.schedule.startsAt}::timestamptz`,
    );
    expect(row?.n).toBe(1);
  });
});

describe('status changes', () => {
  it('when the provider confirms, starts and completes a cash booking, then it is paid and settled', async () => {
    const id = await createBooking(app, customer, bookingBody(provider, { date: nextDate() }));
    expect((await act(provider, id, 'confirm')).body.data.status).toBe('confirmed');
    expect((await act(provider, id, 'start')).body.data.status).toBe('in_progress');
    const done = await act(provider, id, 'complete', { additionalChargesPaise: 10_000 });
    expect(done.status).toBe(200);
    expect(done.body.data).toMatchObject({
      status: 'completed',
      pricing: { basePricePaise: 29_900, additionalChargesPaise: 10_000, totalAmountPaise: 39_900 },
      payment: { method: 'cash', status: 'paid' },
    });
    const history = await queryRows<{ from_status: string | null; to_status: string }>(
      app.runtime.database.db,
      sql`SELECT from_status, to_status FROM booking_status_history WHERE booking_id = ${id}::uuid ORDER BY created_at`,
    );
    expect(history.map((h) => `${h.from_status}>${h.to_status}`)).toEqual([
      'null>pending',
      'pending>confirmed',
      'confirmed>in_progress',
      'in_progress>completed',
    ]);
    const [earnings] = await queryRows<{ balance: number }>(
      app.runtime.database.db,
      sql`SELECT balance_paise::int AS balance FROM ledger_accounts
        WHERE kind = 'provider_earnings' AND owner_id = ${provider.providerId}::uuid`,
    );
    expect(earnings?.balance).toBe(39_900 - 3_990);
  });

  it('when a change is not allowed from the current status, then 409 with the status', async () => {
    const id = await createBooking(app, customer, bookingBody(provider, { date: nextDate() }));
    for (const action of ['start', 'complete']) {
      const res = await act(provider, id, action);
      expect(res.status).toBe(409);
      expect(res.body.error?.details).toMatchObject({ currentStatus: 'pending', action });
    }
    await act(provider, id, 'confirm');
    expect((await act(provider, id, 'confirm')).body.error?.details.currentStatus).toBe(
      'confirmed',
    );
    const del = await call('delete', `/api/bookings/${id}`, customer);
    expect(del.status).toBe(409);
    await act(customer, id, 'cancel', { reason: 'Plans changed' });
    const again = await act(customer, id, 'cancel');
    expect(again.status).toBe(409);
    expect(again.body.error?.details.currentStatus).toBe('cancelled');
  });

  it('when the customer tries a provider change, then 403; a stranger gets 404 everywhere', async () => {
    const id = await createBooking(app, customer, bookingBody(provider, { date: nextDate() }));
    expect((await act(customer, id, 'confirm')).status).toBe(403);
    expect(
      (
        await call('put', `/api/providers/bookings/${id}/status`, customer).send({
          status: 'confirmed',
        })
      ).status,
    ).toBe(403);
    const stranger = await signedInCustomer(app);
    const otherProvider = await bookableProvider(app);
    for (const user of [stranger, otherProvider]) {
      expect((await call('get', `/api/bookings/${id}`, user)).status).toBe(404);
      expect((await act(user, id, 'confirm')).status).toBe(404);
      expect((await act(user, id, 'cancel')).status).toBe(404);
      expect((await call('delete', `/api/bookings/${id}`, user)).status).toBe(404);
    }
    expect((await call('get', `/api/bookings/${crypto.randomUUID()}`, customer)).status).toBe(404);
    expect((await call('get', '/api/bookings/not-an-id', customer)).status).toBe(404);
    for (const user of [customer, provider]) {
      const res = await call('get', `/api/bookings/${id}`, user);
      expect(res.status).toBe(200);
    }
  });

  it('when an admin acts, then any allowed change goes through', async () => {
    const admin = await insertTestUser(app, { role: 'admin' });
    const adminAuth = { token: (await signIn(app, admin.email)).accessToken };
    const id = await createBooking(app, customer, bookingBody(provider, { date: nextDate() }));
    expect((await call('get', `/api/bookings/${id}`, adminAuth)).status).toBe(200);
    expect((await act(adminAuth, id, 'confirm')).body.data.status).toBe('confirmed');
    const cancelled = await act(adminAuth, id, 'cancel', { reason: 'Duplicate' });
    expect(cancelled.body.data.cancellation).toMatchObject({ cancelledBy: 'admin', feePaise: 0 });
  });

  it('when the provider confirms at another time, then it is re-checked against hours and bookings', async () => {
    const date = nextDate();
    const blocker = await createBooking(
      app,
      customer,
      bookingBody(provider, { date, time: '15:00' }),
    );
    const id = await createBooking(app, customer, bookingBody(provider, { date, time: '10:00' }));
    const taken = await act(provider, id, 'confirm', {
      confirmedDate: date,
      confirmedTime: '15:30',
    });
    expect(taken.status).toBe(409);
    const past = await act(provider, id, 'confirm', {
      confirmedDate: istDate(-1),
      confirmedTime: '10:00',
    });
    expect(past.status).toBe(400);
    expect(past.body.error?.details[0]).toMatchObject({ path: 'confirmedTime', code: 'in_past' });
    const moved = await call('put', `/api/providers/bookings/${id}/status`, provider).send({
      status: 'confirmed',
      confirmedDate: date,
      confirmedTime: '12:00',
    });
    expect(moved.status).toBe(200);
    expect(moved.body.data.schedule).toMatchObject({
      preferredTime: '10:00',
      confirmedDate: date,
      confirmedTime: '12:00',
    });
    // 10:00 is free again: the slot follows the confirmed time.
    await createBooking(app, customer, bookingBody(provider, { date, time: '10:00' }));
    expect(blocker).toBeTruthy();
  });

  it('when the customer reschedules a pending booking, then the slot moves; once confirmed, 409', async () => {
    const date = nextDate();
    const id = await createBooking(app, customer, bookingBody(provider, { date, time: '10:00' }));
    const moved = await call('put', `/api/bookings/${id}`, customer).send({
      schedule: { preferredDate: date, preferredTime: '16:00' },
      instructions: 'Ring twice',
    });
    expect(moved.status).toBe(200);
    expect(moved.body.data.schedule.preferredTime).toBe('16:00');
    expect(moved.body.data.location.instructions).toBe('Ring twice');
    expect(
      (await call('put', `/api/bookings/${id}`, provider).send({ instructions: 'x' })).status,
    ).toBe(403);
    await act(provider, id, 'confirm');
    const late = await call('put', `/api/bookings/${id}`, customer).send({
      instructions: 'Gate 2',
    });
    expect(late.status).toBe(409);
    expect(late.body.error?.details.currentStatus).toBe('confirmed');
  });

  it('when the customer deletes a pending booking, then it is cancelled and kept', async () => {
    const id = await createBooking(app, customer, bookingBody(provider, { date: nextDate() }));
    const res = await call('delete', `/api/bookings/${id}`, customer);
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      status: 'cancelled',
      cancellation: { cancelledBy: 'customer' },
    });
    expect((await call('get', `/api/bookings/${id}`, customer)).status).toBe(200);
  });

  it('when two confirmations race, then exactly one wins', async () => {
    const id = await createBooking(app, customer, bookingBody(provider, { date: nextDate() }));
    const results = await Promise.all(
      Array.from({ length: 10 }, () => act(provider, id, 'confirm')),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(9);
  });
});

describe('lists', () => {
  it('when a customer and a provider list bookings, then pages filter by status and date', async () => {
    const listed = await bookableProvider(app);
    const date = nextDate();
    const ids = [];
    for (const time of ['09:00', '11:00', '13:00']) {
      ids.push(await createBooking(app, customer, bookingBody(listed, { date, time })));
    }
    await act(listed, ids[0]!, 'confirm');
    const mine = await call('get', '/api/users/bookings?status=pending&limit=2', customer);
    expect(mine.status).toBe(200);
    expect(mine.body.meta).toMatchObject({ page: 1, limit: 2, hasNext: true });
    expect((mine.body.data as { status: string }[]).every((b) => b.status === 'pending')).toBe(
      true,
    );
    const theirs = await call('get', `/api/providers/bookings?from=${date}&to=${date}`, listed);
    expect(theirs.body.meta.total).toBe(3);
    const confirmed = await call('get', '/api/providers/bookings?status=confirmed', listed);
    expect((confirmed.body.data as { id: string }[]).map((b) => b.id)).toEqual([ids[0]]);
    const none = await call('get', `/api/providers/bookings?from=${istDate(day + 30)}`, listed);
    expect(none.body.meta.total).toBe(0);
    expect((await call('get', '/api/providers/bookings', customer)).status).toBe(403);
  });
});

describe('pub/sub', () => {
  it('when a booking changes, then the change is published after commit', async () => {
    const messages: unknown[] = [];
    const unsubscribe = await app.runtime.pubsub.subscribe('bookings.status-changed', (m) =>
      messages.push(m),
    );
    const id = await createBooking(app, customer, bookingBody(provider, { date: nextDate() }));
    await act(provider, id, 'confirm');
    await expect.poll(() => messages.length).toBeGreaterThanOrEqual(2);
    expect(messages).toContainEqual(
      expect.objectContaining({
        bookingId: id,
        from: 'pending',
        to: 'confirmed',
        providerId: provider.providerId,
      }),
    );
    await unsubscribe();
  });
});

describe('a provider made inactive after booking', () => {
  it('when it is deactivated, then new bookings get 404', async () => {
    const leaving = await bookableProvider(app);
    await app.runtime.database.db
      .update(providers)
      .set({ isActive: false })
      .where(sql`${providers.id} = ${leaving.providerId}::uuid`);
    expect(
      (await postBooking(app, customer, bookingBody(leaving, { date: nextDate() }))).status,
    ).toBe(404);
  });
});
