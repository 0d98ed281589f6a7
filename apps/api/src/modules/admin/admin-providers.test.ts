import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestApp, type TestApp } from '../../test-support/test-app';
import {
  auth,
  seedTestTaxonomy,
  signedInProvider,
  type SignedIn,
} from '../providers/provider-test-support';
import { auditOf, signedInAdmin } from './admin-test-support';

const pdf = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

type Provider = SignedIn & { providerId: string };

// Each test runs many requests on a shared 2-core machine: the default 30 s is too tight.
vi.setConfig({ testTimeout: 120_000 });

describe('admin API: provider verification', () => {
  let app: TestApp;
  let admin: SignedIn;
  beforeAll(async () => {
    app = await startTestApp({ env: { AUTH_RATE_LIMIT_MAX: '1000' } });
    await seedTestTaxonomy(app);
    admin = await signedInAdmin(app);
  }, 180_000);
  afterAll(() => app.close());

  const upload = async (provider: Provider, type = 'license') => {
    const res = await request(app.url)
      .post('/api/providers/documents')
      .set(auth(provider))
      .field('type', type)
      .attach('file', pdf, { filename: 'licence.pdf', contentType: 'application/pdf' })
      .expect(201);
    return res.body.data as { id: string; fileUrl: string };
  };
  const post = (path: string, body: object = {}) =>
    request(app.url).post(path).set(auth(admin)).send(body);
  const verifiedOnlySearch = async () =>
    (
      (
        await request(app.url)
          .get('/api/search/providers')
          .query({ pincode: '560034', category: 'plumbing', verifiedOnly: 'true' })
          .expect(200)
      ).body.data.providers as { id: string }[]
    ).map((p) => p.id);

  it('when a provider uploads documents, then the queue lists it and the admin can download them', async () => {
    const provider = await signedInProvider(app);
    const document = await upload(provider);
    await upload(provider, 'insurance');
    const queue = await request(app.url)
      .get('/api/admin/providers/verification-queue')
      .set(auth(admin))
      .query({ limit: 100 })
      .expect(200);
    const item = (queue.body.data as { providerId: string; pendingDocuments: number }[]).find(
      (row) => row.providerId === provider.providerId,
    );
    expect(item).toMatchObject({ pendingDocuments: 2, email: provider.email });
    expect(queue.body.meta).toMatchObject({ page: 1, limit: 100 });

    const detail = await request(app.url)
      .get(`/api/admin/providers/${provider.providerId}`)
      .set(auth(admin))
      .expect(200);
    expect(detail.body.data.documents).toHaveLength(2);
    const file = await request(app.url).get(document.fileUrl).set(auth(admin)).expect(200);
    expect(file.headers['content-type']).toContain('application/pdf');
  });

  it('when an admin rejects then approves a document and verifies the provider, then the provider is notified, search shows the badge and each step is audited', async () => {
    const provider = await signedInProvider(app);
    const document = await upload(provider);
    expect(await verifiedOnlySearch()).not.toContain(provider.providerId);

    // Verifying before any document is approved is refused.
    await post(`/api/admin/providers/${provider.providerId}/verify`, {
      reason: 'Looks fine',
    }).expect(409);

    const rejected = await post(`/api/admin/provider-documents/${document.id}/reject`, {
      reason: 'The licence number is not readable',
    }).expect(200);
    expect(rejected.body.data).toMatchObject({
      status: 'rejected',
      rejectionReason: 'The licence number is not readable',
      reviewedBy: admin.userId,
    });
    const own = await request(app.url).get('/api/providers/documents').set(auth(provider));
    expect(own.body.data[0]).toMatchObject({ status: 'rejected' });

    await post(`/api/admin/provider-documents/${document.id}/approve`).expect(200);
    await post(`/api/admin/provider-documents/${document.id}/approve`).expect(409);

    const verified = await post(`/api/admin/providers/${provider.providerId}/verify`, {
      reason: 'Licence checked against the municipal register',
    }).expect(200);
    expect(verified.body.data).toMatchObject({ id: provider.providerId, isVerified: true });
    expect(await verifiedOnlySearch()).toContain(provider.providerId);

    const profile = await request(app.url).get('/api/providers/profile').set(auth(provider));
    expect(profile.body.data.isVerified).toBe(true);

    await post(`/api/admin/providers/${provider.providerId}/unverify`, {
      reason: 'Licence expired',
    }).expect(200);
    expect(await verifiedOnlySearch()).not.toContain(provider.providerId);

    const documentLog = await auditOf(app, 'provider_document', document.id);
    expect(documentLog.map((e) => e.action)).toEqual([
      'provider_document.approve',
      'provider_document.reject',
    ]);
    expect(documentLog[0]).toMatchObject({
      before: { status: 'rejected' },
      after: { status: 'verified', rejectionReason: null },
    });
    const providerLog = await auditOf(app, 'provider', provider.providerId);
    expect(providerLog.map((e) => [e.action, e.before, e.after])).toEqual([
      [
        'provider.unverify',
        expect.objectContaining({ isVerified: true }),
        expect.objectContaining({ isVerified: false }),
      ],
      [
        'provider.verify',
        expect.objectContaining({ isVerified: false }),
        expect.objectContaining({ isVerified: true }),
      ],
    ]);

    const notifications = await request(app.url)
      .get('/api/notifications')
      .set(auth(provider))
      .expect(200);
    const types = (notifications.body.data as { type: string }[]).map((n) => n.type);
    expect(types).toEqual(expect.arrayContaining(['document_verified', 'document_rejected']));
  });

  it('when a rejection has no reason or the ids are unknown, then 400 or 404 and nothing changes', async () => {
    const provider = await signedInProvider(app);
    const document = await upload(provider);
    const res = await post(`/api/admin/provider-documents/${document.id}/reject`, {}).expect(400);
    expect(res.body.error.code).toBe('VALIDATION_ERROR');
    await post(`/api/admin/provider-documents/${document.id}/approve`, {
      reason: 'ok',
      status: 'verified',
    }).expect(400);
    await post('/api/admin/provider-documents/00000000-0000-4000-8000-000000000000/approve').expect(
      404,
    );
    await post('/api/admin/providers/not-a-uuid/verify', { reason: 'Checked' }).expect(404);
    const own = await request(app.url).get('/api/providers/documents').set(auth(provider));
    expect(own.body.data[0]).toMatchObject({ status: 'pending' });
    expect(await auditOf(app, 'provider_document', document.id)).toEqual([]);
  });
});
