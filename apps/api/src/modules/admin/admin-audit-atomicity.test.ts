import { eq, sql } from 'drizzle-orm';
import request from 'supertest';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { providerDocuments } from '../../db/schema/providers';
import { reviews } from '../../db/schema/reviews';
import { serviceCategories } from '../../db/schema/taxonomy';
import { users } from '../../db/schema/users';
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
import { insertTestBooking } from '../reviews/review-test-support';
import type { SignedIn } from '../providers/provider-test-support';
import { auditOf, signedInAdmin } from './admin-test-support';

const PRICE = 29_900;
const COMMISSION = 2_990; // 10% of the price, the default PLATFORM_COMMISSION_BPS

const pdf = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

// Each test runs many requests on a shared 2-core machine: the default 30 s is too tight.
vi.setConfig({ testTimeout: 120_000 });

/**
 * The fault: the database refuses every new audit entry, as it would if the audit table's
 * storage failed between an admin's change and its entry. Each action must then fail whole.
 */
describe('admin API: a change and its audit entry commit together', () => {
  let app: TestApp;
  let admin: SignedIn;
  let provider: TestProvider;
  let day = 2;
  beforeAll(async () => {
    app = await startTestApp({ env: { AUTH_RATE_LIMIT_MAX: '1000' } });
    admin = await signedInAdmin(app);
    provider = await bookableProvider(app);
    await app.runtime.database.db.execute(sql`
      CREATE FUNCTION refuse_audit_entry() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit log unavailable (injected fault)'; END $$`);
  }, 180_000);
  afterEach(() => allowAuditEntries());
  afterAll(() => app.close());

  const refuseAuditEntries = () =>
    app.runtime.database.db.execute(sql`
      CREATE TRIGGER refuse_audit_entry BEFORE INSERT ON admin_audit_log
      FOR EACH ROW EXECUTE FUNCTION refuse_audit_entry()`);
  const allowAuditEntries = () =>
    app.runtime.database.db.execute(
      sql`DROP TRIGGER IF EXISTS refuse_audit_entry ON admin_audit_log`,
    );
  const post = (path: string, body: object = {}) =>
    request(app.url).post(path).set(auth(admin)).send(body);
  const act = (who: { token: string }, id: string, action: string) =>
    request(app.url).post(`/api/bookings/${id}/${action}`).set(auth(who)).send({}).expect(200);
  const failsWhole = async (path: string, body: object = {}) => {
    const res = await post(path, body);
    expect(res.status).toBe(500);
    expect(res.body.error.code).toBe('INTERNAL_SERVER_ERROR');
  };

  it('when the audit entry cannot be written, then suspending a user answers 500 and the user stays active; once it can, the suspension is audited', async () => {
    const customer = await signedInCustomer(app);
    const path = `/api/admin/users/${customer.userId}/suspend`;
    const body = { reason: 'Abusive messages to providers' };

    await refuseAuditEntries();
    await failsWhole(path, body);
    const [row] = await app.runtime.database.db
      .select({ isActive: users.isActive })
      .from(users)
      .where(eq(users.id, customer.userId));
    expect(row).toEqual({ isActive: true });
    // Its sessions were not ended either: the change never happened.
    await request(app.url).get('/api/users/profile').set(auth(customer)).expect(200);
    expect(await auditOf(app, 'user', customer.userId)).toEqual([]);

    await allowAuditEntries();
    await post(path, body).expect(200);
    const log = await auditOf(app, 'user', customer.userId);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({
      action: 'user.suspend',
      actorId: admin.userId,
      reason: body.reason,
      before: { role: 'customer', isActive: true },
      after: { role: 'customer', isActive: false },
    });
  });

  it('when the audit entry cannot be written, then hiding a review answers 500 and the review stays visible; once it can, the hiding is audited', async () => {
    const customer = await signedInCustomer(app);
    const bookingId = await insertTestBooking(app, {
      customerId: customer.userId,
      providerId: provider.providerId,
    });
    const review = await request(app.url)
      .post(`/api/bookings/${bookingId}/review`)
      .set(auth(customer))
      .send({ rating: 1, comment: 'Call me directly for half the price' })
      .expect(201);
    const reviewId = review.body.data.id as string;
    const path = `/api/admin/reviews/${reviewId}/hide`;
    const body = { reason: 'Solicits off-platform deals' };

    await refuseAuditEntries();
    await failsWhole(path, body);
    const [row] = await app.runtime.database.db
      .select({ isHidden: reviews.isHidden })
      .from(reviews)
      .where(eq(reviews.id, reviewId));
    expect(row).toEqual({ isHidden: false });
    const publicList = await request(app.url).get(`/api/providers/${provider.providerId}/reviews`);
    expect((publicList.body.data as { id: string }[]).map((r) => r.id)).toContain(reviewId);
    expect(await auditOf(app, 'review', reviewId)).toEqual([]);

    await allowAuditEntries();
    await post(path, body).expect(200);
    const log = await auditOf(app, 'review', reviewId);
    expect(log.map((entry) => [entry.action, entry.before, entry.after])).toEqual([
      [
        'review.hide',
        { isHidden: false, hiddenReason: null },
        { isHidden: true, hiddenReason: body.reason, providerRating: expect.any(Object) },
      ],
    ]);
  });

  it('when the audit entry cannot be written, then a payout answers 500 and nothing is paid; once it can, the payout is audited with what was owed', async () => {
    const customer = await signedInCustomer(app);
    await topUpWallet(app, customer, PRICE);
    const bookingId = await createBooking(
      app,
      customer,
      bookingBody(provider, { date: istDate((day += 1)), paymentMethod: 'wallet' }),
    );
    for (const action of ['confirm', 'start', 'complete']) await act(provider, bookingId, action);
    const owedPaise = PRICE - COMMISSION;
    const path = `/api/admin/providers/${provider.providerId}/payouts`;
    const body = { amountPaise: owedPaise, bankReference: 'UTR20261126F1' };
    const owedNow = async () =>
      (
        (await request(app.url).get('/api/admin/payouts/owed').set(auth(admin)).expect(200)).body
          .data as { providerId: string; owedPaise: number }[]
      ).find((row) => row.providerId === provider.providerId)?.owedPaise;
    const payoutsMade = async () =>
      (
        await request(app.url)
          .get('/api/admin/payouts')
          .set(auth(admin))
          .query({ providerId: provider.providerId })
          .expect(200)
      ).body.meta.total as number;

    await refuseAuditEntries();
    await failsWhole(path, body);
    expect(await owedNow()).toBe(owedPaise);
    expect(await payoutsMade()).toBe(0);
    expect(await auditOf(app, 'provider', provider.providerId)).toEqual([]);

    await allowAuditEntries();
    const paid = await post(path, body).expect(200);
    expect(await owedNow()).toBeUndefined();
    expect(await payoutsMade()).toBe(1);
    const log = await auditOf(app, 'provider', provider.providerId);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({
      action: 'provider.payout',
      before: { owedPaise },
      after: {
        owedPaise: 0,
        payout: {
          transactionId: paid.body.data.transactionId,
          amountPaise: owedPaise,
          bankReference: 'UTR20261126F1',
        },
      },
    });
  });

  it('when the audit entry cannot be written, then a force-cancel answers 500, the booking stays pending and nothing is refunded; once it can, it is audited', async () => {
    const customer = await signedInCustomer(app);
    await topUpWallet(app, customer, PRICE);
    const bookingId = await createBooking(
      app,
      customer,
      bookingBody(provider, { date: istDate((day += 1)), paymentMethod: 'wallet' }),
    );
    const path = `/api/admin/bookings/${bookingId}/cancel`;
    const body = { reason: 'Provider unreachable' };

    await refuseAuditEntries();
    await failsWhole(path, body);
    const booking = await request(app.url)
      .get(`/api/bookings/${bookingId}`)
      .set(auth(customer))
      .expect(200);
    expect(booking.body.data).toMatchObject({ status: 'pending', payment: { status: 'paid' } });
    expect(await walletBalance(app, customer)).toBe(0);
    expect(await auditOf(app, 'booking', bookingId)).toEqual([]);

    await allowAuditEntries();
    await post(path, body).expect(200);
    expect(await walletBalance(app, customer)).toBe(PRICE);
    const log = await auditOf(app, 'booking', bookingId);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({
      action: 'booking.force_cancel',
      before: { status: 'pending', payment: { status: 'paid' } },
      after: { status: 'cancelled', payment: { status: 'refunded' }, refundedPaise: PRICE },
    });
  });

  it('when the audit entry cannot be written, then approving a document answers 500 and it stays pending; once it can, the approval is audited', async () => {
    const upload = await request(app.url)
      .post('/api/providers/documents')
      .set(auth(provider))
      .field('type', 'license')
      .attach('file', pdf, { filename: 'licence.pdf', contentType: 'application/pdf' })
      .expect(201);
    const documentId = upload.body.data.id as string;
    const path = `/api/admin/provider-documents/${documentId}/approve`;

    await refuseAuditEntries();
    await failsWhole(path);
    const [row] = await app.runtime.database.db
      .select({ status: providerDocuments.status })
      .from(providerDocuments)
      .where(eq(providerDocuments.id, documentId));
    expect(row).toEqual({ status: 'pending' });
    expect(await auditOf(app, 'provider_document', documentId)).toEqual([]);

    await allowAuditEntries();
    await post(path).expect(200);
    const log = await auditOf(app, 'provider_document', documentId);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({
      action: 'provider_document.approve',
      before: { id: documentId, status: 'pending' },
      after: { id: documentId, status: 'verified', reviewedBy: admin.userId },
    });
  });

  it('when the audit entry cannot be written, then adding a category answers 500 and no category exists; once it can, the addition is audited', async () => {
    const path = '/api/admin/taxonomy/categories';
    const body = {
      slug: 'bird-net-fitting',
      names: { en: 'Bird net fitting', hi: 'कबूतर जाली' },
      description: 'Balcony nets against pigeons, fitted and checked',
      unit: 'service',
      priceRange: { minPaise: 59_900, maxPaise: 1_99_900 },
    };
    const categoryRows = () =>
      app.runtime.database.db
        .select({ slug: serviceCategories.slug })
        .from(serviceCategories)
        .where(eq(serviceCategories.slug, body.slug));

    await refuseAuditEntries();
    await failsWhole(path, body);
    expect(await categoryRows()).toEqual([]);
    expect(await auditOf(app, 'category', body.slug)).toEqual([]);

    await allowAuditEntries();
    await post(path, body).expect(201);
    expect(await categoryRows()).toEqual([{ slug: body.slug }]);
    const log = await auditOf(app, 'category', body.slug);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({
      action: 'taxonomy.create_category',
      before: null,
      after: { slug: body.slug, isActive: true, subcategories: [] },
    });
  });
});
