import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { refreshTokens } from '../../db/schema/sessions';

export type RefreshTokenRow = {
  id: string;
  userId: string;
  familyId: string;
  expiresAt: Date;
  usedAt: Date | null;
  revokedAt: Date | null;
};

const columns = {
  id: refreshTokens.id,
  userId: refreshTokens.userId,
  familyId: refreshTokens.familyId,
  expiresAt: refreshTokens.expiresAt,
  usedAt: refreshTokens.usedAt,
  revokedAt: refreshTokens.revokedAt,
};

export const insertRefreshToken = async (
  db: Db,
  row: typeof refreshTokens.$inferInsert,
): Promise<RefreshTokenRow> => {
  const [inserted] = await db.insert(refreshTokens).values(row).returning(columns);
  return inserted!;
};

export const findRefreshTokenByHash = async (db: Db, tokenHash: string) => {
  const [row] = await db
    .select(columns)
    .from(refreshTokens)
    .where(eq(refreshTokens.tokenHash, tokenHash));
  return row;
};

/** Compare-and-set: true only for the one caller that used a live, unused token. */
export const markRefreshTokenUsed = async (db: Db, id: string): Promise<boolean> => {
  const updated = await db
    .update(refreshTokens)
    .set({ usedAt: sql`now()` })
    .where(
      and(
        eq(refreshTokens.id, id),
        isNull(refreshTokens.usedAt),
        isNull(refreshTokens.revokedAt),
        gt(refreshTokens.expiresAt, sql`now()`),
      ),
    )
    .returning({ id: refreshTokens.id });
  return updated.length === 1;
};

export const revokeRefreshTokenFamily = async (db: Db, familyId: string): Promise<void> => {
  await db
    .update(refreshTokens)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(refreshTokens.familyId, familyId), isNull(refreshTokens.revokedAt)));
};

export const revokeRefreshToken = async (db: Db, id: string): Promise<void> => {
  await db
    .update(refreshTokens)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(refreshTokens.id, id), isNull(refreshTokens.revokedAt)));
};

export const revokeAllRefreshTokensOfUser = async (db: Db, userId: string): Promise<void> => {
  await db
    .update(refreshTokens)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(refreshTokens.userId, userId), isNull(refreshTokens.revokedAt)));
};
