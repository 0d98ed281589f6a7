import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { oneTimeTokens } from '../../db/schema/sessions';

type Purpose = (typeof oneTimeTokens.$inferSelect)['purpose'];

export const insertOneTimeToken = async (
  db: Db,
  row: { userId: string; purpose: Purpose; tokenHash: string; expiresAt: Date },
): Promise<void> => {
  await db.insert(oneTimeTokens).values(row);
};

/** Uses the token if it is unused and unexpired (compare-and-set); returns its user. */
export const consumeOneTimeToken = async (
  db: Db,
  { tokenHash, purpose }: { tokenHash: string; purpose: Purpose },
): Promise<string | undefined> => {
  const [row] = await db
    .update(oneTimeTokens)
    .set({ usedAt: sql`now()` })
    .where(
      and(
        eq(oneTimeTokens.tokenHash, tokenHash),
        eq(oneTimeTokens.purpose, purpose),
        isNull(oneTimeTokens.usedAt),
        gt(oneTimeTokens.expiresAt, sql`now()`),
      ),
    )
    .returning({ userId: oneTimeTokens.userId });
  return row?.userId;
};

/** A new reset link makes older unused ones of the same purpose worthless. */
export const expireOneTimeTokens = async (
  db: Db,
  { userId, purpose }: { userId: string; purpose: Purpose },
): Promise<void> => {
  await db
    .update(oneTimeTokens)
    .set({ usedAt: sql`now()` })
    .where(
      and(
        eq(oneTimeTokens.userId, userId),
        eq(oneTimeTokens.purpose, purpose),
        isNull(oneTimeTokens.usedAt),
      ),
    );
};
