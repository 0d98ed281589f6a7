import { sql } from 'drizzle-orm';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client';
import { eventually } from '../../test-support/http';
import { startTestApp, type TestApp } from '../../test-support/test-app';
import type { SignedIn } from '../providers/provider-test-support';
import { wallClockAt } from '../../platform/wall-clock';
import {
  auth,
  bookableProvider,
  bookingBody,
  createBooking,
  istDate,
  postBooking,
  signedInCustomer,
  topUpWallet,
  walletBalance,
  type TestProvider,
} from './bookings-test-support';

let app: TestApp;
let provider: TestProvider;
let day = 2;
const nextDate = () => istDate((day += 1));

beforeAll(async () => {
  app = await startTestApp();
  provider = await bookableProvider(app);
}, 60_000);
afterAll(() => app?.close());

const act = async (user: { token: string }, id: string, action: string, body?: object) => {
  const req = request(app.url).post(`/api/bookings/${id}/${action}`).set(auth(user));
  const res = body ? await req.send(body) : await req;
  return { status: res.status, body: res.body };
};
const getBooking = async (user: { token: string }, id: string) => {
  const res = await request(app.url).get(`/api/bookings/${id}`).set(auth(user));
  return res.body.data as { payment: { status: string } };
};

const providerEarnings = async () => {
  const [row] = await queryRows<{ balance: number }>(
    app.runtime.database.db,
    sql`SELECT balance_paise::int AS balance FROM ledger_accounts
      WHERE kind = 'provider_earnings' AND owner_id = ${provider.providerId}::uuid`,
  );
  return row?.balance ?? 0;
};

/** About two hours from now on the provider's clock: inside the 4-hour fee window. */
const soon = () => {
  const at = wallClockAt(new Date(Date.now() + 2 * 3_600_000), 'Asia/Kolkata');
  const [hour, minute] = at.time.split(':').map(Number) as [number, number];
  const quarter = Math.ceil((hour * 60 + minute + 1) / 15) * 15;
  if (quarter > 23 * 60 + 15) return { date: istDate(1), time: '00:15' };
  const hh = String(Math.floor(quarter / 60)).padStart(2, '0');
  return { date: at.date, time: `${hh}:${String(quarter % 60).padStart(2, '0')}` };
};
const halfHour = (body: ReturnType<typeof bookingBody>) => ({
  ...body,
  service: { ...body.service, estimatedDuration: 0.5 },
});

describe('wallet payments', () => {
  let customer: SignedIn;
  beforeAll(async () => {
    customer = await signedInCustomer(app);
    await topUpWallet(app, customer, 100_000);
  });

  it('when the balance is too low, then 409 and no booking is created', async () => {
    const poor = await signedInCustomer(app);
    const res = await postBooking(app, poor, {
      ...bookingBody(provider, { date: nextDate() }),
      paymentMethod: 'wallet',
    });
    expect(res.status).toBe(409);
    const [row] = await queryRows<{ n: number }>(
      app.runtime.database.db,
      sql`SELECT count(*)::int AS n FROM bookings WHERE customer_id = ${poor.userId}::uuid`,
    );
    expect(row?.n).toBe(0);
  });

  it('when a wallet booking is cancelled in the free window, then all of it comes back', async () => {
    const res = await postBooking(app, customer, {
      ...bookingBody(provider, { date: nextDate() }),
      paymentMethod: 'wallet',
    });
    expect(res.status).toBe(201);
    expect(res.body.data.payment).toMatchObject({ method: 'wallet', status: 'paid' });
    expect(await walletBalance(app, customer)).toBe(100_000 - 29_900);
    const cancelled = await act(customer, res.body.data.id, 'cancel');
    expect(cancelled.body.data).toMatchObject({
      status: 'cancelled',
      payment: { status: 'refunded' },
      cancellation: { feePaise: 0, cancelledBy: 'customer' },
    });
    expect(await walletBalance(app, customer)).toBe(100_000);
  });

  it('when the customer cancels inside the fee window, then the fee is kept and goes to the provider', async () => {
    const before = await providerEarnings();
    const res = await postBooking(app, customer, {
      ...halfHour(bookingBody(provider, soon())),
      paymentMethod: 'wallet',
    });
    expect(res.status).toBe(201);
    expect(res.body.data.cancellation.policy.feeIfCancelledNowPaise).toBe(5_980);
    const cancelled = await act(customer, res.body.data.id, 'cancel', { reason: 'Not home' });
    expect(cancelled.body.data.cancellation).toMatchObject({ feePaise: 5_980, reason: 'Not home' });
    expect(await walletBalance(app, customer)).toBe(100_000 - 5_980);
    // The fee is settled to the provider, less the 10% commission.
    expect((await providerEarnings()) - before).toBe(5_980 - 598);
  });

  it('when the provider declines inside the window, then there is no fee', async () => {
    const start = await walletBalance(app, customer);
    const id = await createBooking(app, customer, {
      ...halfHour(bookingBody(provider, soon())),
      paymentMethod: 'wallet',
    });
    const declined = await act(provider, id, 'cancel', { reason: 'Unwell' });
    expect(declined.body.data.cancellation).toMatchObject({ feePaise: 0, cancelledBy: 'provider' });
    expect(await walletBalance(app, customer)).toBe(start);
  });

  it('when a wallet booking completes, then the provider earns it less commission', async () => {
    const before = await providerEarnings();
    const id = await createBooking(app, customer, {
      ...bookingBody(provider, { date: nextDate() }),
      paymentMethod: 'wallet',
    });
    await act(provider, id, 'confirm');
    await act(provider, id, 'start');
    const done = await act(provider, id, 'complete');
    expect(done.body.data.payment).toMatchObject({ method: 'wallet', status: 'paid' });
    expect((await providerEarnings()) - before).toBe(29_900 - 2_990);
  });
});

describe('online payments', () => {
  it('when booked online, then a test-mode order comes back and paying it marks the booking paid', async () => {
    const customer = await signedInCustomer(app);
    const res = await postBooking(app, customer, {
      ...bookingBody(provider, { date: nextDate() }),
      paymentMethod: 'online',
    });
    expect(res.status).toBe(201);
    const { id, payment } = res.body.data;
    expect(payment).toMatchObject({ method: 'online', status: 'pending' });
    expect(payment.order).toMatchObject({ testMode: true, amountPaise: 29_900, bookingId: id });
    await act(provider, id, 'confirm');
    await act(provider, id, 'start');
    const early = await act(provider, id, 'complete');
    expect(early.status).toBe(409);
    const paid = await request(app.url)
      .post(`/api/payments/test-gateway/orders/${payment.order.gatewayOrderId}/pay`)
      .set(auth(customer));
    expect(paid.status).toBe(200);
    expect((await getBooking(customer, id)).payment.status).toBe('paid');
    expect((await act(provider, id, 'complete')).body.data.status).toBe('completed');
  });

  it('when the checkout was closed, then the customer pays the booking later with its same order', async () => {
    const customer = await signedInCustomer(app);
    const stranger = await signedInCustomer(app);
    const created = await postBooking(app, customer, {
      ...bookingBody(provider, { date: nextDate() }),
      paymentMethod: 'online',
    });
    const { id, payment, createdAt } = created.body.data;
    // Due half an hour (BOOKING_ONLINE_PAYMENT_MINUTES) after it was made.
    expect(Date.parse(payment.payBy) - Date.parse(createdAt)).toBe(30 * 60_000);
    const later = await act(customer, id, 'payment-order');
    expect(later.status).toBe(200);
    expect(later.body.data).toMatchObject({
      gatewayOrderId: payment.order.gatewayOrderId,
      status: 'created',
      amountPaise: 29_900,
      checkout: { payUrl: payment.order.checkout.payUrl },
    });
    expect((await act(provider, id, 'payment-order')).status).toBe(403);
    expect((await act(stranger, id, 'payment-order')).status).toBe(404);

    const order = await request(app.url)
      .get(`/api/payments/orders/${later.body.data.id}`)
      .set(auth(customer));
    expect(order.body.data.checkout).toEqual(payment.order.checkout);

    await request(app.url).post(later.body.data.checkout.payUrl).set(auth(customer)).expect(200);
    expect((await getBooking(customer, id)).payment.status).toBe('paid');
    const again = await act(customer, id, 'payment-order');
    expect(again.status).toBe(409);
    expect(again.body.error.details).toMatchObject({ paymentStatus: 'paid' });
  });

  it('when the earlier payment failed, then paying later opens a new order', async () => {
    const customer = await signedInCustomer(app);
    const created = await postBooking(app, customer, {
      ...bookingBody(provider, { date: nextDate() }),
      paymentMethod: 'online',
    });
    const { id, payment } = created.body.data;
    // As a gateway's payment.failed webhook leaves it.
    await app.runtime.database.db.execute(
      sql`UPDATE payment_orders SET status = 'failed' WHERE id = ${payment.order.id}::uuid`,
    );
    // Two tabs at once: one new order, which both get.
    const [later, other] = await Promise.all([
      act(customer, id, 'payment-order'),
      act(customer, id, 'payment-order'),
    ]);
    expect([later.status, other.status]).toEqual([200, 200]);
    expect(later.body.data.id).not.toBe(payment.order.id);
    expect(other.body.data.id).toBe(later.body.data.id);
    expect(later.body.data).toMatchObject({ status: 'created', bookingId: id });
  });

  it('when a booking is cash or cancelled, then there is nothing to pay online', async () => {
    const customer = await signedInCustomer(app);
    const cash = await createBooking(app, customer, bookingBody(provider, { date: nextDate() }));
    const byCash = await act(customer, cash, 'payment-order');
    expect(byCash.status).toBe(409);
    expect(byCash.body.error.details).toMatchObject({ paymentMethod: 'cash' });

    const online = await postBooking(app, customer, {
      ...bookingBody(provider, { date: nextDate() }),
      paymentMethod: 'online',
    });
    await act(customer, online.body.data.id, 'cancel');
    const cancelled = await act(customer, online.body.data.id, 'payment-order');
    expect(cancelled.status).toBe(409);
    expect(cancelled.body.error.details).toMatchObject({ currentStatus: 'cancelled' });
  });

  it('when an online booking stays unpaid past its payment window, then it lapses and frees the time; a late payment goes back', async () => {
    const customer = await signedInCustomer(app);
    const date = nextDate();
    const unpaid = await postBooking(app, customer, {
      ...bookingBody(provider, { date }),
      paymentMethod: 'online',
    });
    const paidOnTime = await postBooking(app, customer, {
      ...bookingBody(provider, { date: nextDate() }),
      paymentMethod: 'online',
    });
    await request(app.url)
      .post(paidOnTime.body.data.payment.order.checkout.payUrl)
      .set(auth(customer))
      .expect(200);
    const cash = await createBooking(app, customer, bookingBody(provider, { date: nextDate() }));

    // Not yet: made just now. Half an hour on, it lapses (with any other test's unpaid ones), once.
    expect(await app.background.expireUnpaidBookings()).toBe(0);
    const later = new Date(Date.now() + 31 * 60_000);
    expect(await app.background.expireUnpaidBookings(later)).toBeGreaterThanOrEqual(1);
    expect(await app.background.expireUnpaidBookings(later)).toBe(0);

    const lapsed = await request(app.url)
      .get(`/api/bookings/${unpaid.body.data.id}`)
      .set(auth(customer));
    expect(lapsed.body.data).toMatchObject({
      status: 'cancelled',
      payment: { method: 'online', status: 'pending' },
      cancellation: {
        reason: 'The online payment did not arrive within 30 minutes',
        feePaise: 0,
      },
    });
    for (const id of [paidOnTime.body.data.id, cash])
      expect((await getBooking(customer, id)).payment.status).not.toBe('refunded');

    // The provider's time is free again for someone else.
    const other = await signedInCustomer(app);
    expect((await postBooking(app, other, bookingBody(provider, { date }))).status).toBe(201);

    // A payment that still comes for the lapsed booking is refunded.
    await request(app.url)
      .post(unpaid.body.data.payment.order.checkout.payUrl)
      .set(auth(customer))
      .expect(200);
    expect((await getBooking(customer, unpaid.body.data.id)).payment.status).toBe('refunded');
  });

  it('when an online booking is paid after it was cancelled, then the money goes back', async () => {
    const customer = await signedInCustomer(app);
    const res = await postBooking(app, customer, {
      ...bookingBody(provider, { date: nextDate() }),
      paymentMethod: 'online',
    });
    const { id, payment } = res.body.data;
    await act(customer, id, 'cancel');
    await request(app.url)
      .post(`/api/payments/test-gateway/orders/${payment.order.gatewayOrderId}/pay`)
      .set(auth(customer));
    expect((await getBooking(customer, id)).payment.status).toBe('refunded');
    await expectRefundSentToGateway(id, res.body.data.pricing.totalAmountPaise);
  });

  it('when a paid online booking is cancelled, then the refund reaches the gateway once the cancellation commits', async () => {
    const customer = await signedInCustomer(app);
    const res = await postBooking(app, customer, {
      ...bookingBody(provider, { date: nextDate() }),
      paymentMethod: 'online',
    });
    const { id, payment } = res.body.data;
    await request(app.url)
      .post(`/api/payments/test-gateway/orders/${payment.order.gatewayOrderId}/pay`)
      .set(auth(customer))
      .expect(200);
    await act(customer, id, 'cancel');
    expect((await getBooking(customer, id)).payment.status).toBe('refunded');
    // Nobody calls the periodic sweep here: the cancellation itself sends it after its commit.
    await expectRefundSentToGateway(id, res.body.data.pricing.totalAmountPaise);
  });

  const expectRefundSentToGateway = (bookingId: string, amountPaise: number) =>
    eventually(async () => {
      const rows = await queryRows<{ status: string; amount_paise: string | number }>(
        app.runtime.database.db,
        sql`SELECT status, amount_paise FROM gateway_refunds WHERE booking_id = ${bookingId}`,
      );
      expect(rows.map((row) => ({ ...row, amount_paise: Number(row.amount_paise) }))).toEqual([
        { status: 'sent', amount_paise: amountPaise },
      ]);
    });
});
