import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { Router } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { openSharedServices } from '../runtime';
import { openDatabase, queryRows, type Database } from '../db/client';
import { sendData } from './http/envelope';
import { createMemoryCache } from './cache/memory-cache';
import { createLogger } from './logger';
import { createMemoryPubSub } from './pubsub/memory-pubsub';
import { createMemoryJobQueue } from './queue/memory-job-queue';
import { eventually, findFreePort, getJson, type JsonResponse } from '../test-support/http';
import { startTcpProxy, type TcpProxy } from '../test-support/tcp-proxy';
import { startTestApp, type TestApp } from '../test-support/test-app';
import {
  createTestDatabaseUrl,
  serverDatabaseUrl,
  serverRedisUrl,
  testConfig,
} from '../test-support/test-env';

const DB_ROUTE = '/api/test/users-count';

/** A route that needs the database, as every domain route will. */
const usersCountRouter = ({ database }: { database: Database }) =>
  Router().get(DB_ROUTE, async (_req, res) => {
    const [row] = await queryRows<{ count: string | number }>(
      database.db,
      sql`SELECT count(*) AS count FROM users`,
    );
    sendData(res, { users: Number(row?.count) });
  });

type ErrorBody = {
  success: false;
  error: { code: string; message: string; details?: unknown };
};

type HealthBody = {
  status: 'healthy' | 'degraded' | 'unhealthy';
  checks: Record<'database' | 'redis' | 'ai', { status: string; kind: string; error?: string }>;
};

const healthOf = (response: JsonResponse): HealthBody =>
  response.status === 503
    ? ((response.body as ErrorBody).error.details as HealthBody)
    : (response.body as { data: HealthBody }).data;

/** A stack frame looks like `at fn (/path/file.ts:12:34)`. */
const expectNoInternals = (response: JsonResponse) => {
  expect(response.text).not.toMatch(/\bat .*:\d+:\d+/);
  expect(response.text).not.toMatch(/stack/i);
  expect(response.text).not.toMatch(/ECONNREFUSED|DrizzleQueryError|Failed query/);
};

const expectServiceUnavailable = (response: JsonResponse) => {
  expect(response.status).toBe(503);
  expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
  expect(response.body).toMatchObject({ success: false, error: { code: 'SERVICE_UNAVAILABLE' } });
  expectNoInternals(response);
};

const listen = async (server: Server) => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};

const closeServer = async (server: Server) => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
};

/** Same URL, reached through the proxy instead. */
const viaProxy = (url: string, proxy: TcpProxy) => {
  const proxied = new URL(url);
  proxied.hostname = proxy.host;
  proxied.port = String(proxy.port);
  return proxied.toString();
};

const targetOf = (url: string, defaultPort: number) => {
  const { hostname, port } = new URL(url);
  return { host: hostname, port: port ? Number(port) : defaultPort };
};

describe('when the database is unreachable from the start', () => {
  let server: Server;
  let database: Database;
  let url: string;

  beforeAll(async () => {
    const closedPort = await findFreePort();
    const config = testConfig({
      DATABASE_URL: `postgres://postgres@127.0.0.1:${closedPort}/postgres`,
      DB_CONNECT_TIMEOUT_MS: '500',
      REDIS_URL: undefined,
    });
    const logger = createLogger(config);
    database = await openDatabase(config, logger);
    const deps = {
      config,
      logger,
      database,
      cache: createMemoryCache(),
      pubsub: createMemoryPubSub(),
      jobs: createMemoryJobQueue({ retry: { attempts: 1, backoffMs: 1 }, logger }),
      ...openSharedServices(config, logger),
    };
    server = createServer(createApp(deps, { routers: [usersCountRouter(deps)] }));
    url = await listen(server);
  });

  afterAll(async () => {
    await closeServer(server);
    await database.close();
  });

  it('then /health answers 503 in the error envelope, naming the database, with Retry-After', async () => {
    const response = await getJson(`${url}/health`);
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(response.body).toMatchObject({
      success: false,
      error: { code: 'SERVICE_UNAVAILABLE' },
    });
    const health = healthOf(response);
    expect(health.status).toBe('unhealthy');
    expect(health.checks.database.status).toBe('unhealthy');
    expect(health.checks.database.kind).toBe('postgres');
    expect(response.text).not.toMatch(/\bat .*:\d+:\d+/);
  });

  it('then a route that queries it answers 503 SERVICE_UNAVAILABLE with Retry-After, quickly and without internals', async () => {
    const response = await getJson(`${url}${DB_ROUTE}`);
    expectServiceUnavailable(response);
    expect(response.elapsedMs).toBeLessThan(5000);
  });

  it('then the process keeps serving what needs no database', async () => {
    const response = await getJson(`${url}/api/ping`);
    expect(response.status).toBe(200);
  });
});

describe.runIf(serverDatabaseUrl)('when PostgreSQL goes away and comes back', () => {
  let proxy: TcpProxy;
  let app: TestApp;
  let dropDatabase: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    const database = await createTestDatabaseUrl();
    dropDatabase = database.drop;
    proxy = await startTcpProxy(targetOf(serverDatabaseUrl!, 5432));
    app = await startTestApp({
      env: {
        DATABASE_URL: viaProxy(database.url!, proxy),
        DB_CONNECT_TIMEOUT_MS: '1000',
        REDIS_URL: undefined,
      },
      routers: [usersCountRouter],
    });
  });

  afterAll(async () => {
    await proxy?.restore();
    await app?.close();
    await proxy?.close();
    await dropDatabase?.();
  });

  it('then requests fail fast with 503 while it is gone, and succeed again once it is back, without a restart', async () => {
    const before = await getJson(`${app.url}${DB_ROUTE}`);
    expect(before.status).toBe(200);
    expect(before.body).toEqual({ success: true, data: { users: 0 } });

    await proxy.cut();

    const during = await getJson(`${app.url}${DB_ROUTE}`);
    expectServiceUnavailable(during);
    expect(during.elapsedMs).toBeLessThan(5000);

    const health = await getJson(`${app.url}/health`);
    expect(health.status).toBe(503);
    expect(health.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(healthOf(health).checks.database.status).toBe('unhealthy');

    // Still alive: what needs no database keeps answering.
    expect((await getJson(`${app.url}/api/ping`)).status).toBe(200);
    // And asking again does not hang or crash either.
    expectServiceUnavailable(await getJson(`${app.url}${DB_ROUTE}`));

    await proxy.restore();

    const after = await eventually(async () => {
      const response = await getJson(`${app.url}${DB_ROUTE}`);
      expect(response.status).toBe(200);
      return response;
    });
    expect(after.body).toEqual({ success: true, data: { users: 0 } });
    const healthAfter = await getJson(`${app.url}/health`);
    expect(healthAfter.status).toBe(200);
    expect(healthOf(healthAfter).checks.database.status).toBe('healthy');
  });
});

describe.runIf(serverRedisUrl)('when Redis goes away and comes back', () => {
  let proxy: TcpProxy;
  let app: TestApp;

  beforeAll(async () => {
    proxy = await startTcpProxy(targetOf(serverRedisUrl!, 6379));
    app = await startTestApp({ env: { REDIS_URL: viaProxy(serverRedisUrl!, proxy) } });
    expect(app.runtime.cache.kind).toBe('redis');
  });

  afterAll(async () => {
    await proxy?.restore();
    await app?.close();
    await proxy?.close();
  });

  it('then the cache misses fast and the API stays up (degraded) while it is gone, and the cache works again once it is back', async () => {
    const { cache } = app.runtime;
    await cache.set('faults:before', 'cached', 60);
    expect(await cache.get('faults:before')).toBe('cached');

    await proxy.cut();

    const start = performance.now();
    expect(await cache.get('faults:before')).toBeUndefined();
    await expect(cache.set('faults:during', 'dropped', 60)).resolves.toBeUndefined();
    await expect(cache.delete('faults:before')).resolves.toBeUndefined();
    expect(await cache.increment('faults:counter')).toBeUndefined();
    expect(performance.now() - start).toBeLessThan(5000);

    const health = await getJson(`${app.url}/health`);
    expect(health.status).toBe(200);
    expect(healthOf(health).status).toBe('degraded');
    expect(healthOf(health).checks.redis.status).toBe('unhealthy');
    expect(healthOf(health).checks.database.status).toBe('healthy');

    // The rate limiter keeps its counters in Redis and must fail open.
    const ping = await getJson(`${app.url}/api/ping`);
    expect(ping.status).toBe(200);

    await proxy.restore();

    await eventually(async () => {
      await cache.set('faults:after', 'back', 60);
      expect(await cache.get('faults:after')).toBe('back');
    });
    const healthAfter = await eventually(async () => {
      const response = await getJson(`${app.url}/health`);
      expect(healthOf(response).status).toBe('healthy');
      return response;
    });
    expect(healthAfter.status).toBe(200);
    expect(healthOf(healthAfter).checks.redis.status).toBe('healthy');
    // Rate limiting counts again (its headers only appear when the store answered).
    expect((await getJson(`${app.url}/api/ping`)).headers.get('ratelimit')).toBeTruthy();
  });
});

describe.runIf(serverRedisUrl)('when Redis is down at start-up and comes back later', () => {
  let proxy: TcpProxy;
  let app: TestApp;

  beforeAll(async () => {
    proxy = await startTcpProxy(targetOf(serverRedisUrl!, 6379));
    await proxy.cut();
    app = await startTestApp({ env: { REDIS_URL: viaProxy(serverRedisUrl!, proxy) } });
  });

  afterAll(async () => {
    await proxy?.restore();
    await app?.close();
    await proxy?.close();
  });

  it('then the API starts and serves, and cache and rate limiting resume once Redis is back', async () => {
    const ping = await getJson(`${app.url}/api/ping`);
    expect(ping.status).toBe(200);
    expect(healthOf(await getJson(`${app.url}/health`)).status).toBe('degraded');

    await proxy.restore();

    await eventually(async () => {
      await app.runtime.cache.set('faults:late', 'back', 60);
      expect(await app.runtime.cache.get('faults:late')).toBe('back');
    });
    await eventually(async () => {
      const response = await getJson(`${app.url}/api/ping`);
      expect(response.status).toBe(200);
      expect(response.headers.get('ratelimit')).toBeTruthy();
    });
  });
});
