import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:http';
import type { Router } from 'express';
import { buildApp, type BackgroundTasks } from '../app';
import { startNotificationWorkers } from '../modules/notifications/notifications.worker';
import type { Mailer } from '../platform/mail/mailer';
import { attachRealtime, type Realtime } from '../modules/realtime/realtime.gateway';
import { createLogger } from '../platform/logger';
import { openRuntime, type Runtime } from '../runtime';
import { createTestDatabaseUrl, serverRedisUrl, testConfig } from './test-env';

export type TestApp = {
  runtime: Runtime;
  server: Server;
  /** Socket.io on the same server, as server.ts attaches it. */
  realtime: Realtime;
  /** What server.ts runs on a timer, for tests to run when they choose. */
  background: BackgroundTasks;
  url: string;
  close: () => Promise<void>;
};

/**
 * The real app on a real port with a real database (PGlite in memory, or a fresh PostgreSQL
 * database when DATABASE_URL is set) and Redis when REDIS_URL is set.
 */
export const startTestApp = async ({
  env = {},
  routers = [],
  port = 0,
  mailer,
}: {
  env?: Record<string, string | undefined>;
  routers?: ((runtime: Runtime) => Router)[];
  /** A fixed port, for a test that must name the app's URL in its config (APP_URL); else free. */
  port?: number;
  /** Instead of the outbox: a recording, failing or slow mailer for e-mail tests. */
  mailer?: Mailer;
} = {}): Promise<TestApp> => {
  const database = await createTestDatabaseUrl();
  const config = testConfig({ DATABASE_URL: database.url, REDIS_URL: serverRedisUrl, ...env });
  const runtime = await openRuntime(config, createLogger(config));
  if (mailer) runtime.mailer = mailer;
  // As server.ts does: events become notifications, queued e-mails are sent.
  runtime.closers.unshift(await startNotificationWorkers(runtime));
  const {
    app,
    realtime: realtimeModules,
    background,
  } = buildApp(runtime, {
    routers: routers.map((build) => build(runtime)),
  });
  const server = createServer(app);
  const realtime = await attachRealtime(server, runtime, realtimeModules);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const address = server.address() as AddressInfo;
  return {
    runtime,
    server,
    realtime,
    background,
    url: `http://127.0.0.1:${address.port}`,
    close: async () => {
      await realtime.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      for (const { close } of runtime.closers) await close();
      await database.drop();
    },
  };
};
