import { and, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { idempotencyKeys } from '../../db/schema/idempotency';

type KeyId = { userId: string; scope: string; key: string };

const keyIs = ({ userId, scope, key }: KeyId) =>
  and(
    eq(idempotencyKeys.userId, userId),
    eq(idempotencyKeys.scope, scope),
    eq(idempotencyKeys.key, key),
  );

/** Claims the key for this request; false when a row for it already exists. */
export const claimIdempotencyKey = async (
  db: Db,
  row: KeyId & { requestHash: string; ttlSeconds: number },
): Promise<boolean> => {
  const inserted = await db
    .insert(idempotencyKeys)
    .values({
      userId: row.userId,
      scope: row.scope,
      key: row.key,
      requestHash: row.requestHash,
      expiresAt: sql`now() + make_interval(secs => ${row.ttlSeconds})`,
    })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  return inserted.length > 0;
};

export const findIdempotencyKey = async (db: Db, id: KeyId) => {
  const [row] = await db
    .select({
      requestHash: idempotencyKeys.requestHash,
      status: idempotencyKeys.status,
      responseStatus: idempotencyKeys.responseStatus,
      responseBody: idempotencyKeys.responseBody,
      expired: sql<boolean>`${idempotencyKeys.expiresAt} <= now()`,
      ageSeconds: sql<number>`EXTRACT(EPOCH FROM now() - ${idempotencyKeys.createdAt})::float8`,
    })
    .from(idempotencyKeys)
    .where(keyIs(id));
  return row;
};

export const completeIdempotencyKey = async (
  db: Db,
  id: KeyId & { responseStatus: number; responseBody: unknown },
) => {
  await db
    .update(idempotencyKeys)
    .set({
      status: 'completed',
      responseStatus: id.responseStatus,
      responseBody: id.responseBody ?? null,
    })
    .where(and(keyIs(id), eq(idempotencyKeys.status, 'in_progress')));
};

export const deleteIdempotencyKey = async (db: Db, id: KeyId) => {
  await db.delete(idempotencyKeys).where(keyIs(id));
};

export const deleteExpiredIdempotencyKeys = async (db: Db): Promise<number> => {
  const deleted = await db
    .delete(idempotencyKeys)
    .where(lt(idempotencyKeys.expiresAt, sql`now()`))
    .returning({ key: idempotencyKeys.key });
  return deleted.length;
};
