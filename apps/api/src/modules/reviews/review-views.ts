import type { TReview } from '@localkart/contracts/reviews';
import type { Storage } from '../../platform/storage/storage';
import type { ReviewRow } from './reviews.repo';

/** Object keys of a review image: `reviews/<booking>/<uuid>` → its two WebP sizes. */
export const reviewImageObjectKeys = (imageKey: string) => ({
  large: `${imageKey}-1280.webp`,
  thumbnail: `${imageKey}-320.webp`,
});

/** Built field by field (SECURITY.md): the reviewer appears as first name and last initial. */
export const toReview = (row: ReviewRow, storage: Storage): TReview => ({
  id: row.id,
  bookingId: row.bookingId,
  providerId: row.providerId,
  rating: row.rating,
  comment: row.comment,
  images: row.imageKeys.map((key) => {
    const keys = reviewImageObjectKeys(key);
    return { url: storage.publicUrl(keys.large), thumbnailUrl: storage.publicUrl(keys.thumbnail) };
  }),
  reviewerName: row.reviewerLastName
    ? `${row.reviewerFirstName} ${row.reviewerLastName.slice(0, 1)}.`
    : row.reviewerFirstName,
  reply:
    row.reply !== null && row.repliedAt !== null
      ? { text: row.reply, repliedAt: row.repliedAt.toISOString() }
      : null,
  createdAt: row.createdAt.toISOString(),
});
