import type { Redis } from 'ioredis';
import type { Logger } from '../logger';
import { closeRedis } from '../redis-connection';
import type { Cache } from './cache';

export const createRedisCache = (redis: Redis, logger: Logger, prefix = 'lk:'): Cache => {
  const key = (name: string) => `${prefix}${name}`;
  const bypass =
    <T>(operation: string, fallback: T) =>
    (error: unknown) => {
      logger.debug({ err: error, operation }, 'cache bypassed');
      return fallback;
    };

  const getJson = async (name: string) =>
    (await redis.get(key(name)).catch(bypass('get', null))) ?? undefined;
  const setJson = async (name: string, json: string, ttlSeconds: number) => {
    await redis
      .set(key(name), json, 'EX', Math.max(1, Math.round(ttlSeconds)))
      .catch(bypass('set', null));
  };

  return {
    kind: 'redis',
    get: async <T>(name: string) => {
      const json = await getJson(name);
      return json === undefined ? undefined : (JSON.parse(json) as T);
    },
    set: (name, value, ttlSeconds) => setJson(name, JSON.stringify(value), ttlSeconds),
    getJson,
    setJson,
    delete: async (name) => {
      await redis.del(key(name)).catch(bypass('delete', 0));
    },
    increment: (name) =>
      redis.incr(key(name)).catch(bypass<number | undefined>('increment', undefined)),
    ping: async () => {
      await redis.ping();
    },
    close: async () => {
      await closeRedis(redis);
    },
  };
};
