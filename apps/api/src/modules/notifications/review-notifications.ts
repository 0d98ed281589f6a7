import { z } from 'zod';
import type { Db } from '../../db/client';
import { findBooking } from '../bookings/bookings.repo';
import type { ReviewCreated } from '../reviews/reviews.service';
import type { Delivery } from './notifications.service';

export const ZReviewCreated = z.object({
  reviewId: z.uuid(),
  bookingId: z.uuid(),
  providerId: z.uuid(),
  providerUserId: z.uuid(),
  rating: z.number().int().min(1).max(5),
  at: z.string().min(1),
}) satisfies z.ZodType<ReviewCreated>;

/** The reviewed provider hears of a new review (its rating; the comment is on the review). */
export const reviewDeliveries = async (db: Db, event: ReviewCreated): Promise<Delivery[]> => {
  const booking = await findBooking(db, event.bookingId);
  if (!booking) return [];
  return [
    {
      userId: event.providerUserId,
      facts: { type: 'review_received', service: booking.serviceTitle, rating: event.rating },
      data: { bookingId: event.bookingId, reviewId: event.reviewId },
      eventKey: `review:${event.reviewId}`,
    },
  ];
};
