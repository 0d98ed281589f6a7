import { randomUUID } from 'node:crypto';
import type { Config } from '../../config';
import type { Db } from '../../db/client';
import type { Logger } from '../../platform/logger';
import type { Storage } from '../../platform/storage/storage';
import { createQuotaStorage, type ObjectToStore } from '../../platform/storage/quota-storage';
import { IMAGE_TYPES, sniffContentType } from '../../platform/uploads/content-type';
import { renderWebp } from '../../platform/uploads/image-processing';
import { reviewImageObjectKeys } from './review-views';

const MAX_PIXELS = 40_000_000;
const WEBP = 'image/webp';

/**
 * Review photos, under the avatar and portfolio rules: type by magic bytes, re-encoded to WebP
 * (metadata gone) under a pixel limit, server-made keys, counted against the reviewer's quota.
 * `store` runs `record` in a transaction with the files' rows; if anything fails, nothing is
 * left in storage.
 */
export const createReviewImages = ({
  db,
  storage,
  logger,
  config,
}: {
  db: Db;
  storage: Storage;
  logger: Logger;
  config: Pick<Config, 'UPLOAD_QUOTA_MB'>;
}) => {
  /** Checks and re-encodes every upload before any is stored: one bad image refuses them all. */
  const prepare = async (bookingId: string, uploads: Buffer[]) => {
    const imageKeys: string[] = [];
    const objects: ObjectToStore[] = [];
    // One at a time: five 40-megapixel decodes at once would hold too much memory.
    for (const upload of uploads) {
      const type = await sniffContentType(upload, IMAGE_TYPES);
      const [large, thumbnail] = await renderWebp(upload, type, [1280, 320], {
        maxPixels: MAX_PIXELS,
        fit: 'inside',
      });
      const imageKey = `reviews/${bookingId}/${randomUUID()}`;
      const keys = reviewImageObjectKeys(imageKey);
      imageKeys.push(imageKey);
      objects.push(
        { key: keys.large, body: large!, contentType: WEBP },
        { key: keys.thumbnail, body: thumbnail!, contentType: WEBP },
      );
    }
    return { imageKeys, objects };
  };

  const quota = createQuotaStorage({ db, logger, config });

  const store = <T>(userId: string, objects: ObjectToStore[], record: (tx: Db) => Promise<T>) =>
    quota.storeObjects({ store: storage, userId, purpose: 'review_image', objects, record });

  return { prepare, store };
};

export type ReviewImages = ReturnType<typeof createReviewImages>;
