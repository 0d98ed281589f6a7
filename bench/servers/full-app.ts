import '../../apps/api/src/platform/v8-tuning';
import { rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { createApp } from '../../apps/api/src/app';
import { createLogger } from '../../apps/api/src/platform/logger';
import { openRuntime } from '../../apps/api/src/runtime';
import { listenAndAnnounce } from './announce';
import { benchAppConfig } from './app-config';

/**
 * The whole LocalKart app as production builds it (metrics, request logging at info, security
 * headers, CORS, rate limiting, the accounts module), on an in-memory PGlite; see
 * `benchAppConfig` for the settings.
 */
const config = benchAppConfig();
const logger = createLogger(config);
const runtime = await openRuntime(config, logger);

listenAndAnnounce(createServer(createApp(runtime)), async () => {
  for (const { close } of runtime.closers) await close().catch(() => undefined);
  logger.flush();
  await rm(config.dataDir, { recursive: true, force: true }).catch(() => undefined);
});
