import type {
  TAvailabilityException,
  TAvailabilitySlot,
  TCreateAvailabilityExceptionRequest,
  TReplaceAvailabilityRequest,
} from '@localkart/contracts/providers';
import { inTransaction, type Db } from '../../db/client';
import { AppError, ErrorCode } from '../../platform/errors';
import { assertNoOverlap, toSlot, toSlotRow } from './availability';
import {
  deleteException,
  insertException,
  listExceptions,
  listSlots,
  replaceSlots,
} from './provider-schedule.repo';
import { toException } from './provider-views';
import type { ProvidersService } from './providers.service';

/** Today's date (YYYY-MM-DD) where the provider works. */
export const todayIn = (timeZone: string, now = new Date()): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone }).format(now);

/** The weekly schedule and its exceptions (leave, holidays, part-day absences). */
export const createProviderScheduleService = ({
  db,
  providers,
}: {
  db: Db;
  providers: Pick<ProvidersService, 'providerOf' | 'announce'>;
}) => {
  const replaceAvailability = async (
    userId: string,
    { slots }: TReplaceAvailabilityRequest,
  ): Promise<TAvailabilitySlot[]> => {
    assertNoOverlap(slots);
    const provider = await providers.providerOf(userId);
    await inTransaction(db, (tx) => replaceSlots(tx, provider.id, slots.map(toSlotRow)));
    // "Available on …" searches depend on the schedule.
    await providers.announce(provider.id);
    return (await listSlots(db, provider.id)).map(toSlot);
  };

  const listUpcomingExceptions = async (userId: string): Promise<TAvailabilityException[]> => {
    const provider = await providers.providerOf(userId);
    const rows = await listExceptions(db, provider.id, todayIn(provider.timeZone));
    return rows.map(toException);
  };

  const addException = async (
    userId: string,
    request: TCreateAvailabilityExceptionRequest,
  ): Promise<TAvailabilityException> => {
    const provider = await providers.providerOf(userId);
    if (request.date < todayIn(provider.timeZone)) {
      throw new AppError(ErrorCode.VALIDATION_ERROR, 'Invalid date', [
        { path: 'date', message: 'must be today or later', code: 'past_date' },
      ]);
    }
    const row = await insertException(db, {
      providerId: provider.id,
      date: request.date,
      allDay: request.allDay,
      startTime: request.allDay ? null : request.start,
      endTime: request.allDay ? null : request.end,
      reason: request.reason,
      note: request.note ?? null,
    });
    await providers.announce(provider.id);
    return toException(row);
  };

  const removeException = async (userId: string, exceptionId: string) => {
    const provider = await providers.providerOf(userId);
    if (!(await deleteException(db, provider.id, exceptionId)))
      throw new AppError(ErrorCode.NOT_FOUND, 'Exception not found');
    await providers.announce(provider.id);
  };

  return { replaceAvailability, listUpcomingExceptions, addException, removeException };
};

export type ProviderScheduleService = ReturnType<typeof createProviderScheduleService>;
