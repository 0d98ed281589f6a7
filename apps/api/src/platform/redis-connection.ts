import { Redis } from 'ioredis';
import type { Logger } from './logger';

/**
 * An ioredis connection that fails fast instead of queueing commands for seconds while Redis is
 * down, and keeps reconnecting in the background so service resumes by itself.
 */
export const createRedisConnection = (
  url: string,
  logger: Logger,
  { name, queueWhileOffline = false }: { name: string; queueWhileOffline?: boolean },
): Redis => {
  const redis = new Redis(url, {
    connectionName: `localkart-${name}`,
    enableOfflineQueue: queueWhileOffline,
    maxRetriesPerRequest: queueWhileOffline ? null : 0,
    connectTimeout: 2000,
    // A connection that queues while offline (subscribers) waits for Redis to come back; a
    // timeout would reject its queued SUBSCRIBEs, unhandled inside libraries such as the
    // Socket.io adapter.
    ...(queueWhileOffline ? {} : { commandTimeout: 2000 }),
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
  });
  let lastError = '';
  redis.on('error', (error: Error) => {
    // ioredis repeats the same error on every reconnect attempt; log each new one once.
    if (error.message === lastError) return;
    lastError = error.message;
    logger.warn({ err: error, connection: name }, 'redis connection error');
  });
  redis.on('ready', () => {
    if (lastError) logger.info({ connection: name }, 'redis connection restored');
    lastError = '';
  });
  return redis;
};

/** Waits up to `timeoutMs` for the first connection; never throws (Redis is optional at start). */
export const waitForRedis = (redis: Redis, timeoutMs: number): Promise<boolean> => {
  if (redis.status === 'ready') return Promise.resolve(true);
  return new Promise((resolve) => {
    const done = (ready: boolean) => {
      clearTimeout(timer);
      redis.off('ready', onReady);
      resolve(ready);
    };
    const onReady = () => done(true);
    const timer = setTimeout(() => done(false), timeoutMs);
    redis.once('ready', onReady);
  });
};
