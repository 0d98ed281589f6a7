import { randomUUID } from 'node:crypto';
import type { Config } from '../../config';
import type { Db } from '../../db/client';
import { AppError, ErrorCode } from '../../platform/errors';
import type { Logger } from '../../platform/logger';
import type { Storage } from '../../platform/storage/storage';
import { insertStoredFiles, storedBytesOf } from '../../platform/storage/stored-files.repo';
import { IMAGE_TYPES, sniffContentType } from '../../platform/uploads/content-type';
import { renderWebp } from '../../platform/uploads/image-processing';
import { reviewImageObjectKeys } from './review-views';

const MAX_PIXELS = 40_000_000;
const WEBP = 'image/webp';

type StoredObject = { key: string; body: Buffer };

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
  const quotaBytes = config.UPLOAD_QUOTA_MB * 1024 * 1024;

  /** Checks and re-encodes every upload before any is stored: one bad image refuses them all. */
  const prepare = async (bookingId: string, uploads: Buffer[]) => {
    const imageKeys: string[] = [];
    const objects: StoredObject[] = [];
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
      objects.push({ key: keys.large, body: large! }, { key: keys.thumbnail, body: thumbnail! });
    }
    return { imageKeys, objects };
  };

  const deleteObjects = async (keys: string[]) => {
    const results = await Promise.allSettled(keys.map((key) => storage.delete(key)));
    results.forEach((result, index) => {
      if (result.status === 'rejected')
        logger.warn({ err: result.reason as unknown, key: keys[index] }, 'could not delete a file');
    });
  };

  const store = async <T>(
    userId: string,
    objects: StoredObject[],
    record: (tx: Db) => Promise<T>,
  ): Promise<T> => {
    const bytes = objects.reduce((sum, { body }) => sum + body.length, 0);
    const checkQuota = async (handle: Db) => {
      if (bytes > 0 && (await storedBytesOf(handle, userId)) + bytes > quotaBytes) {
        throw new AppError(
          ErrorCode.PAYLOAD_TOO_LARGE,
          `These images would take you over your ${config.UPLOAD_QUOTA_MB} MB storage quota`,
        );
      }
    };
    await checkQuota(db);
    try {
      const results = await Promise.allSettled(
        objects.map(({ key, body }) => storage.put(key, body, WEBP)),
      );
      const failed = results.find((result) => result.status === 'rejected');
      if (failed) throw failed.reason;
      return await db.transaction(async (tx) => {
        await checkQuota(tx);
        if (objects.length > 0) {
          await insertStoredFiles(
            tx,
            objects.map(({ key, body }) => ({
              ownerId: userId,
              key,
              purpose: 'review_image',
              contentType: WEBP,
              bytes: body.length,
            })),
          );
        }
        return record(tx);
      });
    } catch (error) {
      await deleteObjects(objects.map(({ key }) => key));
      throw error;
    }
  };

  return { prepare, store };
};

export type ReviewImages = ReturnType<typeof createReviewImages>;
