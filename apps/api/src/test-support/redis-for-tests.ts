import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { createLogger } from '../platform/logger';
import { createRedisConnection, waitForRedis } from '../platform/redis-connection';

export const quietLogger = createLogger({ LOG_LEVEL: 'silent' });

/** A connected Redis client (throws if Redis is not reachable) and a key prefix of its own. */
export const connectTestRedis = async (
  url: string,
  options: { name?: string; queueWhileOffline?: boolean } = {},
): Promise<Redis> => {
  const redis = createRedisConnection(url, quietLogger, {
    name: options.name ?? 'test',
    ...options,
  });
  if (!(await waitForRedis(redis, 5000))) throw new Error(`Redis at ${url} is not reachable`);
  return redis;
};

export const uniquePrefix = () => `lkt:${randomUUID().slice(0, 8)}:`;
