import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client';
import { startTestApp, type TestApp } from '../../test-support/test-app';
import { signedInCustomer, type SignedIn } from '../providers/provider-test-support';

const auth = (user: SignedIn) => ({ Authorization: `Bearer ${user.token}` });

describe('wallet and the test gateway, with Idempotency-Key', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  const topUp = (user: SignedIn, body: unknown, key?: string) => {
    const call = request(app.url).post('/api/users/wallet/top-up').set(auth(user));
    return (key ? call.set('Idempotency-Key', key) : call).send(body as object);
  };

  it('when a new customer opens the wallet, then it is empty with page meta', async () => {
    const user = await signedInCustomer(app);
    const res = await request(app.url).get('/api/users/wallet').set(auth(user)).expect(200);
    expect(res.body).toEqual({
      success: true,
      data: { balancePaise: 0, currency: 'INR', transactions: [] },
      meta: { page: 1, limit: 20, total: 0, hasNext: false },
    });
  });

  it('when a customer tops up, then nothing is credited until the test gateway confirms the payment', async () => {
    const user = await signedInCustomer(app);
    const created = await topUp(user, { amountPaise: 50_000 }).expect(201);
    const order = created.body.data;
    expect(order).toMatchObject({
      purpose: 'wallet_top_up',
      gateway: 'test',
      status: 'created',
      testMode: true,
      amountPaise: 50_000,
      currency: 'INR',
    });
    expect(order.checkout.payUrl).toBe(
      `/api/payments/test-gateway/orders/${order.gatewayOrderId}/pay`,
    );
    // A client claiming success is not a confirmation: a made-up signature is refused.
    await request(app.url)
      .post(`/api/payments/orders/${order.id}/confirm`)
      .set(auth(user))
      .send({ gatewayPaymentId: 'pay_fake', signature: 'f'.repeat(64) })
      .expect(400);
    const before = await request(app.url).get('/api/users/wallet').set(auth(user)).expect(200);
    expect(before.body.data.balancePaise).toBe(0);

    const paid = await request(app.url).post(order.checkout.payUrl).set(auth(user)).expect(200);
    expect(paid.body.data).toMatchObject({ id: order.id, status: 'paid', testMode: true });
    // Paying again changes nothing.
    await request(app.url).post(order.checkout.payUrl).set(auth(user)).expect(200);
    const wallet = await request(app.url).get('/api/users/wallet').set(auth(user)).expect(200);
    expect(wallet.body.data.balancePaise).toBe(50_000);
    expect(wallet.body.data.transactions).toMatchObject([
      {
        kind: 'wallet_top_up',
        amountPaise: 50_000,
        direction: 'credit',
        currency: 'INR',
        bookingId: null,
      },
    ]);
    expect(wallet.body.meta).toEqual({ page: 1, limit: 20, total: 1, hasNext: false });
  });

  it('when another customer pays or reads my order, then 404', async () => {
    const owner = await signedInCustomer(app);
    const other = await signedInCustomer(app);
    const order = (await topUp(owner, { amountPaise: 1_000 }).expect(201)).body.data;
    await request(app.url).post(order.checkout.payUrl).set(auth(other)).expect(404);
    await request(app.url).get(`/api/payments/orders/${order.id}`).set(auth(other)).expect(404);
    await request(app.url).get(`/api/payments/orders/${order.id}`).set(auth(owner)).expect(200);
  });

  it('when the amount or a field is invalid, then 400 VALIDATION_ERROR names it and no order exists', async () => {
    const user = await signedInCustomer(app);
    for (const body of [
      { amountPaise: 50 },
      { amountPaise: 10.5 },
      { amountPaise: '100' },
      {},
      { amountPaise: 100_000_000 },
    ]) {
      const res = await topUp(user, body).expect(400);
      expect(res.body.error.code).toBe('VALIDATION_ERROR');
      expect(res.body.error.details[0].path).toBe('amountPaise');
    }
    const extra = await topUp(user, { amountPaise: 1_000, status: 'paid' }).expect(400);
    expect(extra.body.error.details[0].path).toBe('status');
    await request(app.url).get('/api/users/wallet?limit=0').set(auth(user)).expect(400);
    await request(app.url)
      .post('/api/users/wallet/top-up')
      .send({ amountPaise: 1_000 })
      .expect(401);
    const [row] = await queryRows<{ n: number }>(
      app.runtime.database.db,
      sql`SELECT count(*)::int AS n FROM payment_orders WHERE user_id = ${user.userId}`,
    );
    expect(row!.n).toBe(0);
  });

  it('when the wallet has many entries, then pages follow and the page size is clamped', async () => {
    const user = await signedInCustomer(app);
    for (let i = 0; i < 3; i += 1) {
      const order = (await topUp(user, { amountPaise: 1_000 + i }).expect(201)).body.data;
      await request(app.url).post(order.checkout.payUrl).set(auth(user)).expect(200);
    }
    const first = await request(app.url)
      .get('/api/users/wallet?limit=2')
      .set(auth(user))
      .expect(200);
    expect(first.body.meta).toEqual({ page: 1, limit: 2, total: 3, hasNext: true });
    const amounts = (first.body.data.transactions as { amountPaise: number }[]).map(
      (t) => t.amountPaise,
    );
    expect(amounts).toEqual([1_002, 1_001]);
    const second = await request(app.url)
      .get('/api/users/wallet?limit=2&page=2')
      .set(auth(user))
      .expect(200);
    expect(second.body.meta.hasNext).toBe(false);
    const clamped = await request(app.url)
      .get('/api/users/wallet?limit=5000')
      .set(auth(user))
      .expect(200);
    expect(clamped.body.meta.limit).toBe(100);
  });

  describe('Idempotency-Key', () => {
    it('when the same key and body are sent again, then the first response is replayed and one order exists', async () => {
      const user = await signedInCustomer(app);
      const key = randomUUID();
      const first = await topUp(user, { amountPaise: 2_000 }, key).expect(201);
      const again = await topUp(user, { amountPaise: 2_000 }, key).expect(201);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.body).toEqual(first.body);
    });

    it('when the same key comes with a different body, then 409 CONFLICT in the envelope', async () => {
      const user = await signedInCustomer(app);
      const key = randomUUID();
      await topUp(user, { amountPaise: 2_000 }, key).expect(201);
      const res = await topUp(user, { amountPaise: 3_000 }, key).expect(409);
      expect(res.body).toMatchObject({ success: false, error: { code: 'CONFLICT' } });
    });

    it('when another user sends the same key, then it is theirs alone', async () => {
      const [a, b] = [await signedInCustomer(app), await signedInCustomer(app)];
      const key = randomUUID();
      const first = await topUp(a, { amountPaise: 2_000 }, key).expect(201);
      const second = await topUp(b, { amountPaise: 2_000 }, key).expect(201);
      expect(second.body.data.id).not.toBe(first.body.data.id);
    });

    it('when ten identical requests race, then one order is created and the rest replay it or get 409 in progress', async () => {
      const user = await signedInCustomer(app);
      const key = randomUUID();
      const results = await Promise.all(
        Array.from({ length: 10 }, () => topUp(user, { amountPaise: 4_000 }, key)),
      );
      const created = results.filter((r) => r.status === 201);
      const inProgress = results.filter((r) => r.status === 409);
      expect(created.length + inProgress.length).toBe(10);
      expect(new Set(created.map((r) => (r.body as { data: { id: string } }).data.id)).size).toBe(
        1,
      );
      for (const res of inProgress) expect(res.headers['retry-after']).toBe('1');
      const rows = await queryRows<{ n: number }>(
        app.runtime.database.db,
        sql`SELECT count(*)::int AS n FROM payment_orders WHERE user_id = ${user.userId}`,
      );
      expect(rows[0]!.n).toBe(1);
    });

    it('when a key has expired, then it is ignored and the request runs again', async () => {
      const user = await signedInCustomer(app);
      const key = randomUUID();
      const first = await topUp(user, { amountPaise: 2_500 }, key).expect(201);
      await app.runtime.database.db.execute(
        sql`UPDATE idempotency_keys SET expires_at = now() - interval '1 second' WHERE key = ${key}`,
      );
      const again = await topUp(user, { amountPaise: 2_500 }, key).expect(201);
      expect(again.headers['idempotent-replayed']).toBeUndefined();
      expect(again.body.data.id).not.toBe(first.body.data.id);
    });

    it('when the key is malformed, then 400 VALIDATION_ERROR', async () => {
      const user = await signedInCustomer(app);
      const res = await topUp(user, { amountPaise: 2_000 }, 'x'.repeat(300)).expect(400);
      expect(res.body.error.code).toBe('VALIDATION_ERROR');
    });
  });
});
