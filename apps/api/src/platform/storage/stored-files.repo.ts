import { and, eq, inArray, notInArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { storedFiles } from '../../db/schema/files';

export type NewStoredFile = typeof storedFiles.$inferInsert;

/** Bytes the owner has stored, not counting `exceptKeys` (files about to be replaced). */
export const storedBytesOf = async (
  db: Db,
  ownerId: string,
  exceptKeys: string[] = [],
): Promise<number> => {
  const [row] = await db
    .select({ bytes: sql<string | null>`sum(${storedFiles.bytes})` })
    .from(storedFiles)
    .where(
      and(
        eq(storedFiles.ownerId, ownerId),
        exceptKeys.length > 0 ? notInArray(storedFiles.key, exceptKeys) : undefined,
      ),
    );
  return Number(row?.bytes ?? 0);
};

export const insertStoredFiles = async (db: Db, rows: NewStoredFile[]): Promise<void> => {
  await db.insert(storedFiles).values(rows);
};

export const deleteStoredFiles = async (db: Db, ownerId: string, keys: string[]): Promise<void> => {
  if (keys.length === 0) return;
  await db
    .delete(storedFiles)
    .where(and(eq(storedFiles.ownerId, ownerId), inArray(storedFiles.key, keys)));
};
