import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { users } from './users';

/**
 * In-app notifications (booking changes, messages while offline, reviews, payments, document
 * verification). Title and body are rendered in the recipient's language when created; `data`
 * carries the ids a client needs to link to the subject (bookingId, reviewId, …).
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    type: varchar('type', { length: 48 }).notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    data: jsonb('data').$type<Record<string, string>>().notNull().default({}),
    /** Identifies the event that caused it, so a redelivered event makes no second notification. */
    eventKey: text('event_key'),
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('notifications_user_created_idx').on(
      table.userId,
      table.createdAt.desc(),
      table.id.desc(),
    ),
    index('notifications_unread_idx')
      .on(table.userId)
      .where(sql`${table.readAt} IS NULL`),
    uniqueIndex('notifications_event_key')
      .on(table.userId, table.eventKey)
      .where(sql`${table.eventKey} IS NOT NULL`),
  ],
);

/**
 * Which e-mails a user wants. No row means the defaults (all on); in-app notifications are
 * always created.
 */
export const notificationSettings = pgTable('notification_settings', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  emailBookings: boolean('email_bookings').notNull().default(true),
  emailPayments: boolean('email_payments').notNull().default(true),
  emailAccount: boolean('email_account').notNull().default(true),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
