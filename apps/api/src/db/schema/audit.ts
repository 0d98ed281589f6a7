import { index, jsonb, pgTable, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { userRole, users } from './users';

/**
 * Every state change an admin makes: who (the actor, kept as e-mail too so the entry still reads
 * after the account is gone), what (an action such as `user.suspend` and its target), when, the
 * target's state before and after, and the admin's reason. Append-only: nothing updates or
 * deletes a row.
 */
export const adminAuditLog = pgTable(
  'admin_audit_log',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    actorEmail: text('actor_email').notNull(),
    actorRole: userRole('actor_role').notNull(),
    action: varchar('action', { length: 64 }).notNull(),
    targetType: varchar('target_type', { length: 32 }).notNull(),
    targetId: varchar('target_id', { length: 200 }).notNull(),
    before: jsonb('before').$type<unknown>(),
    after: jsonb('after').$type<unknown>(),
    reason: varchar('reason', { length: 1000 }),
    requestId: varchar('request_id', { length: 128 }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('admin_audit_log_created_idx').on(table.createdAt.desc(), table.id.desc()),
    index('admin_audit_log_actor_idx').on(table.actorId, table.createdAt.desc()),
    index('admin_audit_log_target_idx').on(
      table.targetType,
      table.targetId,
      table.createdAt.desc(),
    ),
    index('admin_audit_log_action_idx').on(table.action, table.createdAt.desc()),
  ],
);
