import { ZEmail } from '@localkart/contracts/users';
import type { IDToken } from 'openid-client';
import { z } from 'zod';

/** Who the provider says signed in, reduced to what LocalKart uses. */
export type OidcIdentity = {
  issuer: string;
  subject: string;
  /** Only set when the provider vouches for it (`email_verified === true`). */
  verifiedEmail: string | undefined;
  firstName: string;
  lastName: string;
  language: 'en' | 'hi';
};

const FALLBACK_FIRST_NAME = 'LocalKart';
const FALLBACK_LAST_NAME = 'User';

const optionalString = z.string().optional().catch(undefined);

const ZProfileClaims = z.object({
  email: ZEmail.optional().catch(undefined),
  // Strictly the boolean: a string "true" or a missing claim is not a verified address.
  email_verified: z.boolean().optional().catch(undefined),
  given_name: optionalString,
  family_name: optionalString,
  name: optionalString,
  locale: optionalString,
});

/**
 * A person name as the users table and the profile form accept it (letters, marks, spaces, dots,
 * apostrophes and hyphens; 2–50 characters), or `undefined` when nothing usable is left.
 */
const cleanName = (raw: string | undefined): string | undefined => {
  const cleaned = (raw ?? '')
    .normalize('NFC')
    .replace(/[^\p{L}\p{M} .'-]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[^\p{L}\p{M}]+/u, '')
    .slice(0, 50)
    .trim();
  return cleaned.length >= 2 ? cleaned : undefined;
};

/**
 * Reads the ID token's claims, which openid-client has already validated (signature, `iss`,
 * `aud`, `exp`, `nonce`). Names come from `given_name`/`family_name`, else from `name`, else
 * neutral placeholders the user can edit later.
 */
export const identityFromClaims = (claims: IDToken): OidcIdentity => {
  const profile = ZProfileClaims.parse(claims);
  const [firstOfName, ...restOfName] = (profile.name ?? '').trim().split(/\s+/);
  const hasNameParts = Boolean(profile.given_name ?? profile.family_name);
  return {
    issuer: claims.iss,
    subject: claims.sub,
    verifiedEmail: profile.email_verified === true ? profile.email : undefined,
    firstName: cleanName(profile.given_name) ?? cleanName(firstOfName) ?? FALLBACK_FIRST_NAME,
    lastName:
      cleanName(profile.family_name) ??
      (hasNameParts ? undefined : cleanName(restOfName.join(' '))) ??
      FALLBACK_LAST_NAME,
    language: profile.locale?.toLowerCase().startsWith('hi') ? 'hi' : 'en',
  };
};
