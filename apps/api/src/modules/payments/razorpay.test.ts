import { randomUUID } from 'node:crypto';
import pino from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client';
import { createLogger } from '../../platform/logger';
import { eventually } from '../../test-support/http';
import { startTestApp, type TestApp } from '../../test-support/test-app';
import { signedInCustomer, type SignedIn } from '../providers/provider-test-support';
import { createLedger } from './ledger.service';
import { createPaymentsService } from './payments.service';
import {
  hmacHex,
  razorpayEvent,
  razorpayWebhookHeaders,
  startFakeRazorpay,
} from './payments-test-support';
import { createRazorpayGateway, readRazorpayWebhook } from './razorpay-gateway';

const KEY_ID = 'rzp_test_LocalKart01';
const KEY_SECRET = 'key-secret-for-tests-only';
const WEBHOOK_SECRET = 'webhook-secret-for-tests-only';
const WEBHOOK = '/api/payments/webhooks/razorpay';

const auth = (user: SignedIn) => ({ Authorization: `Bearer ${user.token}` });

describe('Razorpay gateway: orders, checkout signatures, webhooks, refunds', () => {
  let razorpay: Awaited<ReturnType<typeof startFakeRazorpay>>;
  let app: TestApp;
  beforeAll(async () => {
    razorpay = await startFakeRazorpay({ keyId: KEY_ID, keySecret: KEY_SECRET });
    app = await startTestApp({
      env: {
        RAZORPAY_KEY_ID: KEY_ID,
        RAZORPAY_KEY_SECRET: KEY_SECRET,
        RAZORPAY_WEBHOOK_SECRET: WEBHOOK_SECRET,
        RAZORPAY_API_URL: razorpay.url,
      },
    });
  });
  afterAll(async () => {
    await app.close();
    await razorpay.close();
  });

  it('when pages are served, then their CSP lets in Razorpay Checkout and nothing else from outside', async () => {
    const csp = (await request(app.url).get('/api/docs/')).headers['content-security-policy'];
    expect(csp).toMatch(/script-src 'self' https:\/\/checkout\.razorpay\.com;/);
    expect(csp).toMatch(
      /frame-src https:\/\/api\.razorpay\.com https:\/\/checkout\.razorpay\.com(;|$)/,
    );
    expect(csp).toMatch(/frame-ancestors 'none'/);
  });

  const newTopUp = async (amountPaise = 75_000) => {
    const user = await signedInCustomer(app);
    const res = await request(app.url)
      .post('/api/users/wallet/top-up')
      .set(auth(user))
      .send({ amountPaise })
      .expect(201);
    return {
      user,
      order: res.body.data as { id: string; gatewayOrderId: string; testMode: boolean },
    };
  };
  const balanceOf = async (user: SignedIn) =>
    (await request(app.url).get('/api/users/wallet').set(auth(user)).expect(200)).body.data
      .balancePaise as number;
  const statusOf = async (user: SignedIn, order: { id: string }) =>
    (await request(app.url).get(`/api/payments/orders/${order.id}`).set(auth(user)).expect(200))
      .body.data.status as string;
  const sendWebhook = (body: string, headers: Record<string, string>) =>
    request(app.url).post(WEBHOOK).set(headers).send(body);

  it('when a top-up starts, then a Razorpay order is created with Basic auth, paise, currency, receipt and notes', async () => {
    const { user, order } = await newTopUp(75_000);
    expect(order.testMode).toBe(false);
    expect(order.gatewayOrderId).toMatch(/^order_/);
    const call = razorpay.requests.at(-1)!;
    expect(call).toMatchObject({
      method: 'POST',
      path: '/v1/orders',
      authorization: `Basic ${Buffer.from(`${KEY_ID}:${KEY_SECRET}`).toString('base64')}`,
      body: {
        amount: 75_000,
        currency: 'INR',
        notes: { purpose: 'wallet_top_up', userId: user.userId },
      },
    });
    expect((call.body as { receipt: string }).receipt.length).toBeLessThanOrEqual(40);
    // Razorpay's test-gateway route does not exist in Razorpay mode.
    await request(app.url)
      .post(`/api/payments/test-gateway/orders/order_test_x/pay`)
      .set(auth(user))
      .expect(404);
  });

  it('when the checkout signature is right, then the wallet is credited once; a wrong one is 400', async () => {
    const { user, order } = await newTopUp(30_000);
    const paymentId = 'pay_Checkout0001';
    await request(app.url)
      .post(`/api/payments/orders/${order.id}/confirm`)
      .set(auth(user))
      .send({
        gatewayPaymentId: paymentId,
        signature: hmacHex('wrong-secret', `${order.gatewayOrderId}|${paymentId}`),
      })
      .expect(400);
    expect(await balanceOf(user)).toBe(0);
    const signature = hmacHex(KEY_SECRET, `${order.gatewayOrderId}|${paymentId}`);
    for (let i = 0; i < 2; i += 1) {
      const res = await request(app.url)
        .post(`/api/payments/orders/${order.id}/confirm`)
        .set(auth(user))
        .send({ gatewayPaymentId: paymentId, signature })
        .expect(200);
      expect(res.body.data.status).toBe('paid');
    }
    expect(await balanceOf(user)).toBe(30_000);
  });

  it('when a webhook is signed by Razorpay, then the order is paid; a bad or missing signature is 400 and changes nothing', async () => {
    const { user, order } = await newTopUp(40_000);
    const body = razorpayEvent('payment.captured', {
      orderId: order.gatewayOrderId,
      paymentId: 'pay_Hook0001',
      amount: 40_000,
    });
    const forged = { ...razorpayWebhookHeaders('not-the-secret', body) };
    expect((await sendWebhook(body, forged).expect(400)).body.error.code).toBe('VALIDATION_ERROR');
    await request(app.url)
      .post(WEBHOOK)
      .set('content-type', 'application/json')
      .send(body)
      .expect(400);
    // The signature covers the exact bytes: the same JSON re-serialised differently fails.
    const headers = razorpayWebhookHeaders(WEBHOOK_SECRET, body);
    await sendWebhook(JSON.stringify(JSON.parse(body), null, 2), headers).expect(400);
    expect(await balanceOf(user)).toBe(0);
    await sendWebhook(body, headers).expect(200);
    expect(await balanceOf(user)).toBe(40_000);
    expect(await statusOf(user, order)).toBe('paid');
  });

  it('when Razorpay redelivers an event, then it is ignored by its event id', async () => {
    const { user, order } = await newTopUp(12_000);
    const body = razorpayEvent('order.paid', {
      orderId: order.gatewayOrderId,
      paymentId: 'pay_Hook0002',
      amount: 12_000,
    });
    const headers = razorpayWebhookHeaders(WEBHOOK_SECRET, body, 'evt_Replay0001');
    expect((await sendWebhook(body, headers).expect(200)).body.data).toEqual({ duplicate: false });
    expect((await sendWebhook(body, headers).expect(200)).body.data).toEqual({ duplicate: true });
    expect(await balanceOf(user)).toBe(12_000);
  });

  it('when events arrive out of order (order.paid, then payment.captured, then a late payment.failed), then the order is paid and credited once', async () => {
    const { user, order } = await newTopUp(9_900);
    const ids = { orderId: order.gatewayOrderId, paymentId: 'pay_Hook0003', amount: 9_900 };
    for (const event of ['order.paid', 'payment.captured', 'payment.failed'] as const) {
      const body = razorpayEvent(event, ids);
      await sendWebhook(body, razorpayWebhookHeaders(WEBHOOK_SECRET, body)).expect(200);
    }
    expect(await balanceOf(user)).toBe(9_900);
    expect(await statusOf(user, order)).toBe('paid');
  });

  it('when a payment fails and a retry on the same order is captured, then the order ends paid', async () => {
    const { user, order } = await newTopUp(5_000);
    const failed = razorpayEvent('payment.failed', {
      orderId: order.gatewayOrderId,
      paymentId: 'pay_Try1',
      amount: 5_000,
    });
    await sendWebhook(failed, razorpayWebhookHeaders(WEBHOOK_SECRET, failed)).expect(200);
    expect(await statusOf(user, order)).toBe('failed');
    const captured = razorpayEvent('payment.captured', {
      orderId: order.gatewayOrderId,
      paymentId: 'pay_Try2',
      amount: 5_000,
    });
    await sendWebhook(captured, razorpayWebhookHeaders(WEBHOOK_SECRET, captured)).expect(200);
    expect(await statusOf(user, order)).toBe('paid');
    expect(await balanceOf(user)).toBe(5_000);
  });

  it('when a webhook amount differs from the order, then nothing is credited', async () => {
    const { user, order } = await newTopUp(8_000);
    const body = razorpayEvent('payment.captured', {
      orderId: order.gatewayOrderId,
      paymentId: 'pay_Odd',
      amount: 100,
    });
    await sendWebhook(body, razorpayWebhookHeaders(WEBHOOK_SECRET, body)).expect(200);
    expect(await balanceOf(user)).toBe(0);
  });

  /**
   * A payments service on the fake Razorpay (retrying refunds quickly) and a booking paid online
   * through it, confirmed by a signed webhook.
   */
  const paidOnlineBooking = async (
    gatewayPaymentId: string,
    amountPaise: number,
    logger = createLogger(app.runtime.config),
  ) => {
    const db = app.runtime.database.db;
    const gateway = createRazorpayGateway({
      keyId: KEY_ID,
      keySecret: KEY_SECRET,
      webhookSecret: WEBHOOK_SECRET,
      apiUrl: razorpay.url,
    });
    const ledger = createLedger({ db, commissionBps: 1000 });
    const payments = createPaymentsService({
      db,
      gateway,
      ledger,
      logger,
      pubsub: app.runtime.pubsub,
      refundRetry: { attempts: 3, backoffMs: 20 },
    });
    const paidBookings: string[] = [];
    payments.onBookingPaid((_tx, paid) => {
      paidBookings.push(paid.bookingId);
      return Promise.resolve();
    });
    const user = await signedInCustomer(app);
    const bookingId = randomUUID();
    const order = await payments.createBookingOrder({
      userId: user.userId,
      bookingId,
      amountPaise,
    });
    const body = razorpayEvent('payment.captured', {
      orderId: order.gatewayOrderId,
      paymentId: gatewayPaymentId,
      amount: amountPaise,
    });
    await payments.handleWebhookEvent(
      readRazorpayWebhook(WEBHOOK_SECRET, Buffer.from(body), {
        signature: hmacHex(WEBHOOK_SECRET, body),
        eventId: `evt_${gatewayPaymentId}`,
      })!,
    );
    expect(paidBookings).toEqual([bookingId]);
    expect(await ledger.bookingHeld(bookingId)).toBe(amountPaise);
    return { payments, ledger, bookingId };
  };

  const gatewayRefundOf = async (bookingId: string) => {
    const [row] = await queryRows<{ status: string; attempts: number; last_error: string | null }>(
      app.runtime.database.db,
      sql`SELECT status, attempts, last_error FROM gateway_refunds WHERE booking_id = ${bookingId}`,
    );
    return row;
  };

  const refundRequestsFor = (gatewayPaymentId: string) =>
    razorpay.requests.filter((r) => r.path === `/v1/payments/${gatewayPaymentId}/refund`);

  /** Sends due refunds until the booking's refund has left `pending`. */
  const settledRefundOf = (
    payments: Awaited<ReturnType<typeof paidOnlineBooking>>['payments'],
    bookingId: string,
  ) =>
    eventually(async () => {
      await payments.sendDueRefunds();
      const refund = await gatewayRefundOf(bookingId);
      expect(refund?.status).not.toBe('pending');
      return refund!;
    });

  it('when a booking paid online is refunded, then the ledger moves at once and Razorpay gets the refund for that payment after the commit, keyed by our refund id', async () => {
    const { payments, ledger, bookingId } = await paidOnlineBooking('pay_Booking01', 59_900);

    const refund = await payments.refundBooking({ bookingId, amountPaise: 50_000 });
    expect(refund.legs).toEqual([{ method: 'online', amountPaise: 50_000 }]);
    expect(await ledger.bookingHeld(bookingId)).toBe(9_900);

    expect(await settledRefundOf(payments, bookingId)).toMatchObject({
      status: 'sent',
      attempts: 1,
    });
    const [sent] = refundRequestsFor('pay_Booking01');
    expect(sent).toMatchObject({
      method: 'POST',
      body: { amount: 50_000, notes: { bookingId } },
      idempotencyKey: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect((sent!.body as { receipt: string }).receipt).toBe(sent!.idempotencyKey);
  });

  it('when Razorpay is down during a refund, then the refund still commits and is sent once Razorpay answers', async () => {
    const { payments, ledger, bookingId } = await paidOnlineBooking('pay_Booking02', 20_000);
    razorpay.failNextRequests(1);

    const refund = await payments.refundBooking({ bookingId });
    expect(refund.legs).toEqual([{ method: 'online', amountPaise: 20_000 }]);
    expect(await ledger.bookingHeld(bookingId)).toBe(0);

    expect(await settledRefundOf(payments, bookingId)).toMatchObject({
      status: 'sent',
      attempts: 2,
      last_error: null,
    });
    const attempts = refundRequestsFor('pay_Booking02');
    expect(attempts).toHaveLength(2);
    expect(attempts[1]!.idempotencyKey).toBe(attempts[0]!.idempotencyKey);
  });

  it('when Razorpay made the refund but its answer was lost, then the retry gets the same refund and the customer is refunded once', async () => {
    const { payments, bookingId } = await paidOnlineBooking('pay_Booking03', 30_000);
    const before = razorpay.refundsMade();
    razorpay.loseNextRefundAnswers(1);

    await payments.refundBooking({ bookingId });

    expect(await settledRefundOf(payments, bookingId)).toMatchObject({
      status: 'sent',
      attempts: 2,
    });
    expect(refundRequestsFor('pay_Booking03')).toHaveLength(2);
    expect(razorpay.refundsMade() - before).toBe(1);
  });

  it('when Razorpay is slow to answer a refund, then the refund is not locked meanwhile and no other run sends it again', async () => {
    const { payments, bookingId } = await paidOnlineBooking('pay_Booking05', 15_000);
    const held = razorpay.holdNextRefund();

    // Its commit starts the sender in the background; the gateway keeps it waiting.
    await payments.refundBooking({ bookingId });
    await held.arrived;
    const [row] = await queryRows<{ id: string }>(
      app.runtime.database.db,
      sql`SELECT id FROM gateway_refunds WHERE booking_id = ${bookingId} FOR UPDATE NOWAIT`,
    );
    expect(row).toBeDefined();
    expect(await payments.sendDueRefunds()).toBe(0);
    expect(await gatewayRefundOf(bookingId)).toMatchObject({ status: 'pending', attempts: 1 });

    held.release();
    await eventually(async () =>
      expect(await gatewayRefundOf(bookingId)).toMatchObject({ status: 'sent', attempts: 1 }),
    );
    expect(refundRequestsFor('pay_Booking05')).toHaveLength(1);
  });

  it('when a sender died during the call, then once its claim lapses the refund is sent again under the same key, and refunded once', async () => {
    const lines: { msg?: string; attempts?: number }[] = [];
    const logger = pino(
      { level: 'info' },
      { write: (line: string) => void lines.push(JSON.parse(line)) },
    );
    const { payments, bookingId } = await paidOnlineBooking('pay_Booking06', 12_000, logger);
    const before = razorpay.refundsMade();
    const held = razorpay.holdNextRefund();
    await payments.refundBooking({ bookingId });
    await held.arrived;
    // As far as the database can tell, that sender is gone: its claim has lapsed.
    await app.runtime.database.db.execute(
      sql`UPDATE gateway_refunds SET next_attempt_at = now() - interval '1 second'
        WHERE booking_id = ${bookingId}`,
    );
    expect(await payments.sendDueRefunds()).toBe(1);
    expect(await gatewayRefundOf(bookingId)).toMatchObject({ status: 'sent', attempts: 2 });

    // The first sender's late answer finds the refund taken over and changes nothing.
    held.release();
    await expect
      .poll(() => lines.some((line) => line.msg?.startsWith('gateway answered after another')))
      .toBe(true);
    expect(await gatewayRefundOf(bookingId)).toMatchObject({ status: 'sent', attempts: 2 });
    const [first, second] = refundRequestsFor('pay_Booking06');
    expect(second!.idempotencyKey).toBe(first!.idempotencyKey);
    expect(razorpay.refundsMade() - before).toBe(1);
  });

  it('when Razorpay keeps failing, then the refund is marked failed after the last attempt, with the reason, for an admin', async () => {
    const { payments, ledger, bookingId } = await paidOnlineBooking('pay_Booking04', 10_000);
    razorpay.failNextRequests(3);

    await payments.refundBooking({ bookingId });

    const refund = await settledRefundOf(payments, bookingId);
    expect(refund).toMatchObject({ status: 'failed', attempts: 3 });
    expect(refund.last_error).toMatch(/payment gateway is unavailable/);
    // The books already say the money went back; what failed is the gateway leg.
    expect(await ledger.bookingHeld(bookingId)).toBe(0);
    expect(await payments.sendDueRefunds()).toBe(0);
  });
});
