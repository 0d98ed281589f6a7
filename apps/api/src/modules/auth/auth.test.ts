import { eventually } from '../../test-support/http';
import { and, eq, sql } from 'drizzle-orm';
import { decodeJwt, decodeProtectedHeader, generateKeyPair, SignJWT, type JWTPayload } from 'jose';
import { randomUUID } from 'node:crypto';
import request, { type Response } from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oneTimeTokens, refreshTokens } from '../../db/schema/sessions';
import { users } from '../../db/schema/users';
import {
  insertTestUser,
  mailsTo,
  readOutbox,
  registration,
  resetTokenFor,
  signIn,
  TEST_PASSWORD,
  uniqueEmail,
  verificationTokenFor,
  PROFILE_KEYS,
} from '../../test-support/accounts';
import { startTestApp, type TestApp } from '../../test-support/test-app';
import { APP_HEADER } from '@localkart/contracts/auth';
import { createAccessTokens, TOKEN_AUDIENCE } from './access-tokens';

let app: TestApp;

beforeAll(async () => {
  // The limits are tested on an app of their own below; here they must never trip.
  app = await startTestApp({
    env: { AUTH_RATE_LIMIT_MAX: '100000', LOGIN_ACCOUNT_RATE_LIMIT_MAX: '100000' },
  });
});
afterAll(() => app.close());

const api = () => request(app.url);
const db = () => app.runtime.database.db;

const expectError = (res: Response, status: number, code: string) => {
  expect({ status: res.status, body: res.body }).toMatchObject({
    status,
    body: { success: false, error: { code, message: expect.any(String) } },
  });
};

const setCookies = (res: Response): string[] => {
  const header = res.headers['set-cookie'] as string[] | string | undefined;
  return header === undefined ? [] : Array.isArray(header) ? header : [header];
};
const refreshCookieOf = (res: Response) => setCookies(res).find((c) => c.startsWith('lk_refresh='));
const asCookie = (refreshToken: string) => `lk_refresh=${refreshToken}`;

const bearer = (accessToken: string) => ({ Authorization: `Bearer ${accessToken}` });
const getProfile = (accessToken: string) =>
  api().get('/api/users/profile').set(bearer(accessToken));
const refreshWithBody = (refreshToken: string) =>
  api().post('/api/auth/refresh').send({ refreshToken });
const refreshWithCookie = (refreshToken: string) =>
  api().post('/api/auth/refresh').set('Cookie', asCookie(refreshToken));

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

describe('register', () => {
  it('when a customer registers, then 201 with the profile (e-mail normalised, no secrets) and a verification e-mail', async () => {
    const email = uniqueEmail('kavya');
    const res = await api()
      .post('/api/auth/register')
      .send(registration({ email: `  ${email.toUpperCase()} `, phone: '098765 43210' }));

    expect(res.status).toBe(201);
    expect(Object.keys(res.body.data).sort()).toEqual(PROFILE_KEYS);
    expect(res.body.data).toMatchObject({
      email,
      role: 'customer',
      firstName: 'Priya',
      lastName: 'Sharma',
      phone: '+919876543210',
      language: 'en',
      isVerified: false,
    });
    expect(JSON.stringify(res.body)).not.toMatch(/password|hash|cipher/i);

    const [row] = await db()
      .select({ passwordHash: users.passwordHash })
      .from(users)
      .where(eq(users.email, email));
    expect(row?.passwordHash).toMatch(/^\$scrypt\$ln=17,r=8,p=1\$/);
    expect(row?.passwordHash).not.toContain(TEST_PASSWORD);

    const mails = await mailsTo(app, email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe('LocalKart: confirm your e-mail address');
    expect(mails[0]!.text).toMatch(/http:\/\/localhost:3000\/verify-email\/[\w-]{43}\b/);
  });

  it('when a provider registers in Hindi, then the account is a provider and the e-mail is in Hindi', async () => {
    const email = uniqueEmail('ramesh');
    const res = await api()
      .post('/api/auth/register')
      .send(registration({ email, role: 'provider', language: 'hi', firstName: 'रमेश' }));

    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({ role: 'provider', language: 'hi', firstName: 'रमेश' });
    const [mail] = await mailsTo(app, email);
    expect(mail?.subject).toBe('LocalKart: अपना ई-मेल पता पक्का करें');
    expect(mail?.text).toContain('नमस्ते रमेश');
  });

  it('when the e-mail is already registered (in any letter case), then 409 CONFLICT', async () => {
    const existing = await insertTestUser(app);
    const res = await api()
      .post('/api/auth/register')
      .send(registration({ email: existing.email.toUpperCase() }));
    expectError(res, 409, 'CONFLICT');
    expect(await mailsTo(app, existing.email)).toHaveLength(0);
  });

  it('when fields are invalid, then 400 VALIDATION_ERROR naming each field and its rule', async () => {
    const res = await api()
      .post('/api/auth/register')
      .send({
        email: 'not-an-email',
        password: 'password',
        firstName: 'A',
        lastName: 'x'.repeat(51),
        phone: '12345 67890',
      });

    expectError(res, 400, 'VALIDATION_ERROR');
    expect(res.body.error.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'email', message: 'must be a valid e-mail address' }),
        expect.objectContaining({
          path: 'password',
          message: 'must contain an upper-case letter',
        }),
        expect.objectContaining({ path: 'password', message: 'must contain a digit' }),
        expect.objectContaining({ path: 'firstName', message: 'must be at least 2 characters' }),
        expect.objectContaining({ path: 'lastName', message: 'must be at most 50 characters' }),
        expect.objectContaining({
          path: 'phone',
          message: 'must be an Indian mobile number, e.g. +91 98765 43210',
        }),
      ]),
    );
    const short = await api()
      .post('/api/auth/register')
      .send(registration({ password: 'Ab1' }));
    expect(short.body.error.details).toEqual([
      expect.objectContaining({ path: 'password', message: 'must be at least 8 characters' }),
    ]);
  });

  it('when someone registers as admin or presets isVerified, then 400 and no account', async () => {
    const email = uniqueEmail('sneaky');
    const asAdmin = await api()
      .post('/api/auth/register')
      .send(registration({ email, role: 'admin' }));
    expectError(asAdmin, 400, 'VALIDATION_ERROR');
    expect(asAdmin.body.error.details).toEqual([expect.objectContaining({ path: 'role' })]);

    const preVerified = await api()
      .post('/api/auth/register')
      .send(registration({ email, isVerified: true }));
    expectError(preVerified, 400, 'VALIDATION_ERROR');
    expect(preVerified.body.error.details).toEqual([
      expect.objectContaining({ path: 'isVerified', code: 'unrecognized_keys' }),
    ]);

    expect(await db().select().from(users).where(eq(users.email, email))).toHaveLength(0);
  });
});

describe('e-mail verification', () => {
  const isVerified = async (email: string) => {
    const [row] = await db()
      .select({ isVerified: users.isVerified })
      .from(users)
      .where(eq(users.email, email));
    return row?.isVerified;
  };

  it('when the link from the verification e-mail is opened, then the e-mail is verified, and the link works only once', async () => {
    const email = uniqueEmail('verify');
    await api().post('/api/auth/register').send(registration({ email })).expect(201);
    const token = await verificationTokenFor(app, email);

    const first = await api().get(`/api/auth/verify-email/${token}`);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ success: true, data: { message: 'E-mail address confirmed' } });
    expect(await isVerified(email)).toBe(true);

    const again = await api().get(`/api/auth/verify-email/${token}`);
    expectError(again, 400, 'VALIDATION_ERROR');
  });

  it('when the verification link has expired, then 400 and the e-mail stays unverified; a resent link works', async () => {
    const user = await insertTestUser(app);
    // A token from the app's own signer: this test is about links, not sign-in.
    const { sign } = createAccessTokens(app.runtime.config);
    const accessToken = await sign({ userId: user.id, email: user.email, role: user.role });
    await api().post('/api/auth/resend-verification').set(bearer(accessToken)).expect(200);
    const expiring = await verificationTokenFor(app, user.email);

    const [stored] = await db()
      .select({ createdAt: oneTimeTokens.createdAt, expiresAt: oneTimeTokens.expiresAt })
      .from(oneTimeTokens)
      .where(eq(oneTimeTokens.userId, user.id));
    const validHours = (stored!.expiresAt.getTime() - stored!.createdAt.getTime()) / 3_600_000;
    expect(validHours).toBeCloseTo(48, 2);

    await db()
      .update(oneTimeTokens)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(oneTimeTokens.userId, user.id));
    expectError(await api().get(`/api/auth/verify-email/${expiring}`), 400, 'VALIDATION_ERROR');
    expect(await isVerified(user.email)).toBe(false);

    await api().post('/api/auth/resend-verification').set(bearer(accessToken)).expect(200);
    const fresh = await verificationTokenFor(app, user.email);
    expect(fresh).not.toBe(expiring);
    await api().get(`/api/auth/verify-email/${fresh}`).expect(200);
    expect(await isVerified(user.email)).toBe(true);
  });

  it('when the token is made up, then 400', async () => {
    const res = await api().get(`/api/auth/verify-email/${'x'.repeat(43)}`);
    expectError(res, 400, 'VALIDATION_ERROR');
  });
});

describe('login', () => {
  it('when the password is right, then a ≤ 15-minute HS256 access token and a refresh token in the body and in an httpOnly, Secure, SameSite cookie', async () => {
    const user = await insertTestUser(app);
    const res = await api()
      .post('/api/auth/login')
      .send({ email: `  ${user.email.toUpperCase()}`, password: TEST_PASSWORD });

    expect(res.status).toBe(200);
    const session = res.body.data;
    expect(session).toMatchObject({
      tokenType: 'Bearer',
      accessToken: expect.any(String),
      refreshToken: expect.any(String),
      expiresIn: expect.any(Number),
      user: { id: user.id, email: user.email, role: 'customer' },
    });
    expect(session.expiresIn).toBeLessThanOrEqual(900);
    expect(JSON.stringify(res.body)).not.toMatch(/passwordHash|\$scrypt/);

    expect(decodeProtectedHeader(session.accessToken)).toEqual({ alg: 'HS256', typ: 'at+jwt' });
    const claims = decodeJwt(session.accessToken);
    expect(claims).toMatchObject({
      userId: user.id,
      email: user.email,
      role: 'customer',
      sub: user.id,
      iss: app.runtime.config.APP_URL,
      aud: TOKEN_AUDIENCE,
      iat: expect.any(Number),
      exp: expect.any(Number),
    });
    expect(claims.exp! - claims.iat!).toBeGreaterThan(0);
    expect(claims.exp! - claims.iat!).toBeLessThanOrEqual(15 * 60);

    const cookie = refreshCookieOf(res);
    expect(cookie).toBeDefined();
    expect(cookie).toContain(`lk_refresh=${session.refreshToken};`);
    expect(cookie).toMatch(/; HttpOnly/i);
    expect(cookie).toMatch(/; Secure/i);
    expect(cookie).toMatch(/; SameSite=Strict/i);
    expect(cookie).toMatch(/; Path=\/api\/auth/i);
    expect(cookie).toMatch(/; Expires=/i);

    const profile = await getProfile(session.accessToken);
    expect(profile.status).toBe(200);
    expect(profile.body.data.id).toBe(user.id);
  });

  it('when the e-mail is unknown or the password wrong, then the same 401, no cookie, and about the same time (a password hash each)', async () => {
    const user = await insertTestUser(app);
    const attempt = async (email: string) => {
      const start = performance.now();
      const res = await api().post('/api/auth/login').send({ email, password: 'Wr0ng-password' });
      return { res, ms: performance.now() - start };
    };
    const wrongPassword: Awaited<ReturnType<typeof attempt>>[] = [];
    const unknownEmail: Awaited<ReturnType<typeof attempt>>[] = [];
    // Interleaved, so noise from other test files hits both sides alike.
    for (let round = 0; round < 4; round += 1) {
      wrongPassword.push(await attempt(user.email));
      unknownEmail.push(await attempt(uniqueEmail('nobody')));
    }

    for (const { res } of [...wrongPassword, ...unknownEmail]) {
      expect(res.status).toBe(401);
      expect(res.body).toEqual({
        success: false,
        error: { code: 'AUTHENTICATION_ERROR', message: 'Wrong e-mail or password' },
      });
      expect(refreshCookieOf(res)).toBeUndefined();
    }
    const unknownMedian = median(unknownEmail.map((a) => a.ms));
    const wrongMedian = median(wrongPassword.map((a) => a.ms));
    expect(
      unknownMedian,
      `unknown e-mail ${unknownMedian.toFixed(0)} ms vs wrong password ${wrongMedian.toFixed(0)} ms`,
    ).toBeGreaterThanOrEqual(0.5 * wrongMedian);
  });
});

describe('refresh', () => {
  it('when the web app and the admin panel sign in in one browser, then each keeps its own refresh cookie and session', async () => {
    const customer = await insertTestUser(app);
    const admin = await insertTestUser(app, { role: 'admin' });
    const asAdminPanel = { [APP_HEADER]: 'admin' };
    const webLogin = await api()
      .post('/api/auth/login')
      .send({ email: customer.email, password: TEST_PASSWORD });
    const adminLogin = await api()
      .post('/api/auth/login')
      .set(asAdminPanel)
      .send({ email: admin.email, password: TEST_PASSWORD });
    const webCookie = refreshCookieOf(webLogin)!.split(';')[0]!;
    const adminCookie = setCookies(adminLogin)
      .find((c) => c.startsWith('lk_refresh_admin='))!
      .split(';')[0]!;
    expect(refreshCookieOf(adminLogin)).toBeUndefined();
    const browser = `${webCookie}; ${adminCookie}`;

    const web = await api().post('/api/auth/refresh').set('Cookie', browser);
    const panel = await api().post('/api/auth/refresh').set(asAdminPanel).set('Cookie', browser);
    expect([web.body.data.user.id, panel.body.data.user.id]).toEqual([customer.id, admin.id]);

    // Signing out of the panel ends the panel's session only.
    const out = await api()
      .post('/api/auth/logout')
      .set(asAdminPanel)
      .set('Cookie', `${webCookie}; lk_refresh_admin=${panel.body.data.refreshToken}`);
    expect(setCookies(out).join()).toMatch(/lk_refresh_admin=;/);
    expect(refreshCookieOf(out)).toBeUndefined();
    expect((await refreshWithBody(web.body.data.refreshToken)).status).toBe(200);
    expect((await refreshWithBody(panel.body.data.refreshToken)).status).toBe(401);
  });

  it('when a refresh token is sent in the body or in the cookie, then each use rotates it: a new pair, a new cookie', async () => {
    const user = await insertTestUser(app);
    const first = await signIn(app, user.email);

    const viaBody = await refreshWithBody(first.refreshToken);
    expect(viaBody.status).toBe(200);
    const second = viaBody.body.data;
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(second.user.id).toBe(user.id);
    expect(refreshCookieOf(viaBody)).toContain(`lk_refresh=${second.refreshToken};`);
    expect((await getProfile(second.accessToken)).status).toBe(200);

    const viaCookie = await refreshWithCookie(second.refreshToken);
    expect(viaCookie.status).toBe(200);
    const third = viaCookie.body.data;
    expect(third.refreshToken).not.toBe(second.refreshToken);
    expect(refreshCookieOf(viaCookie)).toContain(`lk_refresh=${third.refreshToken};`);
    expect((await getProfile(third.accessToken)).status).toBe(200);

    // All three share one family and its absolute expiry.
    const rows = await db()
      .select({ familyId: refreshTokens.familyId, expiresAt: refreshTokens.expiresAt })
      .from(refreshTokens)
      .where(eq(refreshTokens.userId, user.id));
    expect(rows).toHaveLength(3);
    expect(new Set(rows.map((r) => r.familyId)).size).toBe(1);
    expect(new Set(rows.map((r) => r.expiresAt.getTime())).size).toBe(1);
  });

  it('when a spent refresh token is presented again, then 401 and its whole family is revoked, the successor too; other sign-ins live on', async () => {
    const user = await insertTestUser(app);
    const stolen = await signIn(app, user.email);
    const otherDevice = await signIn(app, user.email);
    const rotated = (await refreshWithBody(stolen.refreshToken).expect(200)).body.data;

    const replay = await refreshWithBody(stolen.refreshToken);
    expectError(replay, 401, 'AUTHENTICATION_ERROR');
    expect(refreshCookieOf(replay)).toMatch(/^lk_refresh=;.*Expires=Thu, 01 Jan 1970/);

    expectError(await refreshWithBody(rotated.refreshToken), 401, 'AUTHENTICATION_ERROR');
    expectError(await refreshWithCookie(rotated.refreshToken), 401, 'AUTHENTICATION_ERROR');

    await refreshWithBody(otherDevice.refreshToken).expect(200);
  });

  it('when an access token is presented as a refresh token, or a refresh token as an access token, then both are refused', async () => {
    const user = await insertTestUser(app);
    const session = await signIn(app, user.email);

    expectError(await refreshWithCookie(session.accessToken), 401, 'AUTHENTICATION_ERROR');
    // In the body it cannot even pass for one: access tokens are longer than refresh tokens.
    const inBody = await refreshWithBody(session.accessToken);
    expect(inBody.status).toBe(400);
    expect(inBody.body.data).toBeUndefined();

    expectError(await getProfile(session.refreshToken), 401, 'AUTHENTICATION_ERROR');

    // Neither attempt spent or revoked anything.
    await refreshWithBody(session.refreshToken).expect(200);
  });

  it('when there is no refresh token at all, or an unknown one, then 401', async () => {
    expectError(await api().post('/api/auth/refresh'), 401, 'AUTHENTICATION_ERROR');
    expectError(
      await refreshWithBody('a-refresh-token-that-was-never-issued'),
      401,
      'AUTHENTICATION_ERROR',
    );
  });
});

describe('logout', () => {
  it('when signing out, then the refresh token is revoked and the cookie cleared', async () => {
    const user = await insertTestUser(app);
    const session = await signIn(app, user.email);

    const res = await api().post('/api/auth/logout').set('Cookie', asCookie(session.refreshToken));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ success: true, data: { message: 'Signed out' } });
    expect(refreshCookieOf(res)).toMatch(
      /^lk_refresh=;.*Path=\/api\/auth.*Expires=Thu, 01 Jan 1970/,
    );

    expectError(await refreshWithBody(session.refreshToken), 401, 'AUTHENTICATION_ERROR');
    const [row] = await db()
      .select({ revokedAt: refreshTokens.revokedAt })
      .from(refreshTokens)
      .where(eq(refreshTokens.userId, user.id));
    expect(row?.revokedAt).toBeInstanceOf(Date);
  });
});

describe('access tokens', () => {
  const secret = () => new TextEncoder().encode(app.runtime.config.JWT_SECRET);
  let user: Awaited<ReturnType<typeof insertTestUser>>;

  beforeAll(async () => {
    user = await insertTestUser(app);
  });

  /** A token with the claims the app issues, which tests then spoil one way at a time. */
  const claimsOf = (overrides: JWTPayload = {}): JWTPayload => {
    const now = Date.now() / 1000;
    return {
      userId: user.id,
      email: user.email,
      role: user.role,
      sub: user.id,
      iss: app.runtime.config.APP_URL,
      aud: TOKEN_AUDIENCE,
      jti: randomUUID(),
      iat: now,
      exp: Math.floor(now) + 600,
      ...overrides,
    };
  };
  const signed = (
    claims: JWTPayload,
    header: { alg: string; typ?: string } = { alg: 'HS256', typ: 'at+jwt' },
    key: Parameters<SignJWT['sign']>[0] = secret(),
  ) => new SignJWT(claims).setProtectedHeader(header).sign(key);
  const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

  it('when a token carries exactly the claims the app issues, then it is accepted (the control for the cases below)', async () => {
    expect((await getProfile(await signed(claimsOf()))).status).toBe(200);
  });

  it.each([
    [
      'unsigned (alg none)',
      () =>
        Promise.resolve(`${base64url({ alg: 'none', typ: 'at+jwt' })}.${base64url(claimsOf())}.`),
    ],
    [
      'signed with HS512 and the right secret',
      () => signed(claimsOf(), { alg: 'HS512', typ: 'at+jwt' }),
    ],
    [
      'signed with another secret',
      () =>
        signed(
          claimsOf(),
          undefined,
          new TextEncoder().encode('another-secret-of-at-least-32-characters!'),
        ),
    ],
    [
      'signed with RS256',
      async () => {
        const { privateKey } = await generateKeyPair('RS256');
        return signed(claimsOf(), { alg: 'RS256', typ: 'at+jwt' }, privateKey);
      },
    ],
    ['from another issuer', () => signed(claimsOf({ iss: 'https://evil.example' }))],
    ['for another audience', () => signed(claimsOf({ aud: 'localkart-admin' }))],
    ['not typed as an access token', () => signed(claimsOf(), { alg: 'HS256', typ: 'JWT' })],
    ['without an expiry', () => signed(claimsOf({ exp: undefined }))],
    ['for a role that does not exist', () => signed(claimsOf({ role: 'superuser' }))],
    [
      'tampered after signing',
      async () => {
        const [head, , signature] = (await signed(claimsOf())).split('.');
        return `${head}.${base64url(claimsOf({ role: 'admin' }))}.${signature}`;
      },
    ],
  ])('when the token is %s, then 401 AUTHENTICATION_ERROR', async (_label, make) => {
    expectError(await getProfile(await make()), 401, 'AUTHENTICATION_ERROR');
  });

  it('when the token has expired, then 401 AUTHENTICATION_ERROR saying the session expired', async () => {
    const now = Math.floor(Date.now() / 1000);
    const token = await signed(claimsOf({ iat: now - 20 * 60, exp: now - 5 * 60 }));
    const res = await getProfile(token);
    expectError(res, 401, 'AUTHENTICATION_ERROR');
    expect(res.body.error.message).toBe('Your session has expired');
  });

  it('when a user is deactivated, then their access token stops working at the next request, and refresh and login are refused', async () => {
    const target = await insertTestUser(app);
    const session = await signIn(app, target.email);
    await getProfile(session.accessToken).expect(200);

    await db().update(users).set({ isActive: false }).where(eq(users.id, target.id));

    expectError(await getProfile(session.accessToken), 401, 'AUTHENTICATION_ERROR');
    expectError(await refreshWithBody(session.refreshToken), 401, 'AUTHENTICATION_ERROR');
    const login = await api()
      .post('/api/auth/login')
      .send({ email: target.email, password: TEST_PASSWORD });
    expect(login.status).toBe(401);
    expect(login.body.error.message).toBe('Wrong e-mail or password');
  });
});

describe('password reset', () => {
  const NEW_PASSWORD = 'Naya$Ghar2027';
  const forgot = (email: string) => api().post('/api/auth/forgot-password').send({ email });
  const reset = (token: string, password = NEW_PASSWORD) =>
    api().post('/api/auth/reset-password').send({ token, password });

  it('when the password is reset, then the link works once, every session ends, and only the new password signs in', async () => {
    const user = await insertTestUser(app);
    const before = await signIn(app, user.email);

    await forgot(user.email).expect(200);
    const token = await resetTokenFor(app, user.email);
    const [mail] = await mailsTo(app, user.email);
    expect(mail?.subject).toBe('LocalKart: reset your password');

    const res = await reset(token);
    expect(res.status).toBe(200);
    expect(res.body.data.message).toMatch(/Password changed/);

    expectError(await getProfile(before.accessToken), 401, 'AUTHENTICATION_ERROR');
    expectError(await refreshWithBody(before.refreshToken), 401, 'AUTHENTICATION_ERROR');
    expectError(await reset(token, 'Th1rd-password'), 400, 'VALIDATION_ERROR');

    const oldPassword = await api()
      .post('/api/auth/login')
      .send({ email: user.email, password: TEST_PASSWORD });
    expectError(oldPassword, 401, 'AUTHENTICATION_ERROR');
    // Signed in right after the reset: the new token must not be caught by the session end.
    const after = await signIn(app, user.email, NEW_PASSWORD);
    await getProfile(after.accessToken).expect(200);
  });

  it('when the reset link is older than 30 minutes, then it is refused and the password stays', async () => {
    const user = await insertTestUser(app);
    await forgot(user.email).expect(200);
    const token = await resetTokenFor(app, user.email);

    const purpose = eq(oneTimeTokens.purpose, 'reset_password');
    const [stored] = await db()
      .select({ createdAt: oneTimeTokens.createdAt, expiresAt: oneTimeTokens.expiresAt })
      .from(oneTimeTokens)
      .where(and(eq(oneTimeTokens.userId, user.id), purpose));
    const validMinutes = (stored!.expiresAt.getTime() - stored!.createdAt.getTime()) / 60_000;
    expect(validMinutes).toBeCloseTo(30, 1);

    await db()
      .update(oneTimeTokens)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(and(eq(oneTimeTokens.userId, user.id), purpose));
    const res = await reset(token);
    expectError(res, 400, 'VALIDATION_ERROR');
    expect(res.body.error.message).toMatch(/invalid, used or expired/);

    const [row] = await db()
      .select({ passwordHash: users.passwordHash })
      .from(users)
      .where(eq(users.id, user.id));
    expect(row?.passwordHash).toBe(user.passwordHash);
  });

  it('when a new reset link is asked for, then the older one stops working', async () => {
    const user = await insertTestUser(app);
    await forgot(user.email).expect(200);
    const older = await resetTokenFor(app, user.email);
    await forgot(user.email).expect(200);
    await resetTokenFor(app, user.email, { otherThan: older });
    expectError(await reset(older), 400, 'VALIDATION_ERROR');
  });

  it('when forgot-password is asked for an unknown e-mail, then the same 200 answer and no e-mail is sent', async () => {
    const known = await insertTestUser(app);
    const unknown = uniqueEmail('nobody');
    const outboxBefore = (await readOutbox(app)).length;

    const forKnown = await forgot(known.email);
    const forUnknown = await forgot(unknown);

    expect(forUnknown.status).toBe(200);
    expect(forUnknown.body).toEqual(forKnown.body);
    expect(forUnknown.body).toEqual({
      success: true,
      data: { message: 'If an account exists for this e-mail, a reset link is on its way' },
    });
    await eventually(async () => expect(await readOutbox(app)).toHaveLength(outboxBefore + 1));
    expect(await mailsTo(app, unknown)).toHaveLength(0);
  });
});

describe('login rate limits', () => {
  let limited: TestApp;
  const ACCOUNT_LIMIT = 2;
  const IP_LIMIT = 4;

  beforeAll(async () => {
    limited = await startTestApp({
      env: {
        AUTH_RATE_LIMIT_MAX: String(IP_LIMIT),
        LOGIN_ACCOUNT_RATE_LIMIT_MAX: String(ACCOUNT_LIMIT),
        AUTH_RATE_LIMIT_WINDOW_MS: '60000',
        // Behind one proxy: the client address is the last X-Forwarded-For entry, so each test
        // below can play a client of its own.
        TRUST_PROXY: '1',
      },
    });
  });
  afterAll(() => limited.close());

  const login = (clientIp: string, email: string, password = 'Wr0ng-password') =>
    request(limited.url)
      .post('/api/auth/login')
      .set('X-Forwarded-For', clientIp)
      .send({ email, password });

  const expectLimited = (res: Response) => {
    expectError(res, 429, 'RATE_LIMIT_EXCEEDED');
    const retryAfter = Number(res.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
  };

  it('when one account has had too many failed sign-ins, then it gets 429 with Retry-After from any address, while other accounts can still try', async () => {
    const victim = uniqueEmail('victim');
    for (let i = 0; i < ACCOUNT_LIMIT; i += 1) {
      expect((await login('198.51.100.1', victim)).status).toBe(401);
    }
    expectLimited(await login('198.51.100.1', victim.toUpperCase()));
    expectLimited(await login('198.51.100.9', victim));

    expect((await login('198.51.100.1', uniqueEmail('someone-else'))).status).toBe(401);
  });

  it('when one address has made too many sign-in attempts, then 429 with Retry-After, and a forged X-Forwarded-For does not reset the count', async () => {
    for (let i = 0; i < IP_LIMIT; i += 1) {
      expect((await login('198.51.100.2', uniqueEmail(`guess${i}`))).status).toBe(401);
    }
    expectLimited(await login('198.51.100.2', uniqueEmail('one-more')));
    expectLimited(await login('203.0.113.77, 198.51.100.2', uniqueEmail('spoofed')));
  });

  it('when reset e-mails for one address are asked for from many addresses, then the account limit stops them', async () => {
    const target = uniqueEmail('bombed');
    const forgot = (clientIp: string) =>
      request(limited.url)
        .post('/api/auth/forgot-password')
        .set('X-Forwarded-For', clientIp)
        .send({ email: target });
    for (let i = 0; i < ACCOUNT_LIMIT; i += 1)
      expect((await forgot(`192.0.2.${i + 1}`)).status).toBe(200);
    expectLimited(await forgot('192.0.2.200'));
  });
});
