import type { TAdminProviderDocument } from '@localkart/contracts/admin';
import { inTransaction, type Db } from '../../db/client';
import type { Within } from '../../db/within';
import { AppError, ErrorCode } from '../../platform/errors';
import { documentFileUrl } from './provider-views';
import {
  countVerificationQueue,
  countVerifiedDocuments,
  findProviderDocument,
  findProviderWithOwner,
  listProviderDocuments,
  listProviderSummaries,
  listProvidersOfUsers,
  listVerificationQueue,
  reviewDocumentIfStatus,
  setProviderVerifiedIfNot,
  type AdminDocumentRow,
} from './provider-verification.repo';
import { findProviderByUserId } from './providers.repo';
import type { ProvidersService } from './providers.service';

export type DocumentChange = { before: TAdminProviderDocument; after: TAdminProviderDocument };
type VerifiedState = { id: string; isVerified: boolean; isActive: boolean };
export type VerifiedChange = { before: VerifiedState; after: VerifiedState };

const notFound = (what: string) => new AppError(ErrorCode.NOT_FOUND, `${what} not found`);

export const toAdminDocument = (row: AdminDocumentRow): TAdminProviderDocument => ({
  id: row.id,
  type: row.type,
  contentType: row.contentType,
  originalBytes: row.originalBytes,
  status: row.status,
  rejectionReason: row.rejectionReason,
  reviewedBy: row.reviewedBy,
  reviewedAt: row.reviewedAt?.toISOString() ?? null,
  createdAt: row.createdAt.toISOString(),
  fileUrl: documentFileUrl(row.id),
});

/**
 * Verification by admins: the queue of providers with documents to review, each document
 * approved or rejected (compare-and-set, so two admins never both decide one document), and the
 * provider's verified badge, which needs an approved document. Every change that search shows
 * is announced after commit, so cached results drop the old badge.
 */
export const createProviderVerification = ({
  db,
  providers,
}: {
  db: Db;
  providers: Pick<ProvidersService, 'announce'>;
}) => {
  const queue = async (query: { order: 'asc' | 'desc'; limit: number; offset: number }) => {
    const [rows, total] = await Promise.all([
      listVerificationQueue(db, query),
      countVerificationQueue(db),
    ]);
    return { rows, total };
  };

  const provider = async (providerId: string) => {
    const row = await findProviderWithOwner(db, providerId);
    if (!row) throw notFound('Provider');
    return {
      ...row,
      documents: (await listProviderDocuments(db, providerId)).map(toAdminDocument),
    };
  };

  /** The provider profile of a user, if it has one: admins see it beside the account. */
  const providerOfUser = async (userId: string) => {
    const row = await findProviderByUserId(db, userId);
    return row
      ? {
          id: row.id,
          businessName: row.businessName,
          isVerified: row.isVerified,
          isActive: row.isActive,
        }
      : null;
  };

  const document = async (documentId: string) => {
    const row = await findProviderDocument(db, documentId);
    if (!row) throw notFound('Document');
    return row;
  };

  /**
   * Approves or rejects a document that is not already so, and runs `within` in the same
   * transaction; returns it before and after.
   */
  const reviewDocument = async (
    reviewerId: string,
    documentId: string,
    decision: { status: 'verified' | 'rejected'; reason: string | null },
    { within }: Within<DocumentChange> = {},
  ): Promise<DocumentChange> => {
    const before = await document(documentId);
    if (before.status === decision.status)
      throw new AppError(ErrorCode.CONFLICT, `The document is already ${decision.status}`, {
        currentStatus: before.status,
      });
    return inTransaction(db, async (tx) => {
      const after = await reviewDocumentIfStatus(tx, documentId, before.status, {
        ...decision,
        reviewerId,
      });
      if (!after)
        throw new AppError(ErrorCode.CONFLICT, 'Another admin reviewed the document just now');
      const change = { before: toAdminDocument(before), after: toAdminDocument(after) };
      await within?.(tx, change);
      return change;
    });
  };

  /**
   * Sets the verified badge (verifying needs at least one approved document) and runs `within`
   * in the same transaction; search hears of it after commit.
   */
  const setVerified = async (
    providerId: string,
    verified: boolean,
    { within }: Within<VerifiedChange> = {},
  ): Promise<VerifiedChange> => {
    const before = await findProviderWithOwner(db, providerId);
    if (!before) throw notFound('Provider');
    if (before.isVerified === verified)
      throw new AppError(
        ErrorCode.CONFLICT,
        verified ? 'The provider is already verified' : 'The provider is not verified',
      );
    if (verified && (await countVerifiedDocuments(db, providerId)) === 0)
      throw new AppError(ErrorCode.CONFLICT, 'Approve at least one of its documents first', {
        reason: 'no_approved_document',
      });
    const change = await inTransaction(db, async (tx) => {
      const after = await setProviderVerifiedIfNot(tx, providerId, verified);
      if (!after) throw new AppError(ErrorCode.CONFLICT, 'Another admin changed it just now');
      const done = {
        before: { id: before.id, isVerified: before.isVerified, isActive: before.isActive },
        after,
      };
      await within?.(tx, done);
      return done;
    });
    await providers.announce(providerId);
    return change;
  };

  /** Provider id by user id, for the users that have a provider profile. */
  const providerIdsOfUsers = async (userIds: string[]) =>
    new Map((await listProvidersOfUsers(db, userIds)).map((row) => [row.userId, row.id]));

  /** Business name and owner e-mail by provider id, for the ids that exist. */
  const summariesOf = async (ids: string[]) =>
    new Map((await listProviderSummaries(db, ids)).map((row) => [row.id, row]));

  return {
    queue,
    provider,
    providerOfUser,
    providerIdsOfUsers,
    summariesOf,
    document,
    reviewDocument,
    setVerified,
  };
};

export type ProviderVerification = ReturnType<typeof createProviderVerification>;
