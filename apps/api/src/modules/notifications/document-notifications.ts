import type { DocumentType } from './notification-texts';
import type { Delivery, NotificationsService } from './notifications.service';

export type DocumentReviewed = {
  /** The provider's user account: whom to notify. */
  providerUserId: string;
  documentId: string;
  documentType: DocumentType;
  status: 'verified' | 'rejected';
  /** Shown to the provider when rejected. */
  reason?: string | null;
  /** When the decision was made; a later decision on the same document is a new notification. */
  reviewedAt: Date;
};

export const documentDelivery = ({
  providerUserId,
  documentId,
  documentType,
  status,
  reason,
  reviewedAt,
}: DocumentReviewed): Delivery => ({
  userId: providerUserId,
  facts:
    status === 'verified'
      ? { type: 'document_verified', document: documentType }
      : { type: 'document_rejected', document: documentType, reason: reason ?? null },
  data: { documentId },
  eventKey: `document:${documentId}:${status}:${reviewedAt.toISOString()}`,
});

/**
 * For the admin verification endpoints: call after the decision commits. The provider gets an
 * in-app notification and an e-mail (their "account" e-mails setting allowing); calling again
 * for the same decision changes nothing.
 */
export const createNotifyDocumentReviewed =
  (notifications: Pick<NotificationsService, 'deliver'>) => (decision: DocumentReviewed) =>
    notifications.deliver(documentDelivery(decision));
