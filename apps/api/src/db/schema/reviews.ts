import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { bookings } from './bookings';
import { providers } from './providers';
import { users } from './users';

/**
 * ERD §4.1 Reviews: one per completed booking, by its customer; the provider may reply once.
 * `providers.rating_average` and `rating_count` are recomputed from the visible reviews in the
 * transaction that changes one. Hidden reviews (admin moderation) are not shown or counted.
 */
export const reviews = pgTable(
  'reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    bookingId: uuid('booking_id')
      .notNull()
      .references(() => bookings.id, { onDelete: 'cascade' }),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => providers.id, { onDelete: 'cascade' }),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    rating: smallint('rating').notNull(),
    comment: text('comment').notNull().default(''),
    /** Storage key prefixes, in upload order; each has two WebP sizes (see review-views.ts). */
    imageKeys: text('image_keys')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    reply: text('reply'),
    repliedAt: timestamp('replied_at', { withTimezone: true }),
    isHidden: boolean('is_hidden').notNull().default(false),
    hiddenReason: varchar('hidden_reason', { length: 500 }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('reviews_booking_key').on(table.bookingId),
    index('reviews_provider_visible_idx')
      .on(table.providerId, table.createdAt.desc(), table.id.desc())
      .where(sql`NOT ${table.isHidden}`),
    index('reviews_customer_idx').on(table.customerId),
    check('reviews_rating_range', sql`${table.rating} BETWEEN 1 AND 5`),
    check('reviews_comment_length', sql`char_length(${table.comment}) <= 2000`),
    check('reviews_reply_length', sql`char_length(${table.reply}) BETWEEN 1 AND 2000`),
    check('reviews_reply_time', sql`(${table.reply} IS NULL) = (${table.repliedAt} IS NULL)`),
    check('reviews_image_count', sql`cardinality(${table.imageKeys}) <= 5`),
  ],
);
