import { eq } from 'drizzle-orm';
import { Router } from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../db/schema/users';
import { sendData } from '../../platform/http/envelope';
import { insertTestUser } from '../../test-support/accounts';
import { startTestApp, type TestApp } from '../../test-support/test-app';
import { createAccessTokens, type AccessTokens } from './access-tokens';
import { callerOf, createAuthGuard } from './auth.guard';

let app: TestApp;
let tokens: AccessTokens;

/** Routes guarded the way domain modules guard theirs. */
beforeAll(async () => {
  app = await startTestApp({
    routers: [
      (runtime) => {
        tokens = createAccessTokens(runtime.config);
        const guard = createAuthGuard({ tokens, db: runtime.database.db });
        const router = Router();
        router.get(
          '/api/test/admin-only',
          guard.requireAuth,
          guard.requireRole('admin'),
          (req, res) => sendData(res, { caller: callerOf(req) }),
        );
        router.get(
          '/api/test/providers-and-admins',
          guard.requireAuth,
          guard.requireRole('provider', 'admin'),
          (req, res) => sendData(res, { caller: callerOf(req) }),
        );
        // A route that forgot requireAuth: requireRole still refuses rather than letting it by.
        router.get('/api/test/role-without-auth', guard.requireRole('admin'), (_req, res) =>
          sendData(res, { reached: true }),
        );
        return router;
      },
    ],
  });
});
afterAll(() => app.close());

type Role = 'customer' | 'provider' | 'admin';

const userWithToken = async (role: Role, tokenRole: Role = role) => {
  // No password: these users never sign in with one, and hashing it would only cost time.
  const user = await insertTestUser(app, { role, passwordHash: null });
  const token = await tokens.sign({ userId: user.id, email: user.email, role: tokenRole });
  return { user, token };
};

const get = (path: string, token?: string) => {
  const req = request(app.url).get(path);
  return token ? req.set('Authorization', `Bearer ${token}`) : req;
};

const expectError = (res: request.Response, status: number, code: string) => {
  expect({ status: res.status, body: res.body }).toMatchObject({
    status,
    body: { success: false, error: { code, message: expect.any(String) } },
  });
};

describe('requireRole', () => {
  it('when a customer calls an admin-only route, then 403 AUTHORIZATION_ERROR', async () => {
    const { token } = await userWithToken('customer');
    expectError(await get('/api/test/admin-only', token), 403, 'AUTHORIZATION_ERROR');
  });

  it('when a provider calls an admin-only route, then 403 AUTHORIZATION_ERROR', async () => {
    const { token } = await userWithToken('provider');
    expectError(await get('/api/test/admin-only', token), 403, 'AUTHORIZATION_ERROR');
  });

  it('when an admin calls an admin-only route, then 200 and the handler sees the caller', async () => {
    const { user, token } = await userWithToken('admin');
    const res = await get('/api/test/admin-only', token);
    expect(res.status).toBe(200);
    expect(res.body.data.caller).toEqual({ userId: user.id, email: user.email, role: 'admin' });
  });

  it('when a route allows several roles, then each of them passes and the others get 403', async () => {
    const provider = await userWithToken('provider');
    const admin = await userWithToken('admin');
    const customer = await userWithToken('customer');
    expect((await get('/api/test/providers-and-admins', provider.token)).status).toBe(200);
    expect((await get('/api/test/providers-and-admins', admin.token)).status).toBe(200);
    expectError(
      await get('/api/test/providers-and-admins', customer.token),
      403,
      'AUTHORIZATION_ERROR',
    );
  });

  it('when there is no token, then 401 AUTHENTICATION_ERROR, not 403', async () => {
    expectError(await get('/api/test/admin-only'), 401, 'AUTHENTICATION_ERROR');
    const basic = await request(app.url)
      .get('/api/test/admin-only')
      .set('Authorization', 'Basic YWRtaW46YWRtaW4=');
    expectError(basic, 401, 'AUTHENTICATION_ERROR');
    expectError(await get('/api/test/admin-only', 'not-a-jwt'), 401, 'AUTHENTICATION_ERROR');
  });

  it('when requireRole is used without requireAuth, then 401 and the handler is not reached', async () => {
    const { token } = await userWithToken('admin');
    expectError(await get('/api/test/role-without-auth', token), 401, 'AUTHENTICATION_ERROR');
  });

  it('when an admin is demoted, then their still-unexpired admin token gets 403: the current role counts', async () => {
    const { user, token } = await userWithToken('admin');
    await get('/api/test/admin-only', token).expect(200);
    await app.runtime.database.db
      .update(users)
      .set({ role: 'customer' })
      .where(eq(users.id, user.id));
    expectError(await get('/api/test/admin-only', token), 403, 'AUTHORIZATION_ERROR');
  });

  it('when the token claims admin but the account is a customer, then 403', async () => {
    const { token } = await userWithToken('customer', 'admin');
    expectError(await get('/api/test/admin-only', token), 403, 'AUTHORIZATION_ERROR');
  });
});

describe('requireAuth', () => {
  it('when the account no longer exists, then its token gets 401', async () => {
    const { user, token } = await userWithToken('admin');
    await app.runtime.database.db.delete(users).where(eq(users.id, user.id));
    expectError(await get('/api/test/admin-only', token), 401, 'AUTHENTICATION_ERROR');
  });

  it('when sessions end later in the same second a token was signed, then that token is refused and one signed after is accepted', async () => {
    const user = await insertTestUser(app, { role: 'admin', passwordHash: null });
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    // Start early in a second, so all three instants below share it.
    if (Date.now() % 1000 > 700) await sleep(1000 - (Date.now() % 1000) + 10);
    const subject = { userId: user.id, email: user.email, role: user.role };
    const before = await tokens.sign(subject);
    await sleep(20);
    await app.runtime.database.db
      .update(users)
      .set({ tokensValidAfter: new Date() })
      .where(eq(users.id, user.id));
    await sleep(20);
    const after = await tokens.sign(subject);

    expectError(await get('/api/test/admin-only', before), 401, 'AUTHENTICATION_ERROR');
    expect((await get('/api/test/admin-only', after)).status).toBe(200);
  });
});
