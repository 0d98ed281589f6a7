import type { TAdminReviewsQuery, TModeratedReview } from '@localkart/contracts/admin';
import type { ModerationChange, ReviewModeration } from '../reviews/review-moderation.service';
import { metaOf, pageOf } from './admin-page';
import type { Actor, AuditLog } from './audit-log.service';

export const createAdminReviews = ({
  moderation,
  audit,
}: {
  moderation: ReviewModeration;
  audit: AuditLog;
}) => {
  const list = async (query: TAdminReviewsQuery) => {
    const { page, limit, order, ...filter } = query;
    const { reviews, total } = await moderation.list(filter, { order, ...pageOf({ page, limit }) });
    return { reviews, meta: metaOf(query, total) };
  };

  /** Hides or shows the review; its provider's rating and the audit entry commit with it. */
  const setHidden = async (
    actor: Actor,
    reviewId: string,
    hidden: boolean,
    reason: string,
  ): Promise<TModeratedReview> => {
    const { after, providerRating } = await moderation.setHidden(
      reviewId,
      hidden,
      reason,
      audit.within(
        actor,
        ({ before, after: hiddenNow, providerRating: rating }: ModerationChange) => ({
          action: hidden ? 'review.hide' : 'review.unhide',
          targetType: 'review',
          targetId: reviewId,
          before: { isHidden: before.isHidden, hiddenReason: before.hiddenReason },
          after: {
            isHidden: hiddenNow.isHidden,
            hiddenReason: hiddenNow.hiddenReason,
            providerRating: rating,
          },
          reason,
        }),
      ),
    );
    return { review: after, providerRating };
  };

  return { list, setHidden };
};

export type AdminReviews = ReturnType<typeof createAdminReviews>;
