import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { reviews } from '../../db/schema/reviews';
import { users } from '../../db/schema/users';

const reviewColumns = {
  id: reviews.id,
  bookingId: reviews.bookingId,
  providerId: reviews.providerId,
  rating: reviews.rating,
  comment: reviews.comment,
  imageKeys: reviews.imageKeys,
  reply: reviews.reply,
  repliedAt: reviews.repliedAt,
  createdAt: reviews.createdAt,
  // Display names only: the public list shows "Priya S.", never contact details.
  reviewerFirstName: users.firstName,
  reviewerLastName: users.lastName,
};
export type ReviewRow = {
  id: string;
  bookingId: string;
  providerId: string;
  rating: number;
  comment: string;
  imageKeys: string[];
  reply: string | null;
  repliedAt: Date | null;
  createdAt: Date;
  reviewerFirstName: string;
  reviewerLastName: string;
};

export const reviewExistsForBooking = async (db: Db, bookingId: string): Promise<boolean> => {
  const rows = await db
    .select({ id: reviews.id })
    .from(reviews)
    .where(eq(reviews.bookingId, bookingId))
    .limit(1);
  return rows.length > 0;
};

/** Inserts the review; a second one for the booking fails on `reviews_booking_key` (23505). */
export const insertReview = async (
  db: Db,
  row: {
    bookingId: string;
    providerId: string;
    customerId: string;
    rating: number;
    comment: string;
    imageKeys: string[];
  },
): Promise<string> => {
  const [inserted] = await db.insert(reviews).values(row).returning({ id: reviews.id });
  return inserted!.id;
};

/** Count and sum of the provider's visible ratings. */
export const tallyRatings = async (db: Db, providerId: string) => {
  const [row] = await db
    .select({
      count: sql<number>`count(*)::int`,
      sum: sql<number>`coalesce(sum(${reviews.rating}), 0)::int`,
    })
    .from(reviews)
    .where(and(eq(reviews.providerId, providerId), eq(reviews.isHidden, false)));
  return { count: Number(row?.count ?? 0), sum: Number(row?.sum ?? 0) };
};

export const findReview = async (db: Db, id: string): Promise<ReviewRow | undefined> => {
  const [row] = await db
    .select(reviewColumns)
    .from(reviews)
    .innerJoin(users, eq(users.id, reviews.customerId))
    .where(eq(reviews.id, id));
  return row;
};

export const findReviewOwner = async (db: Db, id: string) => {
  const [row] = await db
    .select({ id: reviews.id, providerId: reviews.providerId })
    .from(reviews)
    .where(eq(reviews.id, id));
  return row;
};

/** Sets the reply if there is none yet (compare-and-set); false when one was already there. */
export const setReplyOnce = async (db: Db, id: string, reply: string): Promise<boolean> => {
  const rows = await db
    .update(reviews)
    .set({ reply, repliedAt: sql`now()`, updatedAt: sql`now()` })
    .where(and(eq(reviews.id, id), isNull(reviews.reply)))
    .returning({ id: reviews.id });
  return rows.length > 0;
};

export const listVisibleReviews = (
  db: Db,
  providerId: string,
  { limit, offset }: { limit: number; offset: number },
): Promise<ReviewRow[]> =>
  db
    .select(reviewColumns)
    .from(reviews)
    .innerJoin(users, eq(users.id, reviews.customerId))
    .where(and(eq(reviews.providerId, providerId), eq(reviews.isHidden, false)))
    .orderBy(desc(reviews.createdAt), desc(reviews.id))
    .limit(limit)
    .offset(offset);

export const countVisibleReviews = async (db: Db, providerId: string): Promise<number> => {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(reviews)
    .where(and(eq(reviews.providerId, providerId), eq(reviews.isHidden, false)));
  return Number(row?.count ?? 0);
};
