import type { Storage } from '../../platform/storage/storage';
import type { AvatarUrls } from './user-profile';

/** The two stored sizes of an avatar, under one key prefix. */
export const avatarObjectKeys = (avatarKey: string) => ({
  large: `${avatarKey}-512.webp`,
  thumbnail: `${avatarKey}-128.webp`,
});

export const createAvatarUrls =
  (storage: Storage): AvatarUrls =>
  (avatarKey) => {
    const keys = avatarObjectKeys(avatarKey);
    return { url: storage.publicUrl(keys.large), thumbnailUrl: storage.publicUrl(keys.thumbnail) };
  };
