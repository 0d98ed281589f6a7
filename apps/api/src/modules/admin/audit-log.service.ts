import type { TAuditEntry, TAuditLogQuery } from '@localkart/contracts/admin';
import type { TPageMeta } from '@localkart/contracts/envelope';
import type { Db } from '../../db/client';
import type { Within } from '../../db/within';
import type { AuthenticatedUser } from '../auth/auth.guard';
import {
  countAuditEntries,
  insertAuditEntry,
  listAuditEntries,
  type AuditRow,
} from './audit-log.repo';

/** The admin platform's calendar: audit dates and reports are days in India. */
export const ADMIN_TIME_ZONE = 'Asia/Kolkata';

/** Who acts, from the request: the signed-in admin and the request id for the logs. */
export type Actor = AuthenticatedUser & { requestId?: string | undefined };

export type AuditRecord = {
  action: string;
  targetType: string;
  targetId: string;
  before: unknown;
  after: unknown;
  reason?: string | undefined;
};

/** JSON as PostgreSQL's jsonb will hold it: Dates become ISO strings, undefined disappears. */
const asJson = (value: unknown): unknown =>
  value === undefined ? null : (JSON.parse(JSON.stringify(value)) as unknown);

const toEntry = (row: AuditRow): TAuditEntry => ({
  id: row.id,
  actorId: row.actorId,
  actorEmail: row.actorEmail,
  action: row.action,
  targetType: row.targetType,
  targetId: row.targetId,
  before: row.before ?? null,
  after: row.after ?? null,
  reason: row.reason,
  requestId: row.requestId,
  createdAt: row.createdAt.toISOString(),
});

/**
 * The admin audit log. Every admin action passes `record` with the change's own transaction
 * (`tx`): its module's service runs it after writing the change and before committing, so the
 * change and its entry commit together or not at all. If the entry cannot be written, the change
 * is rolled back and the admin gets an error; a fault between the two cannot leave a change the
 * log does not show.
 */
export const createAuditLog = ({ db }: { db: Db }) => {
  const record = async (actor: Actor, entry: AuditRecord, tx: Db = db): Promise<void> => {
    await insertAuditEntry(tx, {
      actorId: actor.userId,
      actorEmail: actor.email,
      actorRole: actor.role,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId,
      before: asJson(entry.before),
      after: asJson(entry.after),
      reason: entry.reason ?? null,
      requestId: actor.requestId?.slice(0, 128) ?? null,
    });
  };

  /**
   * The entry as a change's `within` work, so it is written in that change's own transaction:
   * no change without its entry. `describe` turns the change into the entry.
   */
  const within = <Change>(
    actor: Actor,
    describe: (change: Change) => AuditRecord,
  ): Within<Change> => ({
    within: (tx, change) => record(actor, describe(change), tx),
  });

  const list = async (
    query: TAuditLogQuery,
  ): Promise<{ entries: TAuditEntry[]; meta: TPageMeta }> => {
    const filter = { ...query, timeZone: ADMIN_TIME_ZONE };
    const [rows, total] = await Promise.all([
      listAuditEntries(db, filter, { limit: query.limit, offset: (query.page - 1) * query.limit }),
      countAuditEntries(db, filter),
    ]);
    return {
      entries: rows.map(toEntry),
      meta: {
        page: query.page,
        limit: query.limit,
        total,
        hasNext: query.page * query.limit < total,
      },
    };
  };

  return { record, within, list };
};

export type AuditLog = ReturnType<typeof createAuditLog>;
