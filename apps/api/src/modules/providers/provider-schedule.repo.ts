import { and, asc, eq, gte, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { providerAvailability, providerAvailabilityExceptions } from '../../db/schema/providers';

export type SlotRow = { dayOfWeek: number; startTime: string; endTime: string };

/** A calendar date and optionally a wall-clock time, in the provider's time zone. */
export type ScheduleMoment = { date: string; time?: string };

/**
 * SQL that is true when the provider whose id is `providerId` works at `moment`: a weekly slot on
 * that weekday (covering the time, if given) and no leave covering it. For other modules' queries
 * (search), so the schedule tables stay known only here.
 */
export const providerWorksAtSql = (providerId: SQL, { date, time }: ScheduleMoment): SQL => {
  const slotCovers = time
    ? sql`AND slot.start_time <= ${time}::time AND slot.end_time > ${time}::time`
    : sql``;
  const leaveCovers = time
    ? sql`AND (leave.all_day OR (leave.start_time <= ${time}::time AND leave.end_time > ${time}::time))`
    : sql`AND leave.all_day`;
  return sql`(EXISTS (SELECT 1 FROM ${providerAvailability} slot
      WHERE slot.provider_id = ${providerId}
        AND slot.day_of_week = EXTRACT(DOW FROM ${date}::date) ${slotCovers})
    AND NOT EXISTS (SELECT 1 FROM ${providerAvailabilityExceptions} leave
      WHERE leave.provider_id = ${providerId} AND leave.date = ${date}::date ${leaveCovers}))`;
};

export const listSlots = (db: Db, providerId: string): Promise<SlotRow[]> =>
  db
    .select({
      dayOfWeek: providerAvailability.dayOfWeek,
      startTime: providerAvailability.startTime,
      endTime: providerAvailability.endTime,
    })
    .from(providerAvailability)
    .where(eq(providerAvailability.providerId, providerId))
    .orderBy(asc(providerAvailability.dayOfWeek), asc(providerAvailability.startTime));

/** Replaces every slot of the provider; run inside a transaction. */
export const replaceSlots = async (db: Db, providerId: string, slots: SlotRow[]) => {
  await db.delete(providerAvailability).where(eq(providerAvailability.providerId, providerId));
  if (slots.length > 0)
    await db.insert(providerAvailability).values(slots.map((slot) => ({ ...slot, providerId })));
};

const exceptionColumns = {
  id: providerAvailabilityExceptions.id,
  date: providerAvailabilityExceptions.date,
  allDay: providerAvailabilityExceptions.allDay,
  startTime: providerAvailabilityExceptions.startTime,
  endTime: providerAvailabilityExceptions.endTime,
  reason: providerAvailabilityExceptions.reason,
  note: providerAvailabilityExceptions.note,
};
export type ExceptionRow = {
  [K in keyof typeof exceptionColumns]: (typeof providerAvailabilityExceptions.$inferSelect)[K];
};
export type NewExceptionRow = typeof providerAvailabilityExceptions.$inferInsert;

export const insertException = async (db: Db, row: NewExceptionRow): Promise<ExceptionRow> => {
  const [inserted] = await db
    .insert(providerAvailabilityExceptions)
    .values(row)
    .returning(exceptionColumns);
  return inserted!;
};

/** Exceptions on or after `fromDate` (YYYY-MM-DD). */
export const listExceptions = (db: Db, providerId: string, fromDate: string) =>
  db
    .select(exceptionColumns)
    .from(providerAvailabilityExceptions)
    .where(
      and(
        eq(providerAvailabilityExceptions.providerId, providerId),
        gte(providerAvailabilityExceptions.date, fromDate),
      ),
    )
    .orderBy(
      asc(providerAvailabilityExceptions.date),
      asc(providerAvailabilityExceptions.startTime),
    );

export const deleteException = async (db: Db, providerId: string, id: string) => {
  const rows = await db
    .delete(providerAvailabilityExceptions)
    .where(
      and(
        eq(providerAvailabilityExceptions.id, id),
        eq(providerAvailabilityExceptions.providerId, providerId),
      ),
    )
    .returning({ id: providerAvailabilityExceptions.id });
  return rows.length > 0;
};
