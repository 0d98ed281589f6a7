import { and, asc, count, desc, eq, inArray, min, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { providerDocuments, providers } from '../../db/schema/providers';
import { users } from '../../db/schema/users';

type DocumentStatus = (typeof providerDocuments.$inferSelect)['status'];

/** Providers with at least one document awaiting review, by their oldest pending upload. */
export const listVerificationQueue = (
  db: Db,
  { order, limit, offset }: { order: 'asc' | 'desc'; limit: number; offset: number },
) => {
  const oldest = min(providerDocuments.createdAt);
  return db
    .select({
      providerId: providers.id,
      userId: providers.userId,
      businessName: providers.businessName,
      isVerified: providers.isVerified,
      isActive: providers.isActive,
      firstName: users.firstName,
      lastName: users.lastName,
      email: users.email,
      pendingDocuments: count(providerDocuments.id),
      oldestPendingAt: sql<Date>`${oldest}`.mapWith(providerDocuments.createdAt),
    })
    .from(providerDocuments)
    .innerJoin(providers, eq(providers.id, providerDocuments.providerId))
    .innerJoin(users, eq(users.id, providers.userId))
    .where(eq(providerDocuments.status, 'pending'))
    .groupBy(providers.id, users.id)
    .orderBy(order === 'asc' ? asc(oldest) : desc(oldest), asc(providers.id))
    .limit(limit)
    .offset(offset);
};

export const countVerificationQueue = async (db: Db): Promise<number> => {
  const [row] = await db
    .select({ total: sql<number>`count(DISTINCT ${providerDocuments.providerId})::int` })
    .from(providerDocuments)
    .where(eq(providerDocuments.status, 'pending'));
  return Number(row?.total ?? 0);
};

/** The provider and its owner as an admin sees them. */
export const findProviderWithOwner = async (db: Db, providerId: string) => {
  const [row] = await db
    .select({
      id: providers.id,
      userId: providers.userId,
      businessName: providers.businessName,
      description: providers.description,
      isVerified: providers.isVerified,
      isActive: providers.isActive,
      ratingAverage: providers.ratingAverage,
      ratingCount: providers.ratingCount,
      createdAt: providers.createdAt,
      email: users.email,
      firstName: users.firstName,
      lastName: users.lastName,
      ownerActive: users.isActive,
    })
    .from(providers)
    .innerJoin(users, eq(users.id, providers.userId))
    .where(eq(providers.id, providerId));
  return row;
};

const adminDocumentColumns = {
  id: providerDocuments.id,
  providerId: providerDocuments.providerId,
  type: providerDocuments.type,
  contentType: providerDocuments.contentType,
  originalBytes: providerDocuments.originalBytes,
  status: providerDocuments.status,
  rejectionReason: providerDocuments.rejectionReason,
  reviewedBy: providerDocuments.reviewedBy,
  reviewedAt: providerDocuments.reviewedAt,
  createdAt: providerDocuments.createdAt,
};
export type AdminDocumentRow = {
  [K in keyof typeof adminDocumentColumns]: (typeof providerDocuments.$inferSelect)[K];
};

export const listProviderDocuments = (db: Db, providerId: string): Promise<AdminDocumentRow[]> =>
  db
    .select(adminDocumentColumns)
    .from(providerDocuments)
    .where(eq(providerDocuments.providerId, providerId))
    .orderBy(desc(providerDocuments.createdAt), desc(providerDocuments.id));

export const findProviderDocument = async (
  db: Db,
  documentId: string,
): Promise<AdminDocumentRow | undefined> => {
  const [row] = await db
    .select(adminDocumentColumns)
    .from(providerDocuments)
    .where(eq(providerDocuments.id, documentId));
  return row;
};

/** Compare-and-set: records the review only if the status is still `expected`. */
export const reviewDocumentIfStatus = async (
  db: Db,
  documentId: string,
  expected: DocumentStatus,
  review: { status: 'verified' | 'rejected'; reason: string | null; reviewerId: string },
): Promise<AdminDocumentRow | undefined> => {
  const [row] = await db
    .update(providerDocuments)
    .set({
      status: review.status,
      rejectionReason: review.status === 'rejected' ? review.reason : null,
      reviewedBy: review.reviewerId,
      reviewedAt: sql`now()`,
      updatedAt: sql`now()`,
    })
    .where(and(eq(providerDocuments.id, documentId), eq(providerDocuments.status, expected)))
    .returning(adminDocumentColumns);
  return row;
};

export const countVerifiedDocuments = async (db: Db, providerId: string): Promise<number> => {
  const [row] = await db
    .select({ total: count() })
    .from(providerDocuments)
    .where(
      and(eq(providerDocuments.providerId, providerId), eq(providerDocuments.status, 'verified')),
    );
  return row?.total ?? 0;
};

/** Compare-and-set on the flag; the search index follows by trigger in the same transaction. */
export const setProviderVerifiedIfNot = async (db: Db, providerId: string, verified: boolean) => {
  const [row] = await db
    .update(providers)
    .set({ isVerified: verified, updatedAt: sql`now()` })
    .where(and(eq(providers.id, providerId), eq(providers.isVerified, !verified)))
    .returning({
      id: providers.id,
      isVerified: providers.isVerified,
      isActive: providers.isActive,
    });
  return row;
};

/** Names and owners' e-mails of several providers (payout lists). */
export const listProviderSummaries = (db: Db, ids: string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db
        .select({ id: providers.id, businessName: providers.businessName, email: users.email })
        .from(providers)
        .innerJoin(users, eq(users.id, providers.userId))
        .where(inArray(providers.id, ids));

/** The provider profiles of several users (the admin's user list), one query. */
export const listProvidersOfUsers = (db: Db, userIds: string[]) =>
  userIds.length === 0
    ? Promise.resolve([])
    : db
        .select({ id: providers.id, userId: providers.userId })
        .from(providers)
        .where(inArray(providers.userId, userIds));
