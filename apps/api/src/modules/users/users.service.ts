import type { TUpdateProfileRequest, TUserProfile } from '@localkart/contracts/users';
import type { Db } from '../../db/client';
import { AppError, ErrorCode } from '../../platform/errors';
import type { PhoneProtection } from './phone-protection';
import { toUserPatch } from './user-profile';
import { findUserById, updateUser, type UserRow } from './users.repo';

export const createUsersService = ({
  db,
  phones,
  toProfile,
}: {
  db: Db;
  phones: PhoneProtection;
  toProfile: (row: UserRow) => TUserProfile;
}) => {
  const notFound = () => new AppError(ErrorCode.NOT_FOUND, 'User not found');

  const getProfile = async (userId: string): Promise<TUserProfile> => {
    const row = await findUserById(db, userId);
    if (!row) throw notFound();
    return toProfile(row);
  };

  const updateProfile = async (
    userId: string,
    change: TUpdateProfileRequest,
  ): Promise<TUserProfile> => {
    const row = await updateUser(db, userId, toUserPatch(change, phones));
    if (!row) throw notFound();
    return toProfile(row);
  };

  return { getProfile, updateProfile };
};

export type UsersService = ReturnType<typeof createUsersService>;
