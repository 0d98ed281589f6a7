import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseConfig, type Config } from '../../apps/api/src/config';
import { BENCH_HOST } from './announce';

/**
 * The app's config for a bench run, built from fixed values, never from `process.env`, so a
 * stray DATABASE_URL or REDIS_URL cannot change what is measured. Production mode refuses the
 * development secrets, so each run gets throwaway ones; the database is in memory and the
 * data directory (mail outbox, uploads) a temporary one. Rate limits, the auth ones included,
 * are far above anything a run sends, but the limiters still run on every request.
 */
export const benchAppConfig = (): Config =>
  parseConfig({
    NODE_ENV: 'production',
    HOST: BENCH_HOST,
    PORT: '0',
    LOG_LEVEL: 'info',
    PGLITE_DIR: 'memory://',
    DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'localkart-bench-')),
    SEED_DEMO_DATA: 'false',
    METRICS_ENABLED: 'true',
    JWT_SECRET: randomBytes(32).toString('base64url'),
    DATA_ENCRYPTION_KEYS: `bench:${randomBytes(32).toString('base64')}`,
    BLIND_INDEX_KEY: randomBytes(32).toString('base64url'),
    RATE_LIMIT_MAX: '1000000000',
    AUTH_RATE_LIMIT_MAX: '1000000000',
    LOGIN_ACCOUNT_RATE_LIMIT_MAX: '1000000000',
  });
