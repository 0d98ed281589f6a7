import './platform/v8-tuning';
import { createServer } from 'node:http';
import { buildApp } from './app';
import { ConfigError, loadConfig, type Config } from './config';
import { isEmptyDatabase } from './db/client';
import { seedDemoData } from './db/seed/seed';
import { ensureBootstrapAdmin } from './modules/auth/bootstrap-admin';
import { startNotificationWorkers } from './modules/notifications/notifications.worker';
import { attachRealtime } from './modules/realtime/realtime.gateway';
import { createLogger } from './platform/logger';
import { shutdownGracefully } from './platform/shutdown';
import { openRuntime, type Runtime } from './runtime';
import { startPeriodic } from './platform/periodic';

const loadConfigOrExit = (): Config => {
  try {
    return loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
};

/** Demo data goes into an empty embedded database by default, never into a real server's. */
const seedIfWanted = async ({ config, database, logger, phones }: Runtime) => {
  const wanted =
    config.SEED_DEMO_DATA === 'true' ||
    (config.SEED_DEMO_DATA === 'auto' && database.kind === 'pglite');
  if (wanted && (await isEmptyDatabase(database.db))) {
    await seedDemoData(
      { db: database.db, logger, phones, config },
      { users: config.SEED_DEMO_USERS },
    );
  }
};

const config = loadConfigOrExit();
const logger = createLogger(config);

process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection'));
process.on('uncaughtException', (error) => {
  logger.fatal({ err: error }, 'uncaught exception; exiting');
  logger.flush();
  process.exit(1);
});

const runtime = await openRuntime(config, logger);
await ensureBootstrapAdmin({ db: runtime.database.db, config, logger });
await seedIfWanted(runtime);
// Closed first at shutdown: stops turning events into notifications before the jobs and bus close.
runtime.closers.unshift(await startNotificationWorkers(runtime));
const { app, realtime: realtimeModules, background } = buildApp(runtime);
runtime.closers.unshift(
  startPeriodic({
    name: 'unpaid online bookings',
    everyMs: 60_000,
    task: async () => {
      const lapsed = await background.expireUnpaidBookings();
      if (lapsed > 0) logger.info({ lapsed }, 'unpaid online bookings cancelled');
    },
    logger,
  }),
  // Refunds are sent as they commit; this catches up after a gateway outage or a restart.
  startPeriodic({
    name: 'gateway refunds',
    everyMs: 30_000,
    task: background.sendDueRefunds,
    logger,
  }),
);
const server = createServer(app);
// Socket.io on the same server and port as the API.
const realtime = await attachRealtime(server, runtime, realtimeModules);
server.listen(config.PORT, config.HOST, () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  logger.info(
    { port, database: runtime.database.kind, cache: runtime.cache.kind },
    `LocalKart listening on http://localhost:${port}`,
  );
});

let stopping = false;
const stop = (signal: NodeJS.Signals) => {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down');
  // Sockets first: open WebSockets would hold the HTTP server's close until the timeout.
  realtime
    .close()
    .then(() =>
      shutdownGracefully({
        server,
        closers: runtime.closers,
        timeoutMs: config.SHUTDOWN_TIMEOUT_MS,
        logger,
      }),
    )
    .then(() => {
      logger.info('shutdown complete');
      logger.flush();
      process.exit(0);
    })
    .catch((error: unknown) => {
      logger.error({ err: error }, 'shutdown failed');
      logger.flush();
      process.exit(1);
    });
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
