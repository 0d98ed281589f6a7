import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  doublePrecision,
  index,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { citext } from './types';

export const userRole = pgEnum('user_role', ['customer', 'provider', 'admin']);

/** ERD §4.1 Users, with the profile and location as columns. */
export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: citext('email').notNull(),
    /** Null for accounts that only sign in through an identity provider. */
    passwordHash: text('password_hash'),
    role: userRole('role').notNull().default('customer'),
    firstName: varchar('first_name', { length: 50 }).notNull(),
    lastName: varchar('last_name', { length: 50 }).notNull(),
    /** AES-256-GCM ciphertext of the E.164 number, the key it was made with, and a blind index. */
    phoneCiphertext: text('phone_ciphertext'),
    phoneKeyId: varchar('phone_key_id', { length: 16 }),
    phoneIndex: varchar('phone_index', { length: 64 }),
    /** Storage key prefix of the current avatar (`avatars/<id>`); sizes are derived from it. */
    avatarKey: text('avatar_key'),
    language: varchar('language', { length: 8 }).notNull().default('en'),
    timeZone: text('time_zone').notNull().default('Asia/Kolkata'),
    address: text('address'),
    city: text('city'),
    state: text('state'),
    pincode: varchar('pincode', { length: 6 }),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    isVerified: boolean('is_verified').notNull().default(false),
    isActive: boolean('is_active').notNull().default(true),
    /** Access tokens issued before this instant are refused (password reset, suspension). */
    tokensValidAfter: timestamp('tokens_valid_after', { withTimezone: true })
      .notNull()
      .defaultNow(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('users_email_key').on(table.email),
    index('users_role_active_idx').on(table.role, table.isActive),
    index('users_phone_index_idx').on(table.phoneIndex),
    index('users_location_gist')
      .using('gist', sql`ll_to_earth(${table.latitude}, ${table.longitude})`)
      .where(sql`${table.latitude} IS NOT NULL AND ${table.longitude} IS NOT NULL`),
    check('users_pincode_format', sql`${table.pincode} ~ '^[1-9][0-9]{5}$'`),
    check(
      'users_coordinates_pair',
      sql`(${table.latitude} IS NULL) = (${table.longitude} IS NULL) AND ${table.latitude} BETWEEN -90 AND 90 AND ${table.longitude} BETWEEN -180 AND 180`,
    ),
  ],
);
