import type { TUserProfile, TUpdateProfileRequest } from '@localkart/contracts/users';
import type { PhoneProtection } from './phone-protection';
import type { UserPatch, UserRow } from './users.repo';

export type AvatarUrls = (avatarKey: string) => { url: string; thumbnailUrl: string };

/** The profile as its owner sees it, built field by field from the row. */
export const toUserProfile = (
  row: UserRow,
  { phones, avatarUrls }: { phones: PhoneProtection; avatarUrls: AvatarUrls },
): TUserProfile => ({
  id: row.id,
  email: row.email,
  role: row.role,
  firstName: row.firstName,
  lastName: row.lastName,
  phone: phones.reveal(row),
  avatar: row.avatarKey ? avatarUrls(row.avatarKey) : null,
  language: row.language === 'hi' ? 'hi' : 'en',
  timeZone: row.timeZone,
  location:
    row.address && row.city && row.state && row.pincode
      ? {
          address: row.address,
          city: row.city,
          state: row.state,
          pincode: row.pincode,
          coordinates:
            row.latitude !== null && row.longitude !== null
              ? { lat: row.latitude, lng: row.longitude }
              : null,
        }
      : null,
  isVerified: row.isVerified,
  createdAt: row.createdAt.toISOString(),
});

/** Maps a validated profile change onto columns; absent fields stay as they are. */
export const toUserPatch = (change: TUpdateProfileRequest, phones: PhoneProtection): UserPatch => {
  const { firstName, lastName, language, timeZone, phone, location } = change;
  return {
    ...(firstName === undefined ? {} : { firstName }),
    ...(lastName === undefined ? {} : { lastName }),
    ...(language === undefined ? {} : { language }),
    ...(timeZone === undefined ? {} : { timeZone }),
    ...(phone === undefined ? {} : phones.protect(phone)),
    ...(location === undefined
      ? {}
      : {
          address: location?.address ?? null,
          city: location?.city ?? null,
          state: location?.state ?? null,
          pincode: location?.pincode ?? null,
          latitude: location?.coordinates?.lat ?? null,
          longitude: location?.coordinates?.lng ?? null,
        }),
  };
};
