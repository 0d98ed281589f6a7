import type { TAdminReview } from '@localkart/contracts/admin';
import { inTransaction, type Db } from '../../db/client';
import type { Within } from '../../db/within';
import { AppError, ErrorCode } from '../../platform/errors';
import type { ProvidersService } from '../providers/providers.service';
import {
  countReviewsForModeration,
  findReviewForModeration,
  listReviewsForModeration,
  setReviewHidden,
  type ModerationFilter,
  type ModerationRow,
} from './review-moderation.repo';
import { tallyRatings } from './reviews.repo';

export type ModerationChange = {
  before: TAdminReview;
  after: TAdminReview;
  providerRating: Awaited<ReturnType<ProvidersService['recomputeRating']>>;
};

export const toAdminReview = (row: ModerationRow): TAdminReview => ({
  id: row.id,
  bookingId: row.bookingId,
  providerId: row.providerId,
  customerId: row.customerId,
  rating: row.rating,
  comment: row.comment,
  reply: row.reply,
  isHidden: row.isHidden,
  hiddenReason: row.hiddenReason,
  createdAt: row.createdAt.toISOString(),
});

/**
 * Admin moderation of reviews. Hiding or showing one and recomputing its provider's rating from
 * the visible reviews commit together (the rating recomputation holds the provider's row lock, as
 * for a new review); search caches hear of the new rating after commit.
 */
export const createReviewModeration = ({
  db,
  providers,
}: {
  db: Db;
  providers: Pick<ProvidersService, 'recomputeRating' | 'announce'>;
}) => {
  const list = async (
    filter: ModerationFilter,
    page: { order: 'asc' | 'desc'; limit: number; offset: number },
  ) => {
    const [rows, total] = await Promise.all([
      listReviewsForModeration(db, filter, page),
      countReviewsForModeration(db, filter),
    ]);
    return { reviews: rows.map(toAdminReview), total };
  };

  /** Hides or shows the review, recomputes the rating and runs `within`, all in one transaction. */
  const setHidden = async (
    reviewId: string,
    hidden: boolean,
    reason: string,
    { within }: Within<ModerationChange> = {},
  ): Promise<ModerationChange> => {
    const before = await findReviewForModeration(db, reviewId);
    if (!before) throw new AppError(ErrorCode.NOT_FOUND, 'Review not found');
    const change = await inTransaction(db, async (tx) => {
      const after = await setReviewHidden(tx, reviewId, hidden, reason);
      if (!after)
        throw new AppError(
          ErrorCode.CONFLICT,
          hidden ? 'The review is already hidden' : 'The review is not hidden',
        );
      const providerRating = await providers.recomputeRating(tx, after.providerId, (inner) =>
        tallyRatings(inner, after.providerId),
      );
      const done = { before: toAdminReview(before), after: toAdminReview(after), providerRating };
      await within?.(tx, done);
      return done;
    });
    await providers.announce(before.providerId);
    return change;
  };

  return { list, setHidden };
};

export type ReviewModeration = ReturnType<typeof createReviewModeration>;
