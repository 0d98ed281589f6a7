import { and, count, desc, eq, gte, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { adminAuditLog } from '../../db/schema/audit';

export type NewAuditEntry = typeof adminAuditLog.$inferInsert;

const entryColumns = {
  id: adminAuditLog.id,
  actorId: adminAuditLog.actorId,
  actorEmail: adminAuditLog.actorEmail,
  action: adminAuditLog.action,
  targetType: adminAuditLog.targetType,
  targetId: adminAuditLog.targetId,
  before: adminAuditLog.before,
  after: adminAuditLog.after,
  reason: adminAuditLog.reason,
  requestId: adminAuditLog.requestId,
  createdAt: adminAuditLog.createdAt,
};
export type AuditRow = {
  [K in keyof typeof entryColumns]: (typeof adminAuditLog.$inferSelect)[K];
};

export const insertAuditEntry = async (db: Db, entry: NewAuditEntry): Promise<void> => {
  await db.insert(adminAuditLog).values(entry);
};

export type AuditFilter = {
  actorId?: string | undefined;
  action?: string | undefined;
  targetType?: string | undefined;
  targetId?: string | undefined;
  /** Calendar dates in `timeZone`, both included. */
  from?: string | undefined;
  to?: string | undefined;
  timeZone: string;
};

const whereOf = (filter: AuditFilter) =>
  and(
    filter.actorId ? eq(adminAuditLog.actorId, filter.actorId) : undefined,
    filter.action ? eq(adminAuditLog.action, filter.action) : undefined,
    filter.targetType ? eq(adminAuditLog.targetType, filter.targetType) : undefined,
    filter.targetId ? eq(adminAuditLog.targetId, filter.targetId) : undefined,
    filter.from
      ? gte(
          adminAuditLog.createdAt,
          sql`(${filter.from}::date)::timestamp AT TIME ZONE ${filter.timeZone}`,
        )
      : undefined,
    filter.to
      ? lt(
          adminAuditLog.createdAt,
          sql`((${filter.to}::date + 1)::timestamp AT TIME ZONE ${filter.timeZone})`,
        )
      : undefined,
  );

export const listAuditEntries = (
  db: Db,
  filter: AuditFilter,
  { limit, offset }: { limit: number; offset: number },
): Promise<AuditRow[]> =>
  db
    .select(entryColumns)
    .from(adminAuditLog)
    .where(whereOf(filter))
    .orderBy(desc(adminAuditLog.createdAt), desc(adminAuditLog.id))
    .limit(limit)
    .offset(offset);

export const countAuditEntries = async (db: Db, filter: AuditFilter): Promise<number> => {
  const [row] = await db.select({ total: count() }).from(adminAuditLog).where(whereOf(filter));
  return row?.total ?? 0;
};
