import type { Redis } from 'ioredis';
import type { Logger } from '../../platform/logger';

/**
 * Who has a socket open, for "online / last seen" and to tell which new messages need a
 * notification (those whose receiver is offline). Each process reports its own sockets; with Redis every process sees all of them.
 */
export type Presence = {
  connected(userId: string, socketId: string): Promise<void>;
  /** Returns true when that was the user's last socket anywhere. */
  disconnected(userId: string, socketId: string): Promise<boolean>;
  /** Re-announces this process's sockets, so those of a crashed process expire. */
  refresh(sockets: { userId: string; socketId: string }[]): Promise<void>;
  isOnline(userId: string): Promise<boolean>;
  lastSeen(userId: string): Promise<Date | null>;
};

/** How long a socket counts as present without a refresh (refreshed every third of that). */
export const PRESENCE_TTL_MS = 90_000;

export const createMemoryPresence = (): Presence => {
  const sockets = new Map<string, Set<string>>();
  const seen = new Map<string, Date>();
  return {
    connected: (userId, socketId) => {
      const set = sockets.get(userId) ?? new Set();
      set.add(socketId);
      sockets.set(userId, set);
      return Promise.resolve();
    },
    disconnected: (userId, socketId) => {
      const set = sockets.get(userId);
      set?.delete(socketId);
      seen.set(userId, new Date());
      if (set && set.size > 0) return Promise.resolve(false);
      sockets.delete(userId);
      return Promise.resolve(true);
    },
    refresh: () => Promise.resolve(),
    isOnline: (userId) => Promise.resolve((sockets.get(userId)?.size ?? 0) > 0),
    lastSeen: (userId) => Promise.resolve(seen.get(userId) ?? null),
  };
};

/**
 * A hash per user (`presence:<user>`): socket id → the instant it stops counting. A process that
 * dies leaves entries that simply run out. Redis failures count as "offline", never as errors:
 * presence is a hint, and a message must still be stored and delivered without it.
 */
export const createRedisPresence = (redis: Redis, prefix: string, logger: Logger): Presence => {
  const key = (userId: string) => `${prefix}presence:${userId}`;
  const seenKey = (userId: string) => `${prefix}last-seen:${userId}`;
  const ttlSeconds = Math.ceil((PRESENCE_TTL_MS * 2) / 1000);
  const soft = async <T>(what: string, fallback: T, work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      logger.warn({ err: error }, `presence ${what} failed`);
      return fallback;
    }
  };
  const liveCount = async (userId: string) => {
    const entries = await redis.hgetall(key(userId));
    const now = Date.now();
    return Object.values(entries).filter((until) => Number(until) > now).length;
  };
  const announce = (userId: string, socketId: string) =>
    redis
      .multi()
      .hset(key(userId), socketId, String(Date.now() + PRESENCE_TTL_MS))
      .expire(key(userId), ttlSeconds);
  return {
    connected: (userId, socketId) =>
      soft('update', undefined, async () => {
        await announce(userId, socketId).exec();
      }),
    disconnected: (userId, socketId) =>
      soft('update', true, async () => {
        await redis
          .multi()
          .hdel(key(userId), socketId)
          .set(seenKey(userId), new Date().toISOString(), 'EX', 30 * 86_400)
          .exec();
        return (await liveCount(userId)) === 0;
      }),
    refresh: (sockets) =>
      soft('refresh', undefined, async () => {
        if (sockets.length === 0) return;
        const batch = redis.multi();
        for (const { userId, socketId } of sockets) {
          batch
            .hset(key(userId), socketId, String(Date.now() + PRESENCE_TTL_MS))
            .expire(key(userId), ttlSeconds);
        }
        await batch.exec();
      }),
    isOnline: (userId) => soft('read', false, async () => (await liveCount(userId)) > 0),
    lastSeen: (userId) =>
      soft('read', null, async () => {
        const value = await redis.get(seenKey(userId));
        return value ? new Date(value) : null;
      }),
  };
};

/** Shared through Redis when the app has it, else this process's sockets only. */
export const createPresence = ({
  redis,
  config,
  logger,
}: {
  redis?: Redis | undefined;
  config: { REDIS_PREFIX: string };
  logger: Logger;
}): Presence =>
  redis ? createRedisPresence(redis, config.REDIS_PREFIX, logger) : createMemoryPresence();
