import type { Redis } from 'ioredis';
import type { Logger } from '../logger';
import type { Cache } from './cache';

export const createRedisCache = (redis: Redis, logger: Logger, prefix = 'lk:'): Cache => {
  const key = (name: string) => `${prefix}${name}`;
  const bypass =
    <T>(operation: string, fallback: T) =>
    (error: unknown) => {
      logger.debug({ err: error, operation }, 'cache bypassed');
      return fallback;
    };

  return {
    kind: 'redis',
    get: async <T>(name: string) => {
      const json = await redis.get(key(name)).catch(bypass('get', null));
      return json === null ? undefined : (JSON.parse(json) as T);
    },
    set: async (name, value, ttlSeconds) => {
      await redis
        .set(key(name), JSON.stringify(value), 'EX', Math.max(1, Math.round(ttlSeconds)))
        .catch(bypass('set', null));
    },
    delete: async (name) => {
      await redis.del(key(name)).catch(bypass('delete', 0));
    },
    increment: (name) =>
      redis.incr(key(name)).catch(bypass<number | undefined>('increment', undefined)),
    ping: async () => {
      await redis.ping();
    },
    close: async () => {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
};
