import { randomUUID } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';
import { LRUCache } from 'lru-cache';
import type { TAccessTokenPayload } from '@localkart/contracts/auth';
import type { Config } from '../../config';

const ALGORITHM = 'HS256';
/** RFC 9068 media type: an access token can never be mistaken for another kind of JWT. */
const TOKEN_TYPE = 'at+jwt';
export const TOKEN_AUDIENCE = 'localkart-api';
/**
 * Tokens whose signature and claims were already checked, so a client's next requests with the
 * same token skip the HMAC (jose's goes through WebCrypto: about a tenth of a booking's CPU).
 * Bounded; an entry is never used past the token's `exp`.
 */
const VERIFIED_TOKENS_MAX = 10_000;

export type AccessTokenSubject = Pick<TAccessTokenPayload, 'userId' | 'email' | 'role'>;

export class InvalidAccessTokenError extends Error {
  constructor(readonly reason: 'expired' | 'invalid') {
    super(reason === 'expired' ? 'Access token has expired' : 'Access token is invalid');
  }
}

/** Short-lived access JWTs (ERD §6.1), HS256 only, with issuer, audience and type pinned. */
export const createAccessTokens = (
  config: Pick<Config, 'JWT_SECRET' | 'APP_URL' | 'ACCESS_TOKEN_TTL_SECONDS'>,
) => {
  const secret = new TextEncoder().encode(config.JWT_SECRET);
  const issuer = config.APP_URL;

  const sign = (subject: AccessTokenSubject): Promise<string> => {
    // `iat` to the millisecond (RFC 7519 allows a non-integer NumericDate): with whole seconds,
    // the guard could not tell a token signed just before a password reset from one signed just
    // after it in the same second, and the older one would outlive the reset.
    const issuedAt = Date.now() / 1000;
    return new SignJWT({ userId: subject.userId, email: subject.email, role: subject.role })
      .setProtectedHeader({ alg: ALGORITHM, typ: TOKEN_TYPE })
      .setSubject(subject.userId)
      .setIssuer(issuer)
      .setAudience(TOKEN_AUDIENCE)
      .setJti(randomUUID())
      .setIssuedAt(issuedAt)
      .setExpirationTime(Math.floor(issuedAt) + config.ACCESS_TOKEN_TTL_SECONDS)
      .sign(secret);
  };

  const verified = new LRUCache<string, TAccessTokenPayload>({ max: VERIFIED_TOKENS_MAX });

  const verify = async (token: string): Promise<TAccessTokenPayload> => {
    const known = verified.get(token);
    if (known) {
      if (known.exp * 1000 > Date.now()) return known;
      verified.delete(token);
      throw new InvalidAccessTokenError('expired');
    }
    const payload = await verifySignatureAndClaims(token);
    verified.set(token, payload);
    return payload;
  };

  const verifySignatureAndClaims = async (token: string): Promise<TAccessTokenPayload> => {
    try {
      const { payload } = await jwtVerify(token, secret, {
        algorithms: [ALGORITHM],
        issuer,
        audience: TOKEN_AUDIENCE,
        typ: TOKEN_TYPE,
        requiredClaims: ['sub', 'exp', 'iat', 'jti'],
      });
      const { userId, email, role, iat, exp } = payload as Partial<TAccessTokenPayload>;
      if (
        typeof userId !== 'string' ||
        userId !== payload.sub ||
        typeof email !== 'string' ||
        (role !== 'customer' && role !== 'provider' && role !== 'admin')
      ) {
        throw new InvalidAccessTokenError('invalid');
      }
      return { userId, email, role, iat: iat!, exp: exp! };
    } catch (error) {
      if (error instanceof InvalidAccessTokenError) throw error;
      throw new InvalidAccessTokenError(error instanceof errors.JWTExpired ? 'expired' : 'invalid');
    }
  };

  return { sign, verify, ttlSeconds: config.ACCESS_TOKEN_TTL_SECONDS };
};

export type AccessTokens = ReturnType<typeof createAccessTokens>;
