import type { Request, RequestHandler, Response } from 'express';
import { ipKeyGenerator } from 'express-rate-limit';
import type { Redis } from 'ioredis';
import type { Config } from '../../config';
import type { Logger } from '../logger';
import { ErrorCode } from '../errors';
import { memoryCounter, redisCounter, type WindowCount } from './rate-limit-counters';

type RateLimitDeps = {
  config: Pick<Config, 'RATE_LIMIT_WINDOW_MS' | 'RATE_LIMIT_MAX' | 'REDIS_PREFIX' | 'TRUST_PROXY'>;
  redis?: Redis;
  logger: Logger;
};

/**
 * The client's address as Express's `trust proxy` setting reads it; IPv6 clients are grouped by
 * /56 (one household or phone). Trusting no proxy, the address is the socket's: `req.ip` would
 * parse X-Forwarded-For on every request only to discard it.
 */
const clientIpKeyOf =
  (trustProxy: Config['TRUST_PROXY']) =>
  (req: Request): string => {
    const ip = (trustProxy === false ? undefined : req.ip) ?? req.socket.remoteAddress ?? '';
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

const tooManyRequests = {
  success: false,
  error: {
    code: ErrorCode.RATE_LIMIT_EXCEEDED,
    message: 'Too many requests, please try again later',
  },
} as const;

/**
 * Per-client-IP limit (ERD §6.3) in fixed windows, with the IETF draft-7 `RateLimit` and
 * `RateLimit-Policy` headers; over the limit, 429 in the envelope with `Retry-After`. Counters
 * live in Redis when configured, so all instances share them, and in this process otherwise.
 * A counter store outage lets requests through unlimited rather than taking the API down.
 */
export const createRateLimiter = (
  { config, redis, logger }: RateLimitDeps,
  {
    name,
    windowMs = config.RATE_LIMIT_WINDOW_MS,
    limit = config.RATE_LIMIT_MAX,
    keyOf,
    countFailuresOnly = false,
  }: LimiterOptions,
): RequestHandler => {
  const counter = redis
    ? redisCounter({ redis, prefix: `${config.REDIS_PREFIX}rl:${name}:`, windowMs, logger })
    : memoryCounter(windowMs);
  const policy = `${limit};w=${Math.ceil(windowMs / 1000)}`;
  const clientIpKey = clientIpKeyOf(config.TRUST_PROXY);

  /** A request that succeeds gives its hit back, once the response is out. */
  const uncountIfSucceeded = (res: Response, key: string, resetAt: number) => {
    res.once('finish', () => {
      if (res.statusCode >= 400 || Date.now() >= resetAt) return;
      void Promise.resolve(counter.decrement(key)).catch((error: unknown) =>
        logger.error({ err: error }, 'rate limit store failed to give back a hit'),
      );
    });
  };

  const decide = (
    res: Response,
    next: (error?: unknown) => void,
    key: string,
    { hits, resetAt }: WindowCount,
  ) => {
    const resetSeconds = Math.max(0, Math.ceil((resetAt - Date.now()) / 1000));
    res.setHeader('RateLimit-Policy', policy);
    res.setHeader(
      'RateLimit',
      `limit=${limit}, remaining=${Math.max(limit - hits, 0)}, reset=${resetSeconds}`,
    );
    if (countFailuresOnly) uncountIfSucceeded(res, key, resetAt);
    if (hits <= limit) {
      next();
      return;
    }
    res.setHeader('Retry-After', String(Math.max(1, resetSeconds)));
    res.status(429).json(tooManyRequests);
  };

  return (req, res, next) => {
    const key = keyOf?.(req) ?? clientIpKey(req);
    const counted = counter.increment(key);
    if (!(counted instanceof Promise)) {
      decide(res, next, key, counted);
      return;
    }
    return counted.then(
      (count) => decide(res, next, key, count),
      (error: unknown) => {
        logger.error({ err: error }, 'rate limit store failed; request allowed without a limit');
        next();
      },
    );
  };
};
