import {
  char,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  timestamp,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { users } from './users';

export const idempotencyKeyStatus = pgEnum('idempotency_key_status', ['in_progress', 'completed']);

/** Stripe-style `Idempotency-Key`s: the first response to a key, per user and route, for 24 h. */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** Method and path, e.g. `POST /api/users/wallet/top-up`. */
    scope: varchar('scope', { length: 300 }).notNull(),
    key: varchar('key', { length: 255 }).notNull(),
    /** SHA-256 of the canonical request body: the same key with another body is refused. */
    requestHash: char('request_hash', { length: 64 }).notNull(),
    status: idempotencyKeyStatus('status').notNull().default('in_progress'),
    responseStatus: integer('response_status'),
    responseBody: jsonb('response_body'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    primaryKey({ name: 'idempotency_keys_pk', columns: [table.userId, table.scope, table.key] }),
    index('idempotency_keys_expires_idx').on(table.expiresAt),
  ],
);
