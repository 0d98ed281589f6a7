import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { providerDocuments, providerPortfolioItems, providers } from '../../db/schema/providers';

const portfolioColumns = {
  id: providerPortfolioItems.id,
  imageKey: providerPortfolioItems.imageKey,
  description: providerPortfolioItems.description,
  sortOrder: providerPortfolioItems.sortOrder,
};
export type PortfolioRow = {
  [K in keyof typeof portfolioColumns]: (typeof providerPortfolioItems.$inferSelect)[K];
};

export const listPortfolio = (db: Db, providerId: string): Promise<PortfolioRow[]> =>
  db
    .select(portfolioColumns)
    .from(providerPortfolioItems)
    .where(eq(providerPortfolioItems.providerId, providerId))
    .orderBy(asc(providerPortfolioItems.sortOrder), asc(providerPortfolioItems.createdAt));

/** Appends an item after the provider's last one. */
export const insertPortfolioItem = async (
  db: Db,
  row: { providerId: string; imageKey: string; description: string },
): Promise<PortfolioRow> => {
  const [inserted] = await db
    .insert(providerPortfolioItems)
    .values({
      ...row,
      sortOrder: sql`(SELECT coalesce(max(${providerPortfolioItems.sortOrder}) + 1, 0) FROM ${providerPortfolioItems} WHERE ${providerPortfolioItems.providerId} = ${row.providerId})`,
    })
    .returning(portfolioColumns);
  return inserted!;
};

export const countPortfolio = async (db: Db, providerId: string): Promise<number> => {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(providerPortfolioItems)
    .where(eq(providerPortfolioItems.providerId, providerId));
  return row?.count ?? 0;
};

export const deletePortfolioItem = async (db: Db, providerId: string, id: string) => {
  const [row] = await db
    .delete(providerPortfolioItems)
    .where(
      and(eq(providerPortfolioItems.id, id), eq(providerPortfolioItems.providerId, providerId)),
    )
    .returning(portfolioColumns);
  return row;
};

const documentColumns = {
  id: providerDocuments.id,
  type: providerDocuments.type,
  contentType: providerDocuments.contentType,
  originalBytes: providerDocuments.originalBytes,
  status: providerDocuments.status,
  rejectionReason: providerDocuments.rejectionReason,
  reviewedAt: providerDocuments.reviewedAt,
  createdAt: providerDocuments.createdAt,
};
export type DocumentRow = {
  [K in keyof typeof documentColumns]: (typeof providerDocuments.$inferSelect)[K];
};
export type NewDocumentRow = typeof providerDocuments.$inferInsert;

export const insertDocument = async (db: Db, row: NewDocumentRow): Promise<DocumentRow> => {
  const [inserted] = await db.insert(providerDocuments).values(row).returning(documentColumns);
  return inserted!;
};

export const listDocuments = (db: Db, providerId: string): Promise<DocumentRow[]> =>
  db
    .select(documentColumns)
    .from(providerDocuments)
    .where(eq(providerDocuments.providerId, providerId))
    .orderBy(desc(providerDocuments.createdAt));

/** One document with what a download needs: its object key and the user who owns it. */
export const findDocumentFile = async (
  db: Db,
  documentId: string,
): Promise<
  { id: string; type: DocumentRow['type']; storageKey: string; ownerUserId: string } | undefined
> => {
  const [row] = await db
    .select({
      id: providerDocuments.id,
      type: providerDocuments.type,
      storageKey: providerDocuments.storageKey,
      ownerUserId: providers.userId,
    })
    .from(providerDocuments)
    .innerJoin(providers, eq(providers.id, providerDocuments.providerId))
    .where(eq(providerDocuments.id, documentId))
    .limit(1);
  return row;
};
