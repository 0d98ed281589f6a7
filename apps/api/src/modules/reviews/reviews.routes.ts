import { Router, type Request } from 'express';
import { z } from 'zod';
import {
  ZCreateReviewFields,
  ZReplyToReviewRequest,
  ZReviewsQuery,
} from '@localkart/contracts/reviews';
import { AppError, ErrorCode } from '../../platform/errors';
import { sendData } from '../../platform/http/envelope';
import { callerOf, type AuthGuard } from '../auth/auth.guard';
import { reviewUpload, uploadedImagesOf } from './review-upload';
import type { ReviewsService } from './reviews.service';

/** A malformed id is as unknown as a missing one: 404. */
const idOf = (req: Request): string => {
  const parsed = z.uuid().safeParse(req.params.id);
  if (!parsed.success) throw new AppError(ErrorCode.NOT_FOUND, 'Not found');
  return parsed.data;
};

export const reviewsRoutes = ({
  reviews,
  guard,
}: {
  reviews: ReviewsService;
  guard: AuthGuard;
}): Router => {
  const router = Router();

  // Signed in first, so an anonymous multipart body is never read.
  router.post(
    '/api/bookings/:id/review',
    guard.requireAuth,
    guard.requireRole('customer'),
    reviewUpload(),
    async (req, res) => {
      const bookingId = idOf(req);
      const fields = ZCreateReviewFields.parse(req.body ?? {});
      const review = await reviews.createReview(
        callerOf(req).userId,
        bookingId,
        fields,
        uploadedImagesOf(req),
      );
      sendData(res, review, { status: 201 });
    },
  );
  router.post(
    '/api/reviews/:id/reply',
    guard.requireAuth,
    guard.requireRole('provider'),
    async (req, res) => {
      const reviewId = idOf(req);
      const request = ZReplyToReviewRequest.parse(req.body);
      sendData(res, await reviews.replyToReview(callerOf(req).userId, reviewId, request), {
        status: 201,
      });
    },
  );
  router.get('/api/providers/:id/reviews', async (req, res) => {
    const providerId = idOf(req);
    const query = ZReviewsQuery.parse(req.query);
    const { reviews: page, meta } = await reviews.listProviderReviews(providerId, query);
    sendData(res, page, { meta });
  });
  return router;
};
