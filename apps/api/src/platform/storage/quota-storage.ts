import type { Config } from '../../config';
import { inTransaction, type Db } from '../../db/client';
import { AppError, ErrorCode } from '../errors';
import type { Logger } from '../logger';
import type { PrivateStorage } from './storage';
import { insertStoredFiles, storedBytesOf } from './stored-files.repo';

export type ObjectToStore = { key: string; body: Buffer; contentType: string };

/**
 * Uploads counted against each user's storage quota: the objects are written, then their rows
 * and the caller's `record` commit in one transaction with the quota checked again; if any
 * step fails, the written objects are deleted, so storage never holds what the database does
 * not know.
 */
export const createQuotaStorage = ({
  db,
  logger,
  config,
}: {
  db: Db;
  logger: Logger;
  config: Pick<Config, 'UPLOAD_QUOTA_MB'>;
}) => {
  const quotaBytes = config.UPLOAD_QUOTA_MB * 1024 * 1024;

  /** Deletes what it can; returns the keys deleted, logs the others. */
  const deleteObjects = async (store: PrivateStorage, keys: string[]): Promise<string[]> => {
    const results = await Promise.allSettled(keys.map((key) => store.delete(key)));
    return keys.filter((key, index) => {
      const result = results[index]!;
      if (result.status === 'rejected')
        logger.warn({ err: result.reason as unknown, key }, 'could not delete a stored file');
      return result.status === 'fulfilled';
    });
  };

  const storeObjects = async <T>({
    store,
    userId,
    purpose,
    objects,
    record,
  }: {
    store: PrivateStorage;
    userId: string;
    purpose: string;
    objects: ObjectToStore[];
    record: (tx: Db) => Promise<T>;
  }): Promise<T> => {
    const bytes = objects.reduce((sum, { body }) => sum + body.length, 0);
    const checkQuota = async (handle: Db) => {
      if (bytes > 0 && (await storedBytesOf(handle, userId)) + bytes > quotaBytes) {
        throw new AppError(
          ErrorCode.PAYLOAD_TOO_LARGE,
          `This upload would take you over your ${config.UPLOAD_QUOTA_MB} MB storage quota`,
        );
      }
    };
    await checkQuota(db);
    try {
      const results = await Promise.allSettled(
        objects.map(({ key, body, contentType }) => store.put(key, body, contentType)),
      );
      const failed = results.find((result) => result.status === 'rejected');
      if (failed) throw failed.reason;
      return await inTransaction(db, async (tx) => {
        await checkQuota(tx);
        if (objects.length > 0)
          await insertStoredFiles(
            tx,
            objects.map(({ key, body, contentType }) => ({
              ownerId: userId,
              key,
              purpose,
              contentType,
              bytes: body.length,
            })),
          );
        return record(tx);
      });
    } catch (error) {
      await deleteObjects(
        store,
        objects.map(({ key }) => key),
      );
      throw error;
    }
  };

  return { storeObjects, deleteObjects };
};

export type QuotaStorage = ReturnType<typeof createQuotaStorage>;
