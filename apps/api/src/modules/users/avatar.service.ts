import { randomUUID } from 'node:crypto';
import type { TUserProfile } from '@localkart/contracts/users';
import type { Config } from '../../config';
import { inTransaction, type Db } from '../../db/client';
import { AppError, ErrorCode } from '../../platform/errors';
import type { Logger } from '../../platform/logger';
import { IMAGE_TYPES, sniffContentType } from '../../platform/uploads/content-type';
import { renderSquareWebp } from '../../platform/uploads/image-processing';
import type { Storage } from '../../platform/storage/storage';
import {
  deleteStoredFiles,
  insertStoredFiles,
  storedBytesOf,
} from '../../platform/storage/stored-files.repo';
import { avatarObjectKeys } from './avatar-urls';
import { findUserById, lockUserById, updateUser, type UserRow } from './users.repo';

export const AVATAR_UPLOAD = { field: 'avatar', maxBytes: 5 * 1024 * 1024 } as const;
const MAX_PIXELS = 40_000_000;
const SIZES = { large: 512, thumbnail: 128 } as const;
const PURPOSE = 'avatar';
const WEBP = 'image/webp';

type StoredObject = { key: string; body: Buffer };

const keysOf = (avatarKey: string | null): string[] =>
  avatarKey ? Object.values(avatarObjectKeys(avatarKey)) : [];

/**
 * A user's avatar: the upload is checked by content, re-encoded to two WebP sizes under a new
 * server-made key, recorded against the user's quota, and swapped in; the old one is deleted.
 * Nothing is left behind when any step before the swap fails.
 */
export const createAvatarService = ({
  db,
  storage,
  logger,
  config,
  toProfile,
}: {
  db: Db;
  storage: Storage;
  logger: Logger;
  config: Pick<Config, 'UPLOAD_QUOTA_MB'>;
  toProfile: (row: UserRow) => TUserProfile;
}) => {
  const quotaBytes = config.UPLOAD_QUOTA_MB * 1024 * 1024;
  const notFound = () => new AppError(ErrorCode.NOT_FOUND, 'User not found');

  /** 413 when the new files, less the ones they replace, would take the user over quota. */
  const checkQuota = async (handle: Db, userId: string, replacing: string[], adding: number) => {
    const used = await storedBytesOf(handle, userId, replacing);
    if (used + adding > quotaBytes) {
      throw new AppError(
        ErrorCode.PAYLOAD_TOO_LARGE,
        `This upload would take you over your ${config.UPLOAD_QUOTA_MB} MB storage quota`,
      );
    }
  };

  /** Deletes objects; returns the keys that are gone. Failures are logged, never thrown. */
  const deleteObjects = async (keys: string[]): Promise<string[]> => {
    const results = await Promise.allSettled(keys.map((key) => storage.delete(key)));
    return keys.filter((key, index) => {
      const result = results[index]!;
      if (result.status === 'rejected')
        logger.warn({ err: result.reason as unknown, key }, 'could not delete a stored file');
      return result.status === 'fulfilled';
    });
  };

  const putObjects = async (objects: StoredObject[]) => {
    const results = await Promise.allSettled(
      objects.map(({ key, body }) => storage.put(key, body, WEBP)),
    );
    const failed = results.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
  };

  /** The old avatar's objects, then the rows of those actually deleted (so none is lost track of). */
  const releaseAvatar = async (userId: string, avatarKey: string | null) => {
    const deleted = await deleteObjects(keysOf(avatarKey));
    try {
      await deleteStoredFiles(db, userId, deleted);
    } catch (error) {
      logger.warn({ err: error, userId }, 'could not delete stored-file rows of an old avatar');
    }
  };

  const replaceAvatar = async (userId: string, upload: Buffer): Promise<TUserProfile> => {
    const type = await sniffContentType(upload, IMAGE_TYPES);
    const [large, thumbnail] = await renderSquareWebp(
      upload,
      type,
      [SIZES.large, SIZES.thumbnail],
      {
        maxPixels: MAX_PIXELS,
      },
    );
    const avatarKey = `avatars/${userId}/${randomUUID()}`;
    const keys = avatarObjectKeys(avatarKey);
    const objects: StoredObject[] = [
      { key: keys.large, body: large! },
      { key: keys.thumbnail, body: thumbnail! },
    ];
    const bytes = objects.reduce((sum, { body }) => sum + body.length, 0);

    const current = await findUserById(db, userId);
    if (!current) throw notFound();
    // Checked before anything is stored, and again under the lock in case of concurrent uploads.
    await checkQuota(db, userId, keysOf(current.avatarKey), bytes);

    let swapped: { row: UserRow; previousKey: string | null };
    try {
      await putObjects(objects);
      swapped = await inTransaction(db, async (tx) => {
        const locked = await lockUserById(tx, userId);
        if (!locked) throw notFound();
        await checkQuota(tx, userId, keysOf(locked.avatarKey), bytes);
        await insertStoredFiles(
          tx,
          objects.map(({ key, body }) => ({
            ownerId: userId,
            key,
            purpose: PURPOSE,
            contentType: WEBP,
            bytes: body.length,
          })),
        );
        const row = await updateUser(tx, userId, { avatarKey });
        if (!row) throw notFound();
        return { row, previousKey: locked.avatarKey };
      });
    } catch (error) {
      await deleteObjects(objects.map(({ key }) => key));
      throw error;
    }
    await releaseAvatar(userId, swapped.previousKey);
    return toProfile(swapped.row);
  };

  return { replaceAvatar };
};

export type AvatarService = ReturnType<typeof createAvatarService>;
