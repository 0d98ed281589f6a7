import { Redis } from 'ioredis';
import type { Logger } from './logger';
import { settleWithin } from './timing';

/** Reconnect attempts come quickly at first, then every 2 s, so service resumes soon after Redis is back. */
export const redisReconnectDelay = (attempt: number): number => Math.min(attempt * 200, 2000);

const QUIT_TIMEOUT_MS = 2000;

/**
 * QUIT waits for Redis to answer, and on a connection that queues while offline it waits for Redis
 * to come back at all; shutting down must not, so after a short wait the socket is just dropped.
 */
export const closeRedis = async (redis: Redis): Promise<void> => {
  const quit = await settleWithin(redis.quit(), QUIT_TIMEOUT_MS);
  if (quit !== 'done') redis.disconnect();
};

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
    retryStrategy: redisReconnectDelay,
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
