import type { Request } from 'express';
import { z } from 'zod';
import type { TPageMeta } from '@localkart/contracts/envelope';
import { AppError, ErrorCode } from '../../platform/errors';
import { callerOf } from '../auth/auth.guard';
import type { Actor } from './audit-log.service';

/** Rows to skip and take for a validated `page` and `limit`. */
export const pageOf = ({ page, limit }: { page: number; limit: number }) => ({
  limit,
  offset: (page - 1) * limit,
});

/** ERD §5.2 `meta` of one page. */
export const metaOf = (
  { page, limit }: { page: number; limit: number },
  total: number,
): TPageMeta => ({ page, limit, total, hasNext: page * limit < total });

/** The signed-in admin and the request id, for the audit log. */
export const actorOf = (req: Request): Actor => ({ ...callerOf(req), requestId: req.id });

/** A malformed id is as unknown as a missing one: 404. */
export const idParam = (req: Request, name = 'id'): string => {
  const parsed = z.uuid().safeParse(req.params[name]);
  if (!parsed.success) throw new AppError(ErrorCode.NOT_FOUND, 'Not found');
  return parsed.data;
};
