import { providerReply, reviewComment } from './activity-texts';
import { DAY_MS, HOUR_MS, MINUTE_MS } from './activity-clock';
import type { Random } from './random';

export type DemoReview = {
  rating: number;
  comment: string;
  createdAt: Date;
  reply: { text: string; at: Date } | null;
};

const REVIEWED_SHARE = 0.78;
/** Mostly happy customers, as on real marketplaces, with a tail of bad experiences. */
const RATINGS = [
  { rating: 5, weight: 44 },
  { rating: 4, weight: 30 },
  { rating: 3, weight: 12 },
  { rating: 2, weight: 8 },
  { rating: 1, weight: 6 },
];

const after = (random: Random, from: Date, minMs: number, maxMs: number) =>
  new Date(from.getTime() + minMs + random.next() * (maxMs - minMs));

/**
 * The customer's review of a booking completed at `completedAt`, if they left one by `now`;
 * providers answer more of the poor ones.
 */
export const demoReview = (
  random: Random,
  completedAt: Date,
  now: Date,
): DemoReview | undefined => {
  if (random.next() >= REVIEWED_SHARE) return undefined;
  const createdAt = after(random, completedAt, 30 * MINUTE_MS, 4 * DAY_MS);
  if (createdAt > now) return undefined;
  const { rating } = random.weighted(RATINGS);
  const comment = reviewComment(random, rating);
  const replyAt = after(random, createdAt, HOUR_MS, 3 * DAY_MS);
  const replies = random.next() < (rating >= 4 ? 0.3 : 0.6) && replyAt <= now;
  return {
    rating,
    comment,
    createdAt,
    reply: replies ? { text: providerReply(random, rating), at: replyAt } : null,
  };
};
