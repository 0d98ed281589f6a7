import '../../apps/api/src/platform/v8-tuning';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createApp } from '../../apps/api/src/app';
import { parseConfig } from '../../apps/api/src/config';
import { createLogger } from '../../apps/api/src/platform/logger';
import { openRuntime } from '../../apps/api/src/runtime';
import { BENCH_HOST, listenAndAnnounce } from './announce';

/**
 * The whole LocalKart app on the search bench's database: `BENCH_DATABASE_URL` (a PostgreSQL
 * server) or `BENCH_PGLITE_DIR`, with the search cache as `BENCH_SEARCH_CACHE` says. Logs at
 * warn, rate limits far above the load (the limiters still run), throwaway secrets. Like
 * `app-config.ts`, nothing else comes from the environment.
 */
const env = process.env;
const config = parseConfig({
  NODE_ENV: 'production',
  HOST: BENCH_HOST,
  PORT: '0',
  LOG_LEVEL: 'warn',
  ...(env.BENCH_DATABASE_URL
    ? { DATABASE_URL: env.BENCH_DATABASE_URL }
    : { PGLITE_DIR: env.BENCH_PGLITE_DIR ?? 'memory://' }),
  DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'localkart-bench-search-')),
  SEED_DEMO_DATA: 'false',
  SEARCH_CACHE_ENABLED: env.BENCH_SEARCH_CACHE === 'true' ? 'true' : 'false',
  JWT_SECRET: randomBytes(32).toString('base64url'),
  DATA_ENCRYPTION_KEYS: `bench:${randomBytes(32).toString('base64')}`,
  BLIND_INDEX_KEY: randomBytes(32).toString('base64url'),
  RATE_LIMIT_MAX: '1000000000',
  AUTH_RATE_LIMIT_MAX: '1000000000',
  LOGIN_ACCOUNT_RATE_LIMIT_MAX: '1000000000',
});
const logger = createLogger(config);
const runtime = await openRuntime(config, logger);

listenAndAnnounce(createServer(createApp(runtime)), async () => {
  for (const { close } of runtime.closers) await close().catch(() => undefined);
  logger.flush();
  await rm(config.dataDir, { recursive: true, force: true }).catch(() => undefined);
});
