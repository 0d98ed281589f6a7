import type { RequestHandler } from 'express';
import type { TAccessTokenPayload } from '@localkart/contracts/auth';
import type { Db } from '../../db/client';
import { AppError, ErrorCode } from '../../platform/errors';
import { findUserAccess, findUsersAccess } from '../users/users.repo';
import { InvalidAccessTokenError, type AccessTokens } from './access-tokens';

export type AuthenticatedUser = Pick<TAccessTokenPayload, 'userId' | 'email' | 'role'>;
type Role = AuthenticatedUser['role'];

declare module 'express-serve-static-core' {
  interface Request {
    /** Set by `requireAuth`: who is calling, as of this request. */
    auth?: AuthenticatedUser;
  }
}

export const bearerTokenOf = (header: string | undefined): string | undefined => {
  const match = /^Bearer ([\w-]+\.[\w-]+\.[\w-]*)$/.exec(header ?? '');
  return match?.[1];
};

/**
 * `requireAuth` accepts a valid access token of a user who is still active and whose sessions
 * were not ended after the token was issued; the user's current role, not the token's, counts.
 * `requireRole` then refuses other roles with 403.
 */
export const createAuthGuard = ({ tokens, db }: { tokens: AccessTokens; db: Db }) => {
  /** Whether the user is still active and their sessions were not ended after `issuedAtMs`. */
  const stillValid = async (userId: string, issuedAtMs: number) => {
    const user = await findUserAccess(db, userId);
    // Compared to the millisecond: a token from the same second as a session end may be older.
    if (!user || !user.isActive || issuedAtMs < user.tokensValidAfter.getTime()) return undefined;
    return user;
  };

  /** Of `userIds`, those still active, by id, with when their sessions were last ended. */
  const activeUsers = async (userIds: string[]) =>
    new Map(
      (await findUsersAccess(db, userIds))
        .filter((user) => user.isActive)
        .map((user) => [user.id, user]),
    );

  /**
   * The checks of `requireAuth`, for any transport (Socket.io handshakes use them too): the
   * caller as of now, and when the token was issued and expires, for later re-checks.
   */
  const authenticate = async (token: string) => {
    let payload: TAccessTokenPayload;
    try {
      payload = await tokens.verify(token);
    } catch (error) {
      const expired = error instanceof InvalidAccessTokenError && error.reason === 'expired';
      throw new AppError(
        ErrorCode.AUTHENTICATION_ERROR,
        expired ? 'Your session has expired' : 'Invalid access token',
      );
    }
    const issuedAtMs = Math.round(payload.iat * 1000);
    const user = await stillValid(payload.userId, issuedAtMs);
    if (!user) {
      throw new AppError(ErrorCode.AUTHENTICATION_ERROR, 'Your session has ended; sign in again');
    }
    const caller: AuthenticatedUser = { userId: user.id, email: user.email, role: user.role };
    return { caller, issuedAtMs, expiresAtMs: payload.exp * 1000 };
  };

  const requireAuth: RequestHandler = async (req, _res, next) => {
    const token = bearerTokenOf(req.headers.authorization);
    if (!token) throw new AppError(ErrorCode.AUTHENTICATION_ERROR, 'Sign in to continue');
    req.auth = (await authenticate(token)).caller;
    next();
  };

  const requireRole =
    (...roles: Role[]): RequestHandler =>
    (req, _res, next) => {
      if (!req.auth) throw new AppError(ErrorCode.AUTHENTICATION_ERROR, 'Sign in to continue');
      if (!roles.includes(req.auth.role)) {
        throw new AppError(ErrorCode.AUTHORIZATION_ERROR, 'You do not have access to this');
      }
      next();
    };

  return { requireAuth, requireRole, authenticate, activeUsers };
};

export type AuthGuard = ReturnType<typeof createAuthGuard>;

/** The caller set by `requireAuth`; a route that reads it without the guard is a bug. */
export const callerOf = (req: { auth?: AuthenticatedUser }): AuthenticatedUser => {
  if (!req.auth) throw new AppError(ErrorCode.AUTHENTICATION_ERROR, 'Sign in to continue');
  return req.auth;
};
