import * as openid from 'openid-client';
import type { TAuthSession } from '@localkart/contracts/auth';
import { inTransaction, type Db } from '../../../db/client';
import { isUniqueViolation } from '../../../db/constraint-errors';
import {
  findUserByEmail,
  findUserById,
  insertUser,
  updateUser,
  type UserRow,
} from '../../users/users.repo';
import { revokeAllRefreshTokensOfUser } from '../refresh-tokens.repo';
import type { ClientInfo, Sessions } from '../sessions.service';
import type { OidcClient } from './oidc-client';
import { identityFromClaims, type OidcIdentity } from './oidc-identity';
import { findOAuthIdentity, insertOAuthIdentity } from './oidc.repo';
import type { PendingLogins } from './pending-logins';

const SCOPE = 'openid email profile';

export type OidcFailureReason =
  /** The provider's discovery document could not be fetched or was invalid. */
  | 'discovery_failed'
  /** No pending sign-in for this browser: missing, tampered, expired or already used. */
  | 'unknown_login'
  /** The provider answered with `error=` (consent denied, for one). */
  | 'provider_error'
  /** State, code exchange or ID token validation failed. */
  | 'exchange_failed'
  /** No link yet and no e-mail the provider vouches for: linking or creating would be a takeover. */
  | 'email_not_verified'
  | 'account_deactivated';

/** A sign-in refused for a known reason; the route logs the reason and sends the browser back. */
export class OidcSignInError extends Error {
  constructor(
    readonly reason: OidcFailureReason,
    /** Safe to log: never a token, code or claim value. */
    readonly detail?: Record<string, string | undefined>,
  ) {
    super(`OpenID Connect sign-in refused: ${reason}`);
    this.name = 'OidcSignInError';
  }
}

/** How the account was found: by its link, by linking it now, or by creating it now. */
export type OidcSignInOutcome = 'linked_identity' | 'linked_now' | 'created';

/** A short, loggable description of an openid-client error, without its `cause` (claims, bodies). */
const describeError = (error: unknown): Record<string, string | undefined> => {
  if (!(error instanceof Error)) return { error: 'unknown' };
  const { code, error: oauthError } = error as { code?: unknown; error?: unknown };
  return {
    name: error.name,
    message: error.message.slice(0, 200),
    code: typeof code === 'string' ? code : undefined,
    oauthError: typeof oauthError === 'string' ? oauthError : undefined,
  };
};

type OidcServiceDeps = {
  db: Db;
  client: OidcClient;
  pendingLogins: PendingLogins;
  sessions: Sessions;
};

/**
 * Sign-in through an OpenID Connect provider: authorization code flow with PKCE, state and nonce.
 * A provider account is matched by its link (`iss`, `sub`); failing that, by an e-mail address
 * the provider marks verified, which links it to the existing LocalKart account or creates a
 * customer account. Without a verified address nothing is linked or created.
 */
export const createOidcService = ({ db, client, pendingLogins, sessions }: OidcServiceDeps) => {
  /** Where to send the browser, and the id of the pending sign-in for its cookie. */
  const beginSignIn = async (returnTo: string | undefined) => {
    let configuration: openid.Configuration;
    try {
      configuration = await client.configuration();
    } catch (error) {
      throw new OidcSignInError('discovery_failed', describeError(error));
    }
    const codeVerifier = openid.randomPKCECodeVerifier();
    const state = openid.randomState();
    const nonce = openid.randomNonce();
    const loginId = await pendingLogins.save({
      state,
      nonce,
      codeVerifier,
      returnTo: returnTo ?? null,
    });
    const authorizationUrl = openid.buildAuthorizationUrl(configuration, {
      redirect_uri: client.redirectUri,
      scope: SCOPE,
      code_challenge: await openid.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { loginId, authorizationUrl };
  };

  /**
   * An account the provider proves this person owns the e-mail of, but that was never verified
   * here: whoever registered it (possibly not this person: "pre-account hijacking") loses the
   * password and every session before it is linked; the owner can set a password by reset.
   */
  const claimUnverifiedAccount = async (tx: Db, user: UserRow): Promise<UserRow> => {
    await revokeAllRefreshTokensOfUser(tx, user.id);
    const claimed = await updateUser(tx, user.id, {
      isVerified: true,
      passwordHash: null,
      tokensValidAfter: new Date(),
    });
    return claimed ?? user;
  };

  const linkOrCreate = async (
    identity: OidcIdentity & { verifiedEmail: string },
  ): Promise<{ user: UserRow; outcome: OidcSignInOutcome }> =>
    inTransaction(db, async (tx) => {
      const existing = await findUserByEmail(tx, identity.verifiedEmail);
      if (existing && !existing.isActive) throw new OidcSignInError('account_deactivated');
      const user = existing
        ? existing.isVerified
          ? existing
          : await claimUnverifiedAccount(tx, existing)
        : await insertUser(tx, {
            email: identity.verifiedEmail,
            passwordHash: null,
            role: 'customer',
            firstName: identity.firstName,
            lastName: identity.lastName,
            language: identity.language,
            isVerified: true,
          });
      await insertOAuthIdentity(tx, {
        userId: user.id,
        issuer: identity.issuer,
        subject: identity.subject,
      });
      return { user, outcome: existing ? 'linked_now' : 'created' };
    });

  const resolveUser = async (
    identity: OidcIdentity,
    { retried = false } = {},
  ): Promise<{ user: UserRow; outcome: OidcSignInOutcome }> => {
    const link = await findOAuthIdentity(db, identity);
    const linkedUser = link ? await findUserById(db, link.userId) : undefined;
    if (linkedUser) return { user: linkedUser, outcome: 'linked_identity' };
    const { verifiedEmail } = identity;
    if (!verifiedEmail) throw new OidcSignInError('email_not_verified');
    try {
      return await linkOrCreate({ ...identity, verifiedEmail });
    } catch (error) {
      // A concurrent first sign-in of the same person created the user or the link first.
      if (isUniqueViolation(error) && !retried) return resolveUser(identity, { retried: true });
      throw error;
    }
  };

  /**
   * Completes a sign-in from the provider's redirect. `callbackUrl` is the redirect URI with the
   * query the browser brought. The pending sign-in is used up whatever happens next.
   */
  const completeSignIn = async ({
    loginId,
    callbackUrl,
    client: clientInfo,
  }: {
    loginId: string | undefined;
    callbackUrl: URL;
    client: ClientInfo;
  }): Promise<{
    session: TAuthSession;
    returnTo: string | undefined;
    outcome: OidcSignInOutcome;
  }> => {
    const pending = await pendingLogins.take(loginId);
    if (!pending) throw new OidcSignInError('unknown_login');
    const providerError = callbackUrl.searchParams.get('error');
    if (providerError !== null) {
      throw new OidcSignInError('provider_error', { oauthError: providerError.slice(0, 64) });
    }

    let claims: openid.IDToken | undefined;
    try {
      const configuration = await client.configuration();
      const tokens = await openid.authorizationCodeGrant(configuration, callbackUrl, {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      claims = tokens.claims();
    } catch (error) {
      throw new OidcSignInError('exchange_failed', describeError(error));
    }
    if (!claims) throw new OidcSignInError('exchange_failed', { message: 'no ID token' });

    const { user, outcome } = await resolveUser(identityFromClaims(claims));
    if (!user.isActive) throw new OidcSignInError('account_deactivated');
    const session = await sessions.start(user, clientInfo);
    return { session, returnTo: pending.returnTo ?? undefined, outcome };
  };

  return { beginSignIn, completeSignIn };
};

export type OidcService = ReturnType<typeof createOidcService>;
