import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oauthIdentities } from '../../../db/schema/sessions';
import { users } from '../../../db/schema/users';
import { loggableUrl } from '../../../platform/http/request-logging';
import { findFreePort } from '../../../test-support/http';
import { startTestApp, type TestApp } from '../../../test-support/test-app';
import { updateUser } from '../../users/users.repo';
import { createOidcClient } from './oidc-client';
import { createPendingLogins } from './pending-logins';
import { safeReturnTo } from './return-to';
import { startTestProvider, type TestAccountClaims, type TestProvider } from './test-provider';

const CALLBACK_PATH = '/api/auth/oidc/callback';
const PASSWORD = 'Str0ngPassword';

/** Starts the API on a port chosen first, so APP_URL (and the redirect URI) can name it. */
const startOidcApp = async ({ providerAvailable = true } = {}) => {
  const port = await findFreePort();
  const appUrl = `http://127.0.0.1:${port}`;
  const provider = await startTestProvider({
    redirectUri: `${appUrl}${CALLBACK_PATH}`,
    available: providerAvailable,
  });
  const app = await startTestApp({
    port,
    env: {
      APP_URL: appUrl,
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: provider.clientId,
      OIDC_CLIENT_SECRET: provider.clientSecret,
      AUTH_RATE_LIMIT_MAX: '10000',
    },
  });
  return { app, provider };
};

/** A browser, as far as redirects and cookies go: one cookie jar per host (paths ignored). */
const createBrowser = () => {
  const jar = new Map<string, Map<string, string>>();

  const remember = (url: URL, response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';').map((part) => part.trim());
      const separator = pair.indexOf('=');
      const name = pair.slice(0, separator);
      const value = pair.slice(separator + 1);
      const expired = attributes.some((attribute) => {
        const [key = '', setting = ''] = attribute.split('=');
        if (key.toLowerCase() === 'max-age') return Number(setting) <= 0;
        if (key.toLowerCase() === 'expires') return new Date(setting).getTime() <= Date.now();
        return false;
      });
      const cookies = jar.get(url.host) ?? new Map<string, string>();
      jar.set(url.host, cookies);
      if (expired || value === '') cookies.delete(name);
      else cookies.set(name, value);
    }
  };

  const request = async (target: string | URL, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(target);
    const cookies = [...(jar.get(url.host) ?? [])].map(([name, value]) => `${name}=${value}`);
    const headers = new Headers(init.headers);
    if (cookies.length > 0) headers.set('cookie', cookies.join('; '));
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    remember(url, response);
    return response;
  };

  const cookie = (origin: string, name: string) => jar.get(new URL(origin).host)?.get(name);
  return { request, cookie };
};

type Browser = ReturnType<typeof createBrowser>;

type SignInRun = {
  /** Where the API finally sent the browser on the web app (outside /api). */
  landedAt?: URL;
  /** The provider's redirect back to the API, with code and state. */
  callbackUrl?: URL;
  /** The `lk_oidc` cookie the browser held when it came back. */
  loginCookie?: string;
};

/**
 * Drives the whole browser flow with plain HTTP: the API's login redirect, the provider's
 * authorize endpoint, its login and consent forms, and back to the API's callback.
 */
const signIn = async (
  { app, provider }: { app: TestApp; provider: TestProvider },
  browser: Browser,
  login: string,
  {
    returnTo,
    deny = false,
    stopAtCallback = false,
  }: { returnTo?: string; deny?: boolean; stopAtCallback?: boolean } = {},
): Promise<SignInRun> => {
  const run: SignInRun = {};
  let url = new URL(`${app.url}/api/auth/oidc/login`);
  if (returnTo !== undefined) url.searchParams.set('returnTo', returnTo);
  let response = await browser.request(url);
  for (let step = 0; step < 20; step += 1) {
    if (response.status >= 300 && response.status < 400) {
      await response.body?.cancel();
      const next = new URL(response.headers.get('location')!, url);
      if (next.origin === app.url && next.pathname === CALLBACK_PATH) {
        run.callbackUrl = next;
        run.loginCookie = browser.cookie(app.url, 'lk_oidc');
        if (stopAtCallback) return run;
      } else if (next.origin === app.url && !next.pathname.startsWith('/api/')) {
        run.landedAt = next;
        return run;
      }
      url = next;
      response = await browser.request(url);
      continue;
    }
    const body = await response.text();
    const uid = /^\/interaction\/([\w-]+)$/.exec(url.pathname)?.[1];
    if (response.status !== 200 || url.origin !== provider.issuer || !uid) {
      throw new Error(`unexpected ${response.status} at ${url.href}: ${body.slice(0, 300)}`);
    }
    const interaction = `${provider.issuer}/interaction/${uid}`;
    if (deny) {
      url = new URL(`${interaction}/abort`);
      response = await browser.request(url);
      continue;
    }
    const prompt = /name="prompt" value="(\w+)"/.exec(body)?.[1];
    const form = new URLSearchParams(
      prompt === 'login' ? { prompt, login, password: 'any' } : { prompt: prompt ?? '' },
    );
    url = new URL(interaction);
    response = await browser.request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    });
  }
  throw new Error('too many redirects');
};

/** What the web app does after landing: refresh with the cookie, then read the profile. */
const sessionProfile = async (app: TestApp, browser: Browser) => {
  const refresh = await browser.request(`${app.url}/api/auth/refresh`, { method: 'POST' });
  expect(refresh.status).toBe(200);
  const { data: session } = (await refresh.json()) as { data: { accessToken: string } };
  const profile = await fetch(`${app.url}/api/users/profile`, {
    headers: { authorization: `Bearer ${session.accessToken}` },
  });
  expect(profile.status).toBe(200);
  return ((await profile.json()) as { data: Record<string, unknown> }).data;
};

describe('OIDC sign-in against a real OpenID provider', () => {
  let app: TestApp;
  let provider: TestProvider;
  let counter = 0;

  beforeAll(async () => {
    ({ app, provider } = await startOidcApp());
  });
  afterAll(async () => {
    await app?.close();
    await provider?.close();
  });

  const db = () => app.runtime.database.db;
  const userByEmail = async (email: string) =>
    (await db().select().from(users).where(eq(users.email, email)))[0];
  const identitiesOf = (userId: string) =>
    db().select().from(oauthIdentities).where(eq(oauthIdentities.userId, userId));
  const userCount = async () => (await db().select({ id: users.id }).from(users)).length;
  const identityCount = async () =>
    (await db().select({ id: oauthIdentities.id }).from(oauthIdentities)).length;

  /** A provider account with a fresh login and e-mail. */
  const providerAccount = (claims: TestAccountClaims = {}) => {
    counter += 1;
    const login = `person-${counter}`;
    const email = `person.${counter}@gmail.test`;
    provider.accounts.set(login, {
      email,
      email_verified: true,
      given_name: 'Asha',
      family_name: 'Verma',
      ...claims,
    });
    return { login, email };
  };

  const registerWithPassword = async (email: string) => {
    const response = await fetch(`${app.url}/api/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        email,
        password: PASSWORD,
        firstName: 'Ravi',
        lastName: 'Kumar',
        phone: '+91 98765 43210',
      }),
    });
    expect(response.status).toBe(201);
    return ((await response.json()) as { data: { id: string } }).data.id;
  };

  const passwordLogin = (email: string) =>
    fetch(`${app.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: PASSWORD }),
    });

  it('when the sign-in page asks, then the options name the provider and where sign-in starts', async () => {
    const response = await fetch(`${app.url}/api/auth/sign-in-options`);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { data: unknown }).data).toEqual({
      oidc: { name: 'Google', loginPath: '/api/auth/oidc/login' },
    });
  });

  it('when sign-in starts, then the browser goes to the provider with PKCE, state and nonce, holding a 10-minute httpOnly cookie', async () => {
    const response = await fetch(`${app.url}/api/auth/oidc/login`, { redirect: 'manual' });
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get('location')!);
    expect(location.origin).toBe(provider.issuer);
    expect(Object.fromEntries(location.searchParams)).toMatchObject({
      response_type: 'code',
      client_id: provider.clientId,
      scope: 'openid email profile',
      redirect_uri: `${app.url}${CALLBACK_PATH}`,
      code_challenge_method: 'S256',
      code_challenge: expect.stringMatching(/^[\w-]{43}$/),
      state: expect.any(String),
      nonce: expect.any(String),
    });
    const [cookie] = response.headers.getSetCookie();
    expect(cookie).toMatch(/^lk_oidc=[\w-]{43};/);
    expect(cookie).toMatch(/Max-Age=600/);
    expect(cookie).toMatch(/Path=\/api\/auth\/oidc/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/Secure/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  describe('when a person with a verified e-mail signs in for the first time', () => {
    it('then a verified customer account without a password is created, linked and signed in', async () => {
      const { login, email } = providerAccount();
      const browser = createBrowser();
      const run = await signIn({ app, provider }, browser, login);

      expect(run.landedAt?.href).toBe(`${app.url}/`);
      expect(browser.cookie(app.url, 'lk_refresh')).toBeDefined();
      expect(browser.cookie(app.url, 'lk_oidc')).toBeUndefined();
      expect(run.callbackUrl?.searchParams.has('code')).toBe(true);

      const profile = await sessionProfile(app, browser);
      expect(profile).toMatchObject({
        email,
        role: 'customer',
        firstName: 'Asha',
        lastName: 'Verma',
        isVerified: true,
      });
      const user = await userByEmail(email);
      expect(user?.passwordHash).toBeNull();
      expect(await identitiesOf(user!.id)).toEqual([
        expect.objectContaining({ issuer: provider.issuer, subject: login }),
      ]);
    });
  });

  describe('when a password account already has the same e-mail', () => {
    it('then a verified account is linked (same user, password kept), and the next OIDC sign-in reuses the link', async () => {
      const { login, email } = providerAccount();
      const userId = await registerWithPassword(email);
      await updateUser(db(), userId, { isVerified: true });
      const before = await userCount();

      const first = createBrowser();
      expect((await signIn({ app, provider }, first, login)).landedAt?.pathname).toBe('/');
      expect((await sessionProfile(app, first)).id).toBe(userId);
      expect(await identitiesOf(userId)).toHaveLength(1);

      const second = createBrowser();
      expect((await signIn({ app, provider }, second, login)).landedAt?.pathname).toBe('/');
      expect((await sessionProfile(app, second)).id).toBe(userId);
      expect(await identitiesOf(userId)).toHaveLength(1);
      expect(await userCount()).toBe(before);
      expect((await passwordLogin(email)).status).toBe(200);
    });

    it('then an account never verified here is linked only after losing its password and sessions (no pre-account hijacking)', async () => {
      const { login, email } = providerAccount();
      const userId = await registerWithPassword(email);
      const squatter = await passwordLogin(email);
      expect(squatter.status).toBe(200);
      const { data: squatterSession } = (await squatter.json()) as {
        data: { refreshToken: string };
      };

      const browser = createBrowser();
      expect((await signIn({ app, provider }, browser, login)).landedAt?.pathname).toBe('/');
      expect(await sessionProfile(app, browser)).toMatchObject({ id: userId, isVerified: true });

      expect((await passwordLogin(email)).status).toBe(401);
      const reuse = await fetch(`${app.url}/api/auth/refresh`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ refreshToken: squatterSession.refreshToken }),
      });
      expect(reuse.status).toBe(401);
    });
  });

  describe('when the provider does not vouch for the e-mail', () => {
    it('then the sign-in is refused and no account is created', async () => {
      const { login, email } = providerAccount({ email_verified: false });
      const before = await userCount();
      const browser = createBrowser();
      const run = await signIn({ app, provider }, browser, login);
      expect(run.landedAt?.href).toBe(`${app.url}/signin?error=oidc`);
      expect(browser.cookie(app.url, 'lk_refresh')).toBeUndefined();
      expect(await userByEmail(email)).toBeUndefined();
      expect(await userCount()).toBe(before);
    });

    it('then an existing account with that e-mail is not linked (no takeover)', async () => {
      const { login, email } = providerAccount({ email_verified: false });
      const userId = await registerWithPassword(email);
      await updateUser(db(), userId, { isVerified: true });
      const browser = createBrowser();
      const run = await signIn({ app, provider }, browser, login);
      expect(run.landedAt?.pathname).toBe('/signin');
      expect(await identitiesOf(userId)).toHaveLength(0);
      expect((await passwordLogin(email)).status).toBe(200);
    });

    it('then a missing e-mail is refused the same way', async () => {
      const { login } = providerAccount({ email: undefined, email_verified: undefined });
      const before = await userCount();
      const run = await signIn({ app, provider }, createBrowser(), login);
      expect(run.landedAt?.pathname).toBe('/signin');
      expect(await userCount()).toBe(before);
    });
  });

  describe('when the state is replayed, tampered with or missing', () => {
    it('then a replayed callback (same cookie, code and state) is refused and changes nothing', async () => {
      const { login } = providerAccount();
      const browser = createBrowser();
      const run = await signIn({ app, provider }, browser, login);
      expect(run.landedAt?.pathname).toBe('/');
      const counts = [await userCount(), await identityCount()];

      const replay = await fetch(run.callbackUrl!, {
        redirect: 'manual',
        headers: { cookie: `lk_oidc=${run.loginCookie}` },
      });
      expect(replay.status).toBe(302);
      expect(replay.headers.get('location')).toBe(`${app.url}/signin?error=oidc`);
      expect(replay.headers.getSetCookie().join()).not.toMatch(/lk_refresh=[^;]/);
      expect([await userCount(), await identityCount()]).toEqual(counts);
    });

    it('then a tampered state is refused, nothing is created, and the pending sign-in is used up', async () => {
      const { login, email } = providerAccount();
      const browser = createBrowser();
      const run = await signIn({ app, provider }, browser, login, { stopAtCallback: true });
      const tampered = new URL(run.callbackUrl!);
      tampered.searchParams.set('state', `${tampered.searchParams.get('state')}x`);

      const refused = await browser.request(tampered);
      expect(refused.headers.get('location')).toBe(`${app.url}/signin?error=oidc`);
      const genuineAfterwards = await fetch(run.callbackUrl!, {
        redirect: 'manual',
        headers: { cookie: `lk_oidc=${run.loginCookie}` },
      });
      expect(genuineAfterwards.headers.get('location')).toBe(`${app.url}/signin?error=oidc`);
      expect(await userByEmail(email)).toBeUndefined();
    });

    it('then a callback without the sign-in cookie, or without a state, is refused and creates nothing', async () => {
      const { login, email } = providerAccount();
      const browser = createBrowser();
      const run = await signIn({ app, provider }, browser, login, { stopAtCallback: true });

      const noCookie = await fetch(run.callbackUrl!, { redirect: 'manual' });
      expect(noCookie.headers.get('location')).toBe(`${app.url}/signin?error=oidc`);

      const noState = new URL(run.callbackUrl!);
      noState.searchParams.delete('state');
      const refused = await browser.request(noState);
      expect(refused.headers.get('location')).toBe(`${app.url}/signin?error=oidc`);
      expect(await userByEmail(email)).toBeUndefined();
    });

    it('then, of callbacks racing for one pending sign-in, exactly one gets it', async () => {
      const pendingLogins = createPendingLogins(app.runtime.cache);
      const loginId = await pendingLogins.save({
        state: 'state',
        nonce: 'nonce',
        codeVerifier: 'v'.repeat(43),
        returnTo: null,
      });
      const taken = await Promise.all(Array.from({ length: 5 }, () => pendingLogins.take(loginId)));
      expect(taken.filter(Boolean)).toEqual([expect.objectContaining({ state: 'state' })]);
      expect(await pendingLogins.take(loginId)).toBeUndefined();
    });

    it('then a forged cookie value is refused', async () => {
      const forged = await fetch(`${app.url}${CALLBACK_PATH}?code=abc&state=def`, {
        redirect: 'manual',
        headers: { cookie: `lk_oidc=${'A'.repeat(43)}` },
      });
      expect(forged.headers.get('location')).toBe(`${app.url}/signin?error=oidc`);
    });
  });

  describe('when the person denies consent at the provider', () => {
    it('then the provider returns error=access_denied and the browser lands on /signin?error=oidc', async () => {
      const { login, email } = providerAccount();
      const run = await signIn({ app, provider }, createBrowser(), login, { deny: true });
      expect(run.callbackUrl?.searchParams.get('error')).toBe('access_denied');
      expect(run.landedAt?.href).toBe(`${app.url}/signin?error=oidc`);
      expect(await userByEmail(email)).toBeUndefined();
    });
  });

  describe('when the linked account has been deactivated', () => {
    it('then the sign-in is refused', async () => {
      const { login, email } = providerAccount();
      expect((await signIn({ app, provider }, createBrowser(), login)).landedAt?.pathname).toBe(
        '/',
      );
      const user = await userByEmail(email);
      await updateUser(db(), user!.id, { isActive: false });
      const browser = createBrowser();
      const run = await signIn({ app, provider }, browser, login);
      expect(run.landedAt?.pathname).toBe('/signin');
      expect(browser.cookie(app.url, 'lk_refresh')).toBeUndefined();
    });
  });

  describe('when a returnTo path is given', () => {
    it('then a same-site path is where the browser lands', async () => {
      const { login } = providerAccount();
      const run = await signIn({ app, provider }, createBrowser(), login, {
        returnTo: '/bookings/42?tab=chat',
      });
      expect(run.landedAt?.href).toBe(`${app.url}/bookings/42?tab=chat`);
    });

    it('then anything else is ignored and the browser lands on /', async () => {
      const { login } = providerAccount();
      const run = await signIn({ app, provider }, createBrowser(), login, {
        returnTo: '//evil.example/steal',
      });
      expect(run.landedAt?.href).toBe(`${app.url}/`);
    });
  });
});

describe('access log', () => {
  it('when the callback URL is logged, then the authorization code is not', () => {
    expect(loggableUrl(`${CALLBACK_PATH}?code=s3cret&state=xyz&iss=https%3A%2F%2Fidp`)).toBe(
      `${CALLBACK_PATH}?code=[redacted]&state=xyz&iss=https%3A%2F%2Fidp`,
    );
    expect(loggableUrl('/api/services?city=Pune&state=MH')).toBe(
      '/api/services?city=Pune&state=MH',
    );
    expect(loggableUrl('/api/ping')).toBe('/api/ping');
  });
});

describe('returnTo validation', () => {
  it.each(['/', '/bookings/42', '/search?q=plumber&city=Pune', '/a/b#c'])(
    'when it is %s, then it is kept',
    (path) => expect(safeReturnTo(path)).toBe(path),
  );

  it.each([
    'https://evil.example/',
    '//evil.example',
    '/\\evil.example',
    '/\\/evil.example',
    'bookings',
    '/with space',
    '/tab\tname',
    '/line\nbreak',
    `/${'a'.repeat(600)}`,
    ['/array'],
    undefined,
  ])('when it is %j, then it is ignored', (value) => expect(safeReturnTo(value)).toBeUndefined());
});

describe('provider discovery', () => {
  it('when discovery fails, then the next call tries again; concurrent calls share one discovery', async () => {
    let calls = 0;
    const configuration = { discovered: true };
    const client = createOidcClient(
      {
        issuer: 'https://accounts.example',
        clientId: 'id',
        clientSecret: 'secret',
        redirectUri: 'https://app.example/api/auth/oidc/callback',
        allowHttp: false,
      },
      {
        discover: () => {
          calls += 1;
          return calls === 1
            ? Promise.reject(new Error('provider down'))
            : Promise.resolve(configuration as never);
        },
      },
    );
    await expect(client.configuration()).rejects.toThrow('provider down');
    const [a, b] = await Promise.all([client.configuration(), client.configuration()]);
    expect(a).toBe(configuration);
    expect(b).toBe(configuration);
    expect(await client.configuration()).toBe(configuration);
    expect(calls).toBe(2);
  });

  describe('when the provider is unreachable at first', () => {
    let app: TestApp;
    let provider: TestProvider;
    beforeAll(async () => {
      ({ app, provider } = await startOidcApp({ providerAvailable: false }));
    });
    afterAll(async () => {
      await app?.close();
      await provider?.close();
    });

    it('then sign-in answers 503 with Retry-After, and works once the provider is back', async () => {
      const down = await fetch(`${app.url}/api/auth/oidc/login`, { redirect: 'manual' });
      expect(down.status).toBe(503);
      expect(down.headers.get('retry-after')).toBeTruthy();
      expect(await down.json()).toMatchObject({
        success: false,
        error: { code: 'SERVICE_UNAVAILABLE' },
      });
      expect(down.headers.getSetCookie()).toEqual([]);

      provider.setAvailable(true);
      provider.accounts.set('late', { email: 'late@gmail.test', email_verified: true });
      const browser = createBrowser();
      const run = await signIn({ app, provider }, browser, 'late');
      expect(run.landedAt?.href).toBe(`${app.url}/`);
      expect((await sessionProfile(app, browser)).email).toBe('late@gmail.test');
    });
  });
});

describe('when OIDC is not configured', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app?.close());

  it('then the sign-in options offer no identity provider', async () => {
    const response = await fetch(`${app.url}/api/auth/sign-in-options`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ success: true, data: { oidc: null } });
  });

  it('then GET /api/auth/oidc/login and the callback are 404 NOT_FOUND in the envelope', async () => {
    for (const path of ['/api/auth/oidc/login', `${CALLBACK_PATH}?code=a&state=b`]) {
      const response = await fetch(`${app.url}${path}`, { redirect: 'manual' });
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({
        success: false,
        error: { code: 'NOT_FOUND', message: expect.any(String) },
      });
    }
  });

  it('then the OpenAPI document still describes both endpoints', async () => {
    const response = await fetch(`${app.url}/api/openapi.json`);
    const document = (await response.json()) as { paths: Record<string, unknown> };
    expect(document.paths).toHaveProperty(['/api/auth/oidc/login']);
    expect(document.paths).toHaveProperty([CALLBACK_PATH]);
  });
});
