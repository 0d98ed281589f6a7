import type { TPageMeta } from '@localkart/contracts/envelope';
import type {
  TCreateReviewFields,
  TReplyToReviewRequest,
  TReview,
  TReviewsQuery,
} from '@localkart/contracts/reviews';
import type { Db } from '../../db/client';
import { isUniqueViolation } from '../../db/constraint-errors';
import { AppError, ErrorCode } from '../../platform/errors';
import type { Logger } from '../../platform/logger';
import type { PubSub } from '../../platform/pubsub/pubsub';
import type { Storage } from '../../platform/storage/storage';
import type { ProvidersService } from '../providers/providers.service';
import type { ReviewImages } from './review-images';
import { toReview } from './review-views';
import {
  countVisibleReviews,
  findReview,
  findReviewOwner,
  insertReview,
  listVisibleReviews,
  reviewExistsForBooking,
  setReplyOnce,
  tallyRatings,
} from './reviews.repo';
import { findBookingParties } from '../bookings/bookings.repo';

/** Published after a review commits; the notifications module tells the provider. */
export const REVIEW_CREATED_CHANNEL = 'reviews.created';
export type ReviewCreated = {
  reviewId: string;
  bookingId: string;
  providerId: string;
  /** The provider's user account: whom to notify. */
  providerUserId: string;
  rating: number;
  at: string;
};

const alreadyReviewed = () =>
  new AppError(ErrorCode.CONFLICT, 'This booking has already been reviewed');

export const createReviewsService = ({
  db,
  storage,
  images,
  providers,
  pubsub,
  logger,
}: {
  db: Db;
  storage: Storage;
  images: ReviewImages;
  pubsub: PubSub;
  logger: Logger;
  providers: Pick<
    ProvidersService,
    'providerOf' | 'publicProviderOf' | 'recomputeRating' | 'announce'
  >;
}) => {
  const reviewView = async (id: string) => toReview((await findReview(db, id))!, storage);

  /**
   * The booking's customer reviews it once, after completion. The review, its images' quota
   * rows and the provider's new rating commit together; search caches hear of it after commit.
   */
  const createReview = async (
    customerId: string,
    bookingId: string,
    fields: TCreateReviewFields,
    uploads: Buffer[],
  ): Promise<TReview> => {
    const booking = await findBookingParties(db, bookingId);
    if (!booking || booking.customerId !== customerId)
      throw new AppError(ErrorCode.NOT_FOUND, 'Booking not found');
    if (booking.status !== 'completed') {
      throw new AppError(ErrorCode.CONFLICT, 'Only a completed booking can be reviewed', {
        status: booking.status,
      });
    }
    // Spares re-encoding the images of an obvious duplicate; the unique index has the last word.
    if (await reviewExistsForBooking(db, bookingId)) throw alreadyReviewed();
    const { imageKeys, objects } = await images.prepare(bookingId, uploads);
    let reviewId: string;
    try {
      reviewId = await images.store(customerId, objects, async (tx) => {
        const id = await insertReview(tx, {
          bookingId,
          providerId: booking.providerId,
          customerId,
          rating: fields.rating,
          comment: fields.comment,
          imageKeys,
        });
        await providers.recomputeRating(tx, booking.providerId, (t) =>
          tallyRatings(t, booking.providerId),
        );
        return id;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw alreadyReviewed();
      throw error;
    }
    await providers.announce(booking.providerId);
    const event: ReviewCreated = {
      reviewId,
      bookingId,
      providerId: booking.providerId,
      providerUserId: booking.providerUserId,
      rating: fields.rating,
      at: new Date().toISOString(),
    };
    await pubsub
      .publish(REVIEW_CREATED_CHANNEL, event)
      .catch((error: unknown) => logger.warn({ err: error, reviewId }, 'review not published'));
    return reviewView(reviewId);
  };

  /** The reviewed provider replies once; anyone else's review is unknown to them (404). */
  const replyToReview = async (
    providerUserId: string,
    reviewId: string,
    { reply }: TReplyToReviewRequest,
  ): Promise<TReview> => {
    const provider = await providers.providerOf(providerUserId);
    const review = await findReviewOwner(db, reviewId);
    if (!review || review.providerId !== provider.id)
      throw new AppError(ErrorCode.NOT_FOUND, 'Review not found');
    if (!(await setReplyOnce(db, reviewId, reply)))
      throw new AppError(ErrorCode.CONFLICT, 'You have already replied to this review');
    return reviewView(reviewId);
  };

  const listProviderReviews = async (
    providerId: string,
    { page, limit }: TReviewsQuery,
  ): Promise<{ reviews: TReview[]; meta: TPageMeta }> => {
    const provider = await providers.publicProviderOf(providerId);
    const [rows, total] = await Promise.all([
      listVisibleReviews(db, provider.id, { limit, offset: (page - 1) * limit }),
      countVisibleReviews(db, provider.id),
    ]);
    return {
      reviews: rows.map((row) => toReview(row, storage)),
      meta: { page, limit, total, hasNext: page * limit < total },
    };
  };

  return { createReview, replyToReview, listProviderReviews };
};

export type ReviewsService = ReturnType<typeof createReviewsService>;
