import type {
  TAdminProvider,
  TAdminProviderDocument,
  TVerificationQueueQuery,
} from '@localkart/contracts/admin';
import type {
  DocumentChange,
  ProviderVerification,
  VerifiedChange,
} from '../providers/provider-verification.service';
import { metaOf, pageOf } from './admin-page';
import type { Actor, AuditLog } from './audit-log.service';

/** What the notifications module needs to tell a provider about a decision on a document. */
export type DocumentReviewedNotice = {
  providerUserId: string;
  documentId: string;
  documentType: TAdminProviderDocument['type'];
  status: 'verified' | 'rejected';
  reason?: string | null;
  reviewedAt: Date;
};

/**
 * The verification desk: the queue, a provider's documents, decisions on each document (the
 * provider is notified after commit) and the provider's verified badge. Every decision is in the
 * audit log with the document's or provider's state before and after, written in the decision's
 * own transaction.
 */
export const createAdminProviders = ({
  verification,
  audit,
  notifyDocumentReviewed,
}: {
  verification: ProviderVerification;
  audit: AuditLog;
  notifyDocumentReviewed: (notice: DocumentReviewedNotice) => Promise<unknown>;
}) => {
  const queue = async (query: TVerificationQueueQuery) => {
    const { rows, total } = await verification.queue({ order: query.order, ...pageOf(query) });
    return {
      providers: rows.map((row) => ({
        providerId: row.providerId,
        userId: row.userId,
        businessName: row.businessName,
        ownerName: `${row.firstName} ${row.lastName}`,
        email: row.email,
        isVerified: row.isVerified,
        isActive: row.isActive,
        pendingDocuments: Number(row.pendingDocuments),
        oldestPendingAt: row.oldestPendingAt.toISOString(),
      })),
      meta: metaOf(query, total),
    };
  };

  const get = async (providerId: string): Promise<TAdminProvider> => {
    const row = await verification.provider(providerId);
    return {
      id: row.id,
      userId: row.userId,
      businessName: row.businessName,
      description: row.description,
      isVerified: row.isVerified,
      isActive: row.isActive,
      rating: { average: row.ratingAverage, count: row.ratingCount },
      owner: {
        email: row.email,
        firstName: row.firstName,
        lastName: row.lastName,
        isActive: row.ownerActive,
      },
      documents: row.documents,
      createdAt: row.createdAt.toISOString(),
    };
  };

  const reviewDocument = async (
    actor: Actor,
    documentId: string,
    status: 'verified' | 'rejected',
    reason: string | undefined,
  ) => {
    const { after } = await verification.reviewDocument(
      actor.userId,
      documentId,
      { status, reason: reason ?? null },
      audit.within(actor, (change: DocumentChange) => ({
        action: status === 'verified' ? 'provider_document.approve' : 'provider_document.reject',
        targetType: 'provider_document',
        targetId: documentId,
        ...change,
        reason,
      })),
    );
    const provider = await verification.provider(
      (await verification.document(documentId)).providerId,
    );
    await notifyDocumentReviewed({
      providerUserId: provider.userId,
      documentId,
      documentType: after.type,
      status,
      reason: reason ?? null,
      reviewedAt: new Date(after.reviewedAt!),
    });
    return after;
  };

  const setVerified = async (
    actor: Actor,
    providerId: string,
    verified: boolean,
    reason: string,
  ) => {
    const { after } = await verification.setVerified(
      providerId,
      verified,
      audit.within(actor, (change: VerifiedChange) => ({
        action: verified ? 'provider.verify' : 'provider.unverify',
        targetType: 'provider',
        targetId: providerId,
        ...change,
        reason,
      })),
    );
    return after;
  };

  return { queue, get, reviewDocument, setVerified };
};

export type AdminProviders = ReturnType<typeof createAdminProviders>;
