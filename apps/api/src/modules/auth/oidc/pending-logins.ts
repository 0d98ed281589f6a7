import { z } from 'zod';
import type { Cache } from '../../../platform/cache/cache';
import { hashSecretToken, newSecretToken } from '../../../platform/crypto/secret-tokens';

/** How long a browser has to come back from the provider. */
export const PENDING_LOGIN_TTL_SECONDS = 10 * 60;

const ZPendingLogin = z.object({
  state: z.string().min(1),
  nonce: z.string().min(1),
  codeVerifier: z.string().min(43),
  returnTo: z.string().nullable(),
});

export type PendingLogin = z.infer<typeof ZPendingLogin>;

/** The shape of `newSecretToken()`: 32 random bytes, base64url. */
const loginIdPattern = /^[\w-]{43}$/;

/**
 * Sign-ins that went to the provider and have not come back yet: state, nonce, PKCE verifier
 * and where to go afterwards, kept server-side under a random id that only the browser's
 * short-lived cookie holds.
 *
 * Why the cache and not a signed cookie or a table: a cookie carrying the values could be
 * replayed for its whole lifetime, so it cannot be single-use; a table would need a migration
 * and a clean-up job. The cache is Redis whenever REDIS_URL is set, which every instance of a
 * multi-instance deployment shares, and its TTL deletes an abandoned sign-in after 10 minutes
 * with no clean-up. (Without Redis the cache is in-process, which is only right for a single
 * instance; so are the rate limits then.) Keys are SHA-256 hashes of the ids, so a dump of the
 * cache does not hold usable cookie values.
 *
 * The cache never throws: when Redis is down a save is lost and `take` finds nothing, so the
 * sign-in fails closed (the callback refuses it) rather than skipping the checks.
 */
export const createPendingLogins = (cache: Cache) => {
  const keyOf = (loginId: string) => `oidc:login:${hashSecretToken(loginId)}`;

  const save = async (login: PendingLogin): Promise<string> => {
    const loginId = newSecretToken();
    await cache.set(keyOf(loginId), login, PENDING_LOGIN_TTL_SECONDS);
    return loginId;
  };

  /**
   * Returns the pending sign-in once: the first caller wins, every later (or concurrent) caller
   * gets `undefined`. A get-then-delete alone would let two concurrent callbacks both read it,
   * so the winner is whoever first moves an atomic counter (Redis INCR) from 0 to 1; the counter
   * then gets the same 10-minute lifetime, outliving the entry it guards.
   */
  const take = async (loginId: string | undefined): Promise<PendingLogin | undefined> => {
    if (!loginId || !loginIdPattern.test(loginId)) return undefined;
    const key = keyOf(loginId);
    const stored = await cache.get<unknown>(key);
    if (stored === undefined) return undefined;
    const claimKey = `${key}:taken`;
    const claims = await cache.increment(claimKey);
    if (claims !== undefined) await cache.set(claimKey, claims, PENDING_LOGIN_TTL_SECONDS);
    await cache.delete(key);
    if (claims !== 1) return undefined;
    const parsed = ZPendingLogin.safeParse(stored);
    return parsed.success ? parsed.data : undefined;
  };

  return { save, take };
};

export type PendingLogins = ReturnType<typeof createPendingLogins>;
