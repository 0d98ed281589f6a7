import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { wallClockAt } from '../../platform/wall-clock';
import { startTestApp, type TestApp } from '../../test-support/test-app';
import {
  auth,
  bookableProvider,
  bookingBody,
  createBooking,
  istDate,
  signedInCustomer,
  topUpWallet,
  walletBalance,
  type TestProvider,
} from '../bookings/bookings-test-support';
import { findLedgerViolations } from '../payments/ledger.repo';
import type { SignedIn } from '../providers/provider-test-support';
import { auditOf, signedInAdmin } from './admin-test-support';

const PRICE = 29_900;
const COMMISSION = 2_990; // 10% of the price, the default PLATFORM_COMMISSION_BPS

// Each test runs many requests on a shared 2-core machine: the default 30 s is too tight.
vi.setConfig({ testTimeout: 120_000 });

describe('admin API: bookings and money', () => {
  let app: TestApp;
  let admin: SignedIn;
  let provider: TestProvider;
  let day = 2;
  beforeAll(async () => {
    app = await startTestApp({ env: { AUTH_RATE_LIMIT_MAX: '1000' } });
    admin = await signedInAdmin(app);
    provider = await bookableProvider(app);
  }, 180_000);
  afterAll(() => app.close());

  const act = (who: { token: string }, id: string, action: string) =>
    request(app.url).post(`/api/bookings/${id}/${action}`).set(auth(who)).send({}).expect(200);
  const completedBooking = async (paymentMethod: 'wallet' | 'cash') => {
    const customer = await signedInCustomer(app);
    if (paymentMethod === 'wallet') await topUpWallet(app, customer, PRICE);
    const id = await createBooking(
      app,
      customer,
      bookingBody(provider, { date: istDate((day += 1)), paymentMethod }),
    );
    for (const action of ['confirm', 'start', 'complete']) await act(provider, id, action);
    return id;
  };

  it('when an admin force-cancels a wallet booking inside the fee window, then the whole price returns to the wallet and the audit log says so', async () => {
    const customer = await signedInCustomer(app);
    await topUpWallet(app, customer, 50_000);
    // Starts in about two hours: a customer cancelling now would forfeit the fee.
    const soon = wallClockAt(new Date(Date.now() + 2.5 * 3_600_000), 'Asia/Kolkata');
    const id = await createBooking(
      app,
      customer,
      bookingBody(provider, { date: soon.date, time: soon.time, paymentMethod: 'wallet' }),
    );
    expect(await walletBalance(app, customer)).toBe(50_000 - PRICE);
    await request(app.url)
      .post('/api/messages')
      .set(auth(customer))
      .send({ bookingId: id, content: 'You said you would come at 10, where are you?' })
      .expect(201);
    const quoted = await request(app.url).get(`/api/bookings/${id}`).set(auth(customer));
    expect(quoted.body.data.cancellation.policy.feeIfCancelledNowPaise).toBeGreaterThan(0);

    const res = await request(app.url)
      .post(`/api/admin/bookings/${id}/cancel`)
      .set(auth(admin))
      .send({ reason: 'Customer dispute: provider unreachable' })
      .expect(200);
    expect(res.body.data.refundedPaise).toBe(PRICE);
    expect(res.body.data.booking).toMatchObject({ status: 'cancelled' });
    expect(res.body.data.booking.payment.status).toBe('refunded');
    expect(await walletBalance(app, customer)).toBe(50_000);

    const detail = await request(app.url)
      .get(`/api/admin/bookings/${id}`)
      .set(auth(admin))
      .expect(200);
    expect((detail.body.data.history as { toStatus: string }[]).map((h) => h.toStatus)).toEqual([
      'pending',
      'cancelled',
    ]);
    expect(detail.body.data.messages.messages).toEqual([
      expect.objectContaining({
        senderId: customer.userId,
        receiverId: provider.userId,
        content: 'You said you would come at 10, where are you?',
      }),
    ]);
    expect(detail.body.data.history[1]).toMatchObject({
      actorRole: 'admin',
      reason: 'Customer dispute: provider unreachable',
    });
    const [entry] = await auditOf(app, 'booking', id);
    expect(entry).toMatchObject({
      action: 'booking.force_cancel',
      before: { status: 'pending', payment: { status: 'paid' } },
      after: { status: 'cancelled', payment: { status: 'refunded' }, refundedPaise: PRICE },
    });
    await request(app.url)
      .post(`/api/admin/bookings/${id}/cancel`)
      .set(auth(admin))
      .send({ reason: 'Again' })
      .expect(409);

    const refunds = await request(app.url)
      .get('/api/admin/payments/refunds')
      .set(auth(admin))
      .query({ bookingId: id })
      .expect(200);
    expect(refunds.body.data).toEqual([
      expect.objectContaining({
        bookingId: id,
        amountPaise: PRICE,
        legs: [{ accountKind: 'user_wallet', ownerId: customer.userId, amountPaise: PRICE }],
        // Nothing went back through the gateway.
        gatewayRefund: null,
      }),
    ]);
  });

  it('when admins search bookings, then status, provider, customer, city and dates filter them', async () => {
    const customer = await signedInCustomer(app);
    const date = istDate((day += 1));
    const id = await createBooking(app, customer, bookingBody(provider, { date }));
    const list = (query: Record<string, string>) =>
      request(app.url).get('/api/admin/bookings').set(auth(admin)).query(query).expect(200);
    const ids = (res: request.Response) => (res.body.data as { id: string }[]).map((b) => b.id);
    expect(ids(await list({ customerId: customer.userId }))).toEqual([id]);
    expect(ids(await list({ customerId: customer.userId, status: 'confirmed' }))).toEqual([]);
    expect(ids(await list({ customerId: customer.userId, city: 'bengaluru' }))).toEqual([id]);
    expect(ids(await list({ customerId: customer.userId, city: 'Mumbai' }))).toEqual([]);
    expect(ids(await list({ customerId: customer.userId, from: date, to: date }))).toEqual([id]);
    expect(ids(await list({ providerId: provider.providerId, from: istDate(day + 1) }))).toEqual(
      [],
    );
    await request(app.url)
      .get('/api/admin/bookings')
      .set(auth(admin))
      .query({ status: 'lost', from: '2026-13-01' })
      .expect(400);
  });

  it('when a provider has earnings and holds cash, then it is owed the difference, a payout pays exactly that as a ledger movement and the CSV lists it', async () => {
    await completedBooking('wallet');
    await completedBooking('cash');
    const owedNow = PRICE - COMMISSION - COMMISSION; // online earnings less the cash commission
    const owed = await request(app.url).get('/api/admin/payouts/owed').set(auth(admin)).expect(200);
    expect(owed.body.data).toContainEqual({
      providerId: provider.providerId,
      businessName: 'Mehta Home Services',
      email: provider.email,
      earningsPaise: 2 * (PRICE - COMMISSION),
      cashHeldPaise: PRICE,
      owedPaise: owedNow,
    });

    const csv = await request(app.url)
      .get('/api/admin/payouts/export')
      .set(auth(admin))
      .query({ kind: 'owed' })
      .expect(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain('payouts-owed.csv');
    expect(csv.text.split('\r\n')[0]).toBe(
      'provider_id,business_name,email,earnings_inr,cash_held_inr,owed_inr',
    );
    expect(csv.text).toContain(
      `${provider.providerId},Mehta Home Services,${provider.email},538.20,299.00,239.20`,
    );

    const pay = (body: object) =>
      request(app.url)
        .post(`/api/admin/providers/${provider.providerId}/payouts`)
        .set(auth(admin))
        .send(body);
    const stale = await pay({ amountPaise: owedNow + 1, bankReference: 'UTR20261125A1' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details).toEqual({ owedPaise: owedNow });
    await pay({ amountPaise: owedNow, bankReference: 'not a utr!' }).expect(400);

    const paid = await pay({ amountPaise: owedNow, bankReference: 'UTR20261125A1' }).expect(200);
    expect(paid.body.data).toMatchObject({
      providerId: provider.providerId,
      amountPaise: owedNow,
      bankReference: 'UTR20261125A1',
    });
    // The same transfer recorded twice is one payout.
    await pay({ amountPaise: owedNow, bankReference: 'UTR20261125A1' }).expect(200);
    // One transfer pays one provider: its reference for another provider is refused.
    const other = await bookableProvider(app);
    const reused = await request(app.url)
      .post(`/api/admin/providers/${other.providerId}/payouts`)
      .set(auth(admin))
      .send({ amountPaise: owedNow, bankReference: 'UTR20261125A1' });
    expect(reused.status).toBe(409);
    expect(reused.body.error.details).toEqual({ bankReference: 'UTR20261125A1' });

    const after = await request(app.url).get('/api/admin/payouts/owed').set(auth(admin));
    expect(
      (after.body.data as { providerId: string }[]).map((row) => row.providerId),
    ).not.toContain(provider.providerId);
    const payouts = await request(app.url)
      .get('/api/admin/payouts')
      .set(auth(admin))
      .query({ providerId: provider.providerId })
      .expect(200);
    expect(payouts.body.meta.total).toBe(1);
    const paidCsv = await request(app.url)
      .get('/api/admin/payouts/export')
      .set(auth(admin))
      .query({ kind: 'paid' })
      .expect(200);
    expect(paidCsv.text).toContain(
      `${provider.providerId},Mehta Home Services,239.20,UTR20261125A1`,
    );

    const entries = await request(app.url)
      .get('/api/admin/ledger/entries')
      .set(auth(admin))
      .query({ kind: 'payout' })
      .expect(200);
    expect(
      (entries.body.data as { accountKind: string; amountPaise: number }[]).map((e) => [
        e.accountKind,
        e.amountPaise,
      ]),
    ).toEqual(
      expect.arrayContaining([
        ['provider_earnings', -2 * (PRICE - COMMISSION)],
        ['provider_cash', PRICE],
        ['gateway_clearing', owedNow],
      ]),
    );
    const accounts = await request(app.url)
      .get('/api/admin/ledger/accounts')
      .set(auth(admin))
      .query({ ownerId: provider.providerId })
      .expect(200);
    expect((accounts.body.data as { balancePaise: number }[]).map((a) => a.balancePaise)).toEqual([
      0, 0,
    ]);
    expect(await findLedgerViolations(app.runtime.database.db)).toEqual({
      balanceMismatches: [],
      unbalancedTransactions: [],
      negativeAccounts: [],
    });
    const [entry] = await auditOf(app, 'provider', provider.providerId);
    expect(entry).toMatchObject({
      action: 'provider.payout',
      before: { owedPaise: owedNow },
      after: { owedPaise: 0 },
    });
  });

  it('when the commission report covers today, then it sums the settlements and refunds of the ledger', async () => {
    const today = istDate(0);
    const res = await request(app.url)
      .get('/api/admin/reports/commission')
      .set(auth(admin))
      .query({ from: today, to: today })
      .expect(200);
    expect(res.body.data.periods).toHaveLength(1);
    expect(res.body.data.totals).toEqual({
      settledBookings: 2,
      settledPaise: 2 * PRICE,
      commissionPaise: 2 * COMMISSION,
      providerEarningsPaise: 2 * (PRICE - COMMISSION),
      refundedPaise: PRICE,
    });
    await request(app.url)
      .get('/api/admin/reports/commission')
      .set(auth(admin))
      .query({ from: '2020-01-01', to: '2026-01-01' })
      .expect(400);
  });
});
