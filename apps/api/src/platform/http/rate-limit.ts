import type { Request } from 'express';
import { ipKeyGenerator, rateLimit, type Options, type Store } from 'express-rate-limit';
import type { Redis } from 'ioredis';
import { RedisStore, type RedisReply } from 'rate-limit-redis';
import type { Config } from '../../config';
import type { Logger } from '../logger';
import { ErrorCode } from '../errors';

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

type RateLimitDeps = {
  config: Pick<Config, 'RATE_LIMIT_WINDOW_MS' | 'RATE_LIMIT_MAX' | 'REDIS_PREFIX'>;
  redis?: Redis;
  logger: Logger;
};

/** Per-client-IP limit (ERD §6.3); counters in Redis when configured, so all instances share them. */
/** IPv6 clients are grouped by /56 (one household or phone); IPv4 needs no work. */
const clientIpKey = (req: Request): string => {
  const ip = req.ip ?? req.socket.remoteAddress ?? '';
  return ip.includes(':') ? ipKeyGenerator(ip) : ip;
};

type LimiterOptions = {
  name: string;
  windowMs?: number;
  limit?: number;
  /** Per account instead of per IP, for example; returning undefined falls back to the IP. */
  keyOf?: (req: Request) => string | undefined;
  /** Count only failed requests (status >= 400), e.g. so a user's own sign-ins never lock them out. */
  countFailuresOnly?: boolean;
};

export const createRateLimiter = (
  { config, redis, logger }: RateLimitDeps,
  {
    name,
    windowMs = config.RATE_LIMIT_WINDOW_MS,
    limit = config.RATE_LIMIT_MAX,
    keyOf,
    countFailuresOnly = false,
  }: LimiterOptions,
) => {
  const store: Store | undefined = redis
    ? new ResilientRedisStore(redis, `${config.REDIS_PREFIX}rl:${name}:`, logger)
    : undefined;
  return rateLimit({
    windowMs,
    limit,
    // draft-8 hashes a partition key per response; draft-7 carries the same numbers.
    standardHeaders: 'draft-7',
    keyGenerator: (req) => keyOf?.(req) ?? clientIpKey(req),
    skipSuccessfulRequests: countFailuresOnly,
    legacyHeaders: false,
    // A rate-limit store outage must not take the API down with it.
    passOnStoreError: true,
    // Its default logger writes multi-line stacks to the console on every request of an outage.
    logger: {
      error: (error, message) => logger.error({ err: error }, message),
      warn: (error, message) => logger.warn({ err: error }, message),
    },
    ...(store ? { store } : {}),
    handler: (req, res) => {
      const resetTime = (req as Request & { rateLimit?: { resetTime?: Date } }).rateLimit
        ?.resetTime;
      const seconds = resetTime
        ? Math.ceil((resetTime.getTime() - Date.now()) / 1000)
        : windowMs / 1000;
      res.setHeader('Retry-After', String(Math.max(1, seconds)));
      res.status(429).json({
        success: false,
        error: {
          code: ErrorCode.RATE_LIMIT_EXCEEDED,
          message: 'Too many requests, please try again later',
        },
      });
    },
  });
};
