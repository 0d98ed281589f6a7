import { eq } from 'drizzle-orm';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { users } from '../../db/schema/users';
import { insertTestUser, signIn } from '../../test-support/accounts';
import { startTestApp, type TestApp } from '../../test-support/test-app';
import {
  auth,
  seedTestTaxonomy,
  signedInCustomer,
  signedInProvider,
  type SignedIn,
} from '../providers/provider-test-support';
import { connectSocket, disconnection } from '../realtime/realtime-test-support';
import { auditOf, signedInAdmin } from './admin-test-support';

// Each test runs many requests on a shared 2-core machine: the default 30 s is too tight.
vi.setConfig({ testTimeout: 120_000 });

describe('admin API: users', () => {
  let app: TestApp;
  let admin: SignedIn;
  beforeAll(async () => {
    app = await startTestApp({
      // Sockets are dropped by the suspension itself, not by the periodic access re-check.
      env: { AUTH_RATE_LIMIT_MAX: '1000', REALTIME_ACCESS_RECHECK_MS: '600000' },
    });
    await seedTestTaxonomy(app);
    admin = await signedInAdmin(app);
  }, 180_000);
  afterAll(() => app.close());

  const post = (path: string, body: object, who: SignedIn = admin) =>
    request(app.url).post(path).set(auth(who)).send(body);
  const isActive = async (userId: string) => {
    const [row] = await app.runtime.database.db
      .select({ isActive: users.isActive, role: users.role })
      .from(users)
      .where(eq(users.id, userId));
    return row!;
  };
  const searchKoramangala = () =>
    request(app.url)
      .get('/api/search/providers')
      .query({ pincode: '560034', radiusKm: 10, category: 'plumbing' })
      .expect(200);

  it('when an admin suspends a provider, then its socket is closed, its old access token gets 401, its refresh token is refused, search drops it and the audit log has before and after', async () => {
    const provider = await signedInProvider(app);
    const session = await signIn(app, provider.email);
    const listed = (res: request.Response) =>
      (res.body.data.providers as { id: string }[]).map((p) => p.id).includes(provider.providerId);
    // The same query twice: the second answer would come from the cache unless it is invalidated.
    expect(listed(await searchKoramangala())).toBe(true);
    await request(app.url).get('/api/users/profile').set(auth(provider)).expect(200);
    const socket = await connectSocket(app.url, { token: provider.token });
    const dropped = disconnection(socket, 5000);

    const res = await post(`/api/admin/users/${provider.userId}/suspend`, {
      reason: 'Repeated no-shows reported by customers',
    }).expect(200);
    expect(res.body.data).toMatchObject({ id: provider.userId, isActive: false });
    expect(res.body.data.provider).toMatchObject({ id: provider.providerId });
    const found = await request(app.url)
      .get('/api/admin/users')
      .set(auth(admin))
      .query({ q: provider.email, active: 'false' })
      .expect(200);
    expect(found.body.data).toEqual([
      expect.objectContaining({ id: provider.userId, providerId: provider.providerId }),
    ]);

    expect(await dropped).toBe('io server disconnect');
    const refused = await request(app.url).get('/api/users/profile').set(auth(provider));
    expect(refused.status).toBe(401);
    await request(app.url)
      .post('/api/auth/refresh')
      .send({ refreshToken: session.refreshToken })
      .expect(401);
    expect(listed(await searchKoramangala())).toBe(false);

    const [entry] = await auditOf(app, 'user', provider.userId);
    expect(entry).toMatchObject({
      action: 'user.suspend',
      actorId: admin.userId,
      actorEmail: admin.email,
      reason: 'Repeated no-shows reported by customers',
      before: { role: 'provider', isActive: true, isVerified: false },
      after: { role: 'provider', isActive: false, isVerified: false },
    });

    await post(`/api/admin/users/${provider.userId}/reactivate`, {
      reason: 'Appeal accepted',
    }).expect(200);
    expect(listed(await searchKoramangala())).toBe(true);
    // Sessions ended by the suspension stay ended; the user signs in again.
    await request(app.url).get('/api/users/profile').set(auth(provider)).expect(401);
    const again = await signIn(app, provider.email);
    await request(app.url)
      .get('/api/users/profile')
      .set(auth({ token: again.accessToken }))
      .expect(200);
    expect((await auditOf(app, 'user', provider.userId)).map((e) => e.action)).toEqual([
      'user.reactivate',
      'user.suspend',
    ]);
  });

  it('when the reason is missing or the body has unknown fields, then 400 VALIDATION_ERROR and nothing changes', async () => {
    const customer = await signedInCustomer(app);
    for (const body of [{}, { reason: ' ' }, { reason: 'Spam account', isActive: false }]) {
      const res = await post(`/api/admin/users/${customer.userId}/suspend`, body).expect(400);
      expect(res.body.error.code).toBe('VALIDATION_ERROR');
    }
    expect((await isActive(customer.userId)).isActive).toBe(true);
    expect(await auditOf(app, 'user', customer.userId)).toEqual([]);
    await request(app.url).get('/api/users/profile').set(auth(customer)).expect(200);
  });

  it('when an admin would lock the platform out, then suspending or demoting oneself or the last admin is refused', async () => {
    await post(`/api/admin/users/${admin.userId}/suspend`, { reason: 'Testing myself' }).expect(
      409,
    );
    const put = (id: string, body: object, who = admin) =>
      request(app.url).put(`/api/admin/users/${id}/role`).set(auth(who)).send(body);
    await put(admin.userId, { role: 'customer', reason: 'Stepping down' }).expect(409);

    // A second admin demotes the first; the first may then not demote the last one.
    const second = await insertTestUser(app, { role: 'admin' });
    const secondSession = await signIn(app, second.email);
    await put(
      admin.userId,
      { role: 'customer', reason: 'Handing over' },
      {
        userId: second.id,
        email: second.email,
        token: secondSession.accessToken,
      },
    ).expect(200);
    await request(app.url).get('/api/admin/users').set(auth(admin)).expect(403);
    await put(
      admin.userId,
      { role: 'admin', reason: 'Back on duty' },
      {
        userId: second.id,
        email: second.email,
        token: secondSession.accessToken,
      },
    ).expect(200);
    await request(app.url).get('/api/admin/users').set(auth(admin)).expect(200);
  });

  it('when a role change breaks the rules, then it is refused with 409 and audited only when made', async () => {
    const customer = await signedInCustomer(app);
    const provider = await signedInProvider(app);
    const put = (id: string, role: string) =>
      request(app.url)
        .put(`/api/admin/users/${id}/role`)
        .set(auth(admin))
        .send({ role, reason: 'Role review' });
    await put(customer.userId, 'provider').expect(409);
    await put(provider.userId, 'customer').expect(409);
    await put(customer.userId, 'customer').expect(409);
    expect(await auditOf(app, 'user', customer.userId)).toEqual([]);
    const made = await put(customer.userId, 'admin').expect(200);
    expect(made.body.data.role).toBe('admin');
    const [entry] = await auditOf(app, 'user', customer.userId);
    expect(entry).toMatchObject({
      action: 'user.change_role',
      before: { role: 'customer' },
      after: { role: 'admin' },
    });
    await put(customer.userId, 'customer').expect(200);
  });

  it('when admins search users, then filters, sorting and the ERD meta apply', async () => {
    const marker = `zq${Date.now().toString(36)}`;
    for (const [first, role] of [
      ['Asha', 'customer'],
      ['Bela', 'customer'],
      ['Chitra', 'admin'],
    ] as const)
      await insertTestUser(app, { firstName: first, lastName: marker, role });
    const list = (query: Record<string, string | number>) =>
      request(app.url).get('/api/admin/users').set(auth(admin)).query(query).expect(200);
    const byName = await list({ q: marker, sort: 'name', order: 'asc', limit: 2 });
    expect(byName.body.meta).toEqual({ page: 1, limit: 2, total: 3, hasNext: true });
    expect((byName.body.data as { firstName: string }[]).map((u) => u.firstName)).toEqual([
      'Asha',
      'Bela',
    ]);
    expect(byName.body.data[0]).not.toHaveProperty('passwordHash');
    const admins = await list({ q: marker, role: 'admin' });
    expect((admins.body.data as { firstName: string }[]).map((u) => u.firstName)).toEqual([
      'Chitra',
    ]);
    const future = await list({ q: marker, createdFrom: '2099-01-01' });
    expect(future.body.meta.total).toBe(0);
    const reversed = await request(app.url)
      .get('/api/admin/users')
      .set(auth(admin))
      .query({ createdFrom: '2026-02-01', createdTo: '2026-01-01' })
      .expect(400);
    expect(JSON.stringify(reversed.body.error.details)).toContain('createdFrom');
    const unknownRole = await request(app.url)
      .get('/api/admin/users')
      .set(auth(admin))
      .query({ role: 'boss' })
      .expect(400);
    expect(JSON.stringify(unknownRole.body.error.details)).toContain('role');
  });
});
