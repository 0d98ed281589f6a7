import { createHash } from 'node:crypto';
import type { RequestHandler, Response } from 'express';
import type { Db } from '../../db/client';
import { AppError, ErrorCode } from '../errors';
import type { Logger } from '../logger';
import {
  claimIdempotencyKey,
  completeIdempotencyKey,
  deleteExpiredIdempotencyKeys,
  deleteIdempotencyKey,
  findIdempotencyKey,
} from './idempotency.repo';

export const IDEMPOTENCY_TTL_SECONDS = 24 * 60 * 60;
/** A request still "in progress" after this long died with its process; its key is freed. */
const ABANDONED_AFTER_SECONDS = 120;
const CLEANUP_EVERY_MS = 60 * 60 * 1000;
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/** JSON with object keys sorted, so `{a,b}` and `{b,a}` hash alike. */
const canonicalJson = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, item]) => `${JSON.stringify(k)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
};

const invalidKey = () =>
  new AppError(ErrorCode.VALIDATION_ERROR, 'Invalid Idempotency-Key header', [
    {
      path: 'Idempotency-Key',
      message: 'must be 1–255 visible ASCII characters (a UUID is a good key)',
      code: 'invalid_format',
    },
  ]);

/**
 * `Idempotency-Key` as Stripe defines it, for routes behind `requireAuth`. Keys are scoped to the
 * user and to method + path, kept 24 h:
 * - the same key and body again → the first response (status and body), with `Idempotent-Replayed: true`;
 * - the same key with another body → 409 CONFLICT;
 * - the same key while the first request still runs → 409 CONFLICT with `Retry-After: 1`
 *   (we answer at once rather than hold a connection; the client retries and gets the replay);
 * - a first response of 5xx is not kept, so a retry runs again.
 * Without the header a request runs as usual. Expired rows are ignored and deleted.
 */
export const createIdempotency = ({ db, logger }: { db: Db; logger: Logger }) => {
  let lastCleanup = 0;
  const cleanUpNowAndThen = () => {
    if (Date.now() - lastCleanup < CLEANUP_EVERY_MS) return;
    lastCleanup = Date.now();
    deleteExpiredIdempotencyKeys(db).catch((error: unknown) =>
      logger.warn({ err: error }, 'could not delete expired idempotency keys'),
    );
  };

  const keepResponse = (res: Response, id: { userId: string; scope: string; key: string }) => {
    const send = res.json.bind(res);
    res.json = (body: unknown) => {
      const responseStatus = res.statusCode;
      const saved =
        responseStatus >= 500
          ? deleteIdempotencyKey(db, id)
          : completeIdempotencyKey(db, { ...id, responseStatus, responseBody: body });
      saved
        .catch((error: unknown) =>
          logger.warn({ err: error }, 'could not save idempotent response'),
        )
        .finally(() => send(body));
      return res;
    };
  };

  const idempotent: RequestHandler = async (req, res, next) => {
    const key = req.get('Idempotency-Key');
    if (key === undefined) return next();
    if (!KEY_PATTERN.test(key)) throw invalidKey();
    const userId = req.auth?.userId;
    if (!userId) throw new AppError(ErrorCode.AUTHENTICATION_ERROR, 'Sign in to continue');
    const id = { userId, scope: `${req.method} ${req.baseUrl}${req.path}`, key };
    const requestHash = createHash('sha256')
      .update(canonicalJson({ body: req.body as unknown, query: req.query }))
      .digest('hex');
    cleanUpNowAndThen();

    for (let attempt = 0; attempt < 3; attempt += 1) {
      if (
        await claimIdempotencyKey(db, { ...id, requestHash, ttlSeconds: IDEMPOTENCY_TTL_SECONDS })
      ) {
        keepResponse(res, id);
        return next();
      }
      const existing = await findIdempotencyKey(db, id);
      if (!existing) continue;
      const abandoned =
        existing.status === 'in_progress' && existing.ageSeconds > ABANDONED_AFTER_SECONDS;
      if (existing.expired || abandoned) {
        await deleteIdempotencyKey(db, id);
        continue;
      }
      if (existing.requestHash !== requestHash) {
        throw new AppError(
          ErrorCode.CONFLICT,
          'This Idempotency-Key was already used with a different request',
        );
      }
      if (existing.status === 'in_progress') {
        res.setHeader('Retry-After', '1');
        throw new AppError(
          ErrorCode.CONFLICT,
          'A request with this Idempotency-Key is still in progress; retry shortly',
        );
      }
      res.setHeader('Idempotent-Replayed', 'true');
      res.status(existing.responseStatus ?? 200).json(existing.responseBody);
      return;
    }
    throw new AppError(ErrorCode.CONFLICT, 'This Idempotency-Key is busy; retry shortly');
  };
  return idempotent;
};

export type Idempotency = ReturnType<typeof createIdempotency>;
