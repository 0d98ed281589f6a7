import { createServer } from 'node:http';
import { createApp } from '../../apps/api/src/app';
import { parseConfig } from '../../apps/api/src/config';
import { createLogger } from '../../apps/api/src/platform/logger';
import { openRuntime } from '../../apps/api/src/runtime';
import { BENCH_HOST, listenAndAnnounce } from './announce';

/**
 * The whole LocalKart app as production builds it (metrics, request logging at info, security
 * headers, CORS, rate limiting), on an in-memory PGlite. The config is built from fixed values,
 * not from `process.env`, so a stray DATABASE_URL or REDIS_URL cannot change what is measured.
 * The rate limit is high enough never to trip during a run, but the limiter still runs.
 */
const config = parseConfig({
  NODE_ENV: 'production',
  HOST: BENCH_HOST,
  PORT: '0',
  LOG_LEVEL: 'info',
  PGLITE_DIR: 'memory://',
  SEED_DEMO_DATA: 'false',
  RATE_LIMIT_MAX: '1000000000',
  METRICS_ENABLED: 'true',
});
const logger = createLogger(config);
const runtime = await openRuntime(config, logger);

listenAndAnnounce(createServer(createApp(runtime)), async () => {
  for (const { close } of runtime.closers) await close().catch(() => undefined);
  logger.flush();
});
