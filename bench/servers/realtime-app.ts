import '../../apps/api/src/platform/v8-tuning';
import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../../apps/api/src/app';
import { parseConfig } from '../../apps/api/src/config';
import { attachRealtime } from '../../apps/api/src/modules/realtime/realtime.gateway';
import { createLogger } from '../../apps/api/src/platform/logger';
import { openRuntime } from '../../apps/api/src/runtime';
import { BENCH_HOST, listenAndAnnounce } from './announce';

/**
 * The whole LocalKart app with its Socket.io gateway, as server.ts runs it, on the PostgreSQL
 * database `BENCH_DATABASE_URL`. The parent signs access tokens for the users it seeded, so
 * it passes the JWT secret (`BENCH_JWT_SECRET`); the other secrets are throwaway. Logs at
 * warn; rate limits far above the load (the limiters still run); the pool size is
 * `BENCH_DB_POOL_MAX` (default 10, the app's). Nothing else comes from the environment.
 */
const env = process.env;
if (!env.BENCH_DATABASE_URL || !env.BENCH_JWT_SECRET || !env.BENCH_ENCRYPTION_KEYS)
  throw new Error('BENCH_DATABASE_URL, BENCH_JWT_SECRET and BENCH_ENCRYPTION_KEYS are required');
const config = parseConfig({
  NODE_ENV: 'production',
  HOST: BENCH_HOST,
  PORT: '0',
  LOG_LEVEL: 'warn',
  DATABASE_URL: env.BENCH_DATABASE_URL,
  DB_POOL_MAX: env.BENCH_DB_POOL_MAX ?? '10',
  DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'localkart-bench-realtime-')),
  SEED_DEMO_DATA: 'false',
  JWT_SECRET: env.BENCH_JWT_SECRET,
  DATA_ENCRYPTION_KEYS: env.BENCH_ENCRYPTION_KEYS,
  BLIND_INDEX_KEY: env.BENCH_JWT_SECRET,
  RATE_LIMIT_MAX: '1000000000',
  AUTH_RATE_LIMIT_MAX: '1000000000',
  LOGIN_ACCOUNT_RATE_LIMIT_MAX: '1000000000',
});
const logger = createLogger(config);
const runtime = await openRuntime(config, logger);
const { app, realtime: modules } = buildApp(runtime);
const server = createServer(app);
const realtime = await attachRealtime(server, runtime, modules);

listenAndAnnounce(server, async () => {
  await realtime.close();
  for (const { close } of runtime.closers) await close().catch(() => undefined);
  logger.flush();
  await rm(config.dataDir, { recursive: true, force: true }).catch(() => undefined);
});
