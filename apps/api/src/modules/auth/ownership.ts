import { AppError, ErrorCode } from '../../platform/errors';
import type { AuthenticatedUser } from './auth.guard';

/**
 * Object-level access (SECURITY.md): an object belongs to the users listed and to admins. Anyone
 * else gets the same 404 as for an id that does not exist, so ids cannot be probed.
 */
export const assertCanAccess = (
  caller: AuthenticatedUser,
  owners: readonly (string | null | undefined)[],
  what = 'Not found',
): void => {
  if (caller.role === 'admin' || owners.includes(caller.userId)) return;
  throw new AppError(ErrorCode.NOT_FOUND, what);
};
