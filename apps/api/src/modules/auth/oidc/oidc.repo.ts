import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { oauthIdentities } from '../../../db/schema/sessions';

export type OAuthIdentityRow = {
  id: string;
  userId: string;
  issuer: string;
  subject: string;
};

const columns = {
  id: oauthIdentities.id,
  userId: oauthIdentities.userId,
  issuer: oauthIdentities.issuer,
  subject: oauthIdentities.subject,
};

/** The LocalKart account linked to an account at a provider (`iss`, `sub`), if any. */
export const findOAuthIdentity = async (
  db: Db,
  { issuer, subject }: { issuer: string; subject: string },
): Promise<OAuthIdentityRow | undefined> => {
  const [row] = await db
    .select(columns)
    .from(oauthIdentities)
    .where(and(eq(oauthIdentities.issuer, issuer), eq(oauthIdentities.subject, subject)));
  return row;
};

/** Links a provider account to a user; a second link of the same (`iss`, `sub`) is a 23505. */
export const insertOAuthIdentity = async (
  db: Db,
  row: { userId: string; issuer: string; subject: string },
): Promise<OAuthIdentityRow> => {
  const [inserted] = await db.insert(oauthIdentities).values(row).returning(columns);
  return inserted!;
};
