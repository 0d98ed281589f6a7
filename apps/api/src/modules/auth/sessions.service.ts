import { randomUUID } from 'node:crypto';
import type { TAuthSession } from '@localkart/contracts/auth';
import type { Config } from '../../config';
import type { Db } from '../../db/client';
import { hashSecretToken, newSecretToken } from '../../platform/crypto/secret-tokens';
import { AppError, ErrorCode } from '../../platform/errors';
import type { TUserProfile } from '@localkart/contracts/users';
import { findUserById, updateUser, type UserRow } from '../users/users.repo';
import type { AccessTokens } from './access-tokens';
import {
  findRefreshTokenByHash,
  insertRefreshToken,
  markRefreshTokenUsed,
  revokeAllRefreshTokensOfUser,
  revokeRefreshToken,
  revokeRefreshTokenFamily,
} from './refresh-tokens.repo';

export type ClientInfo = { userAgent?: string | undefined; ip?: string | undefined };

type SessionsDeps = {
  db: Db;
  tokens: AccessTokens;
  config: Pick<Config, 'REFRESH_TOKEN_TTL_DAYS'>;
  toProfile: (row: UserRow) => TUserProfile;
};

const DAY_MS = 24 * 60 * 60 * 1000;
const refreshRefused = () =>
  new AppError(ErrorCode.AUTHENTICATION_ERROR, 'Your session is no longer valid; sign in again');

/**
 * Sign-in sessions: an access JWT plus an opaque refresh token that rotates on every use.
 * All tokens descending from one sign-in share a family and its absolute expiry; presenting an
 * already-used token means it was stolen or replayed, so the whole family is revoked.
 */
export const createSessions = ({ db, tokens, config, toProfile }: SessionsDeps) => {
  const issue = async (
    user: UserRow,
    client: ClientInfo,
    family: { id: string; expiresAt: Date },
  ): Promise<TAuthSession> => {
    const refreshToken = newSecretToken();
    await insertRefreshToken(db, {
      userId: user.id,
      familyId: family.id,
      tokenHash: hashSecretToken(refreshToken),
      expiresAt: family.expiresAt,
      userAgent: client.userAgent?.slice(0, 300) ?? null,
      ip: client.ip ?? null,
    });
    return {
      accessToken: await tokens.sign({ userId: user.id, email: user.email, role: user.role }),
      tokenType: 'Bearer',
      expiresIn: tokens.ttlSeconds,
      refreshToken,
      refreshTokenExpiresAt: family.expiresAt.toISOString(),
      user: toProfile(user),
    };
  };

  const start = (user: UserRow, client: ClientInfo) =>
    issue(user, client, {
      id: randomUUID(),
      expiresAt: new Date(Date.now() + config.REFRESH_TOKEN_TTL_DAYS * DAY_MS),
    });

  const rotate = async (refreshToken: string, client: ClientInfo): Promise<TAuthSession> => {
    const current = await findRefreshTokenByHash(db, hashSecretToken(refreshToken));
    if (!current || current.revokedAt) throw refreshRefused();
    if (current.usedAt || !(await markRefreshTokenUsed(db, current.id))) {
      // Reuse (or a concurrent second use): whoever holds the family's tokens is not trusted.
      await revokeRefreshTokenFamily(db, current.familyId);
      throw refreshRefused();
    }
    const user = await findUserById(db, current.userId);
    if (!user?.isActive) throw refreshRefused();
    return issue(user, client, { id: current.familyId, expiresAt: current.expiresAt });
  };

  const end = async (refreshToken: string): Promise<void> => {
    const current = await findRefreshTokenByHash(db, hashSecretToken(refreshToken));
    if (current) await revokeRefreshToken(db, current.id);
  };

  /** Ends every session of a user: refresh tokens revoked, access tokens refused from now. */
  const endAll = async (userId: string): Promise<void> => {
    await revokeAllRefreshTokensOfUser(db, userId);
    await updateUser(db, userId, { tokensValidAfter: new Date() });
  };

  return { start, rotate, end, endAll };
};

export type Sessions = ReturnType<typeof createSessions>;
