import type { TOwnProfile, TUpdateProfileRequest, TUserProfile } from '@localkart/contracts/users';
import { inTransaction, type Db } from '../../db/client';
import { AppError, ErrorCode } from '../../platform/errors';
import type { NotificationSettings } from '../notifications/notification-settings';
import type { PhoneProtection } from './phone-protection';
import { toUserPatch } from './user-profile';
import { findUserById, updateUser, type UserRow } from './users.repo';

export const createUsersService = ({
  db,
  phones,
  toProfile,
  notificationSettings,
}: {
  db: Db;
  phones: PhoneProtection;
  toProfile: (row: UserRow) => TUserProfile;
  /** The notification service's e-mail settings, read and changed with the profile. */
  notificationSettings: NotificationSettings;
}) => {
  const notFound = () => new AppError(ErrorCode.NOT_FOUND, 'User not found');

  const getProfile = async (userId: string): Promise<TOwnProfile> => {
    const row = await findUserById(db, userId);
    if (!row) throw notFound();
    return {
      ...toProfile(row),
      notificationSettings: await notificationSettings.settingsOf(userId),
    };
  };

  /** The profile and the e-mail settings change together or not at all. */
  const updateProfile = async (
    userId: string,
    { notificationSettings: settingsChange, ...change }: TUpdateProfileRequest,
  ): Promise<TOwnProfile> => {
    const updated = await inTransaction(db, async (tx) => {
      const row = await updateUser(tx, userId, toUserPatch(change, phones));
      if (!row) return undefined;
      const settings = settingsChange
        ? await notificationSettings.changeSettings(userId, settingsChange, tx)
        : await notificationSettings.settingsOf(userId, tx);
      return { ...toProfile(row), notificationSettings: settings };
    });
    if (!updated) throw notFound();
    return updated;
  };

  return { getProfile, updateProfile };
};

export type UsersService = ReturnType<typeof createUsersService>;
