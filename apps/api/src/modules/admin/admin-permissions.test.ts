import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../app';
import { startTestApp, type TestApp } from '../../test-support/test-app';
import {
  auth,
  seedTestTaxonomy,
  signedInCustomer,
  signedInProvider,
  type SignedIn,
} from '../providers/provider-test-support';
import { ADMIN_PATH } from './admin.routes';
import { signedInAdmin } from './admin-test-support';

type Layer = {
  route?: { path: string | RegExp | (string | RegExp)[]; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
};

/** Every route the running app has, walking nested routers: what a request could reach. */
const routesOf = (stack: Layer[]): { method: string; path: string }[] =>
  stack.flatMap((layer) => {
    if (layer.route) {
      // Admin routes are declared with string paths; other modules' RegExp paths are skipped.
      const paths = [layer.route.path].flat().filter((path) => typeof path === 'string');
      return Object.keys(layer.route.methods).flatMap((method) =>
        paths.map((path) => ({ method, path })),
      );
    }
    return layer.handle?.stack ? routesOf(layer.handle.stack) : [];
  });

const ID = '6f1c2a7e-3b4d-4c5e-8f9a-0b1c2d3e4f5a';
const concrete = (path: string) =>
  path
    .replace(/:subSlug/g, 'tap-repair')
    .replace(/:slug/g, 'plumbing')
    .replace(/:\w+/g, ID);

// Each test runs many requests on a shared 2-core machine: the default 30 s is too tight.
vi.setConfig({ testTimeout: 120_000 });

describe('admin API: who may call it', () => {
  let app: TestApp;
  let routes: { method: string; path: string }[];
  let customer: SignedIn;
  let provider: SignedIn;
  let admin: SignedIn;
  beforeAll(async () => {
    app = await startTestApp({ env: { AUTH_RATE_LIMIT_MAX: '1000' } });
    await seedTestTaxonomy(app);
    // The same app the server runs, built from the same runtime: its router is the route list.
    const express = createApp(app.runtime);
    routes = routesOf((express as unknown as { router: { stack: Layer[] } }).router.stack).filter(
      (route) => route.path.startsWith(ADMIN_PATH),
    );
    [customer, provider, admin] = await Promise.all([
      signedInCustomer(app),
      signedInProvider(app),
      signedInAdmin(app),
    ]);
  }, 180_000);
  afterAll(() => app.close());

  const call = (route: { method: string; path: string }, headers: Record<string, string> = {}) => {
    const method = route.method as 'get' | 'post' | 'put' | 'patch' | 'delete';
    const agent = request(app.url);
    return agent[method](concrete(route.path))
      .set(headers)
      .send({ reason: 'Checking who may call this route' });
  };

  it('when the app is built, then the admin router holds every admin route of the contract', () => {
    // A floor, not the list: new routes are found by the walk, whatever their number.
    expect(routes.length).toBeGreaterThanOrEqual(30);
    expect(routes).toContainEqual({ method: 'post', path: '/api/admin/users/:id/suspend' });
  });

  it('when anyone but an admin calls any admin route, then anonymous gets 401 and customers and providers 403', async () => {
    for (const route of routes) {
      const label = `${route.method.toUpperCase()} ${route.path}`;
      const anonymous = await call(route);
      expect(anonymous.status, label).toBe(401);
      expect(anonymous.body.error.code, label).toBe('AUTHENTICATION_ERROR');
      for (const who of [customer, provider]) {
        const refused = await call(route, auth(who));
        expect(refused.status, label).toBe(403);
        expect(refused.body.error.code, label).toBe('AUTHORIZATION_ERROR');
      }
    }
  });

  it('when an admin calls every admin route, then none answers 401, 403 or 500', async () => {
    for (const route of routes) {
      const res = await call(route, auth(admin));
      expect([401, 403, 500], `${route.method} ${route.path}: ${res.status}`).not.toContain(
        res.status,
      );
    }
  });

  it('when an admin path does not exist, then outsiders still get 401 before any 404', async () => {
    await request(app.url).get('/api/admin/no-such-thing').expect(401);
    await request(app.url).get('/api/admin/no-such-thing').set(auth(admin)).expect(404);
  });
});
