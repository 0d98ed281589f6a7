import type { Options } from 'express-rate-limit';
import type { Redis } from 'ioredis';
import { RedisStore, type RedisReply } from 'rate-limit-redis';
import type { Logger } from '../logger';

/** A client's hits in the current window, and when (epoch ms) that window ends. */
export type WindowCount = { hits: number; resetAt: number };

/**
 * Fixed-window hit counters. The in-process one answers synchronously, so a request pays no
 * promise for it; the Redis one answers with a promise.
 */
export type RateCounter = {
  increment: (key: string) => WindowCount | Promise<WindowCount>;
  decrement: (key: string) => void | Promise<void>;
};

/** Counters for one process: each client's window starts at its first hit. */
export const memoryCounter = (windowMs: number): RateCounter => {
  const windows = new Map<string, WindowCount>();
  // Forget windows that have ended, so the map holds only clients seen in the last window.
  setInterval(() => {
    const now = Date.now();
    for (const [key, window] of windows) if (window.resetAt <= now) windows.delete(key);
  }, windowMs).unref();
  return {
    increment: (key) => {
      const now = Date.now();
      let window = windows.get(key);
      if (window === undefined || window.resetAt <= now) {
        window = { hits: 0, resetAt: now + windowMs };
        windows.set(key, window);
      }
      window.hits += 1;
      return window;
    },
    decrement: (key) => {
      const window = windows.get(key);
      if (window !== undefined && window.hits > 0 && window.resetAt > Date.now()) window.hits -= 1;
    },
  };
};

/**
 * RedisStore loads its Lua scripts in `init`; while Redis is down that rejects, and an
 * unhandled rejection would take the process down. RedisStore itself only reloads a script on
 * NOSCRIPT and would keep failing on the rejected load, so each use retries a load that failed.
 */
class ResilientRedisStore extends RedisStore {
  constructor(
    redis: Redis,
    prefix: string,
    private readonly logger: Logger,
  ) {
    super({
      prefix,
      sendCommand: (command: string, ...args: string[]) =>
        redis.call(command, ...args) as Promise<RedisReply>,
    });
  }

  override async init(options: Options): Promise<void> {
    try {
      await super.init(options);
    } catch (error) {
      this.logger.warn({ err: error }, 'rate limit store not ready; will retry on use');
    }
  }

  override increment(key: string) {
    this.incrementScriptSha = this.incrementScriptSha.catch(() => this.loadIncrementScript());
    return super.increment(key);
  }

  override get(key: string) {
    this.getScriptSha = this.getScriptSha.catch(() => this.loadGetScript());
    return super.get(key);
  }
}

/** Counters shared by every instance: one atomic Lua script per hit (rate-limit-redis). */
export const redisCounter = ({
  redis,
  prefix,
  windowMs,
  logger,
}: {
  redis: Redis;
  prefix: string;
  windowMs: number;
  logger: Logger;
}): RateCounter => {
  const store = new ResilientRedisStore(redis, prefix, logger);
  // `init` reads only `windowMs` from the express-rate-limit options it was written for.
  void store.init({ windowMs } as Options);
  return {
    increment: async (key) => {
      const { totalHits, resetTime } = await store.increment(key);
      return { hits: totalHits, resetAt: resetTime?.getTime() ?? Date.now() + windowMs };
    },
    decrement: (key) => store.decrement(key),
  };
};
