import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { notificationSettings } from '../../db/schema/notifications';

export type NotificationSettingsRow = {
  emailBookings: boolean;
  emailPayments: boolean;
  emailAccount: boolean;
};

const settingsColumns = {
  emailBookings: notificationSettings.emailBookings,
  emailPayments: notificationSettings.emailPayments,
  emailAccount: notificationSettings.emailAccount,
};

export const findNotificationSettings = async (
  db: Db,
  userId: string,
): Promise<NotificationSettingsRow | undefined> => {
  const [row] = await db
    .select(settingsColumns)
    .from(notificationSettings)
    .where(eq(notificationSettings.userId, userId));
  return row;
};

/** Creates the user's row (unset columns take their default, on) or changes the given columns. */
export const upsertNotificationSettings = async (
  db: Db,
  userId: string,
  change: Partial<NotificationSettingsRow>,
): Promise<NotificationSettingsRow> => {
  const [row] = await db
    .insert(notificationSettings)
    .values({ userId, ...change })
    .onConflictDoUpdate({
      target: notificationSettings.userId,
      set: { ...change, updatedAt: sql`now()` },
    })
    .returning(settingsColumns);
  return row!;
};
