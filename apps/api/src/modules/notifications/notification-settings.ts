import type {
  TNotificationSettings,
  TNotificationSettingsChange,
} from '@localkart/contracts/notifications';
import type { Db } from '../../db/client';
import { findNotificationSettings, upsertNotificationSettings } from './notification-settings.repo';

/** No row means every e-mail is wanted. */
export const DEFAULT_NOTIFICATION_SETTINGS: TNotificationSettings = Object.freeze({
  emailBookings: true,
  emailPayments: true,
  emailAccount: true,
});

/** What the users module reads and changes through `PUT /api/users/profile`. */
export const createNotificationSettings = ({ db }: { db: Db }) => ({
  settingsOf: async (userId: string, tx: Db = db): Promise<TNotificationSettings> =>
    (await findNotificationSettings(tx, userId)) ?? DEFAULT_NOTIFICATION_SETTINGS,

  /** Changes only the given settings; runs in the caller's transaction when given one. */
  changeSettings: (
    userId: string,
    change: TNotificationSettingsChange,
    tx: Db = db,
  ): Promise<TNotificationSettings> => upsertNotificationSettings(tx, userId, change),
});

export type NotificationSettings = ReturnType<typeof createNotificationSettings>;
