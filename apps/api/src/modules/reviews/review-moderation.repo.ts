import { and, asc, count, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { reviews } from '../../db/schema/reviews';

const moderationColumns = {
  id: reviews.id,
  bookingId: reviews.bookingId,
  providerId: reviews.providerId,
  customerId: reviews.customerId,
  rating: reviews.rating,
  comment: reviews.comment,
  reply: reviews.reply,
  isHidden: reviews.isHidden,
  hiddenReason: reviews.hiddenReason,
  createdAt: reviews.createdAt,
};
export type ModerationRow = {
  [K in keyof typeof moderationColumns]: (typeof reviews.$inferSelect)[K];
};

export type ModerationFilter = {
  providerId?: string | undefined;
  hidden?: boolean | undefined;
  rating?: number | undefined;
};

const whereOf = (filter: ModerationFilter) =>
  and(
    filter.providerId ? eq(reviews.providerId, filter.providerId) : undefined,
    filter.hidden === undefined ? undefined : eq(reviews.isHidden, filter.hidden),
    filter.rating ? eq(reviews.rating, filter.rating) : undefined,
  );

export const listReviewsForModeration = (
  db: Db,
  filter: ModerationFilter,
  { order, limit, offset }: { order: 'asc' | 'desc'; limit: number; offset: number },
): Promise<ModerationRow[]> => {
  const direction = order === 'asc' ? asc : desc;
  return db
    .select(moderationColumns)
    .from(reviews)
    .where(whereOf(filter))
    .orderBy(direction(reviews.createdAt), direction(reviews.id))
    .limit(limit)
    .offset(offset);
};

export const countReviewsForModeration = async (db: Db, filter: ModerationFilter) => {
  const [row] = await db.select({ total: count() }).from(reviews).where(whereOf(filter));
  return row?.total ?? 0;
};

export const findReviewForModeration = async (
  db: Db,
  id: string,
): Promise<ModerationRow | undefined> => {
  const [row] = await db.select(moderationColumns).from(reviews).where(eq(reviews.id, id));
  return row;
};

/** Compare-and-set on `is_hidden`; undefined when the review was already in that state. */
export const setReviewHidden = async (
  db: Db,
  id: string,
  hidden: boolean,
  reason: string | null,
): Promise<ModerationRow | undefined> => {
  const [row] = await db
    .update(reviews)
    .set({ isHidden: hidden, hiddenReason: hidden ? reason : null, updatedAt: sql`now()` })
    .where(and(eq(reviews.id, id), eq(reviews.isHidden, !hidden)))
    .returning(moderationColumns);
  return row;
};
