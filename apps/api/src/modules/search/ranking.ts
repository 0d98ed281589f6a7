import { sql } from 'drizzle-orm';

/**
 * Ratings are shrunk towards a prior so that one 5★ review does not outrank two hundred 4.8★
 * ones: the average behaves as if every provider also had `PRIOR_WEIGHT` reviews of `PRIOR_MEAN`.
 */
export const PRIOR_MEAN = 3.5;
export const PRIOR_WEIGHT = 10;

export const bayesianRating = (average: number, count: number): number =>
  (PRIOR_MEAN * PRIOR_WEIGHT + average * count) / (PRIOR_WEIGHT + count);

/** The same, over the `rating_average` and `rating_count` columns of `alias`. */
export const bayesianRatingSql = (alias: string) =>
  sql.raw(
    `((${PRIOR_MEAN} * ${PRIOR_WEIGHT} + ${alias}.rating_average::float8 * ${alias}.rating_count) / (${PRIOR_WEIGHT} + ${alias}.rating_count))`,
  );
