import type { TAvailabilitySlot } from '@localkart/contracts/providers';
import { ZWeekday } from '@localkart/contracts/providers';
import type { TFieldError } from '@localkart/contracts/errors';
import { AppError, ErrorCode } from '../../platform/errors';
import type { SlotRow } from './provider-schedule.repo';

/** Index = PostgreSQL day of week (0 = Sunday). */
const WEEKDAYS = ZWeekday.options;

/** `09:00:00` (PostgreSQL `time`) → `09:00`. */
export const clockOf = (time: string): string => time.slice(0, 5);

export const toSlotRow = (slot: TAvailabilitySlot): SlotRow => ({
  dayOfWeek: WEEKDAYS.indexOf(slot.day),
  startTime: slot.start,
  endTime: slot.end,
});

export const toSlot = (row: SlotRow): TAvailabilitySlot => ({
  day: WEEKDAYS[row.dayOfWeek]!,
  start: clockOf(row.startTime),
  end: clockOf(row.endTime),
});

/**
 * Slots of one day may touch (09:00–13:00, 13:00–17:00) but not overlap; 400 names every slot
 * that overlaps an earlier one.
 */
export const assertNoOverlap = (slots: readonly TAvailabilitySlot[]): void => {
  const order = slots
    .map((slot, index) => ({ slot, index }))
    .sort(
      (a, b) => a.slot.day.localeCompare(b.slot.day) || a.slot.start.localeCompare(b.slot.start),
    );
  const errors: TFieldError[] = [];
  for (let i = 1; i < order.length; i += 1) {
    const previous = order[i - 1]!.slot;
    const { slot, index } = order[i]!;
    if (slot.day === previous.day && slot.start < previous.end) {
      errors.push({
        path: `slots.${index}`,
        message: `overlaps ${previous.day} ${previous.start}–${previous.end}`,
        code: 'overlap',
      });
    }
  }
  if (errors.length > 0)
    throw new AppError(ErrorCode.VALIDATION_ERROR, 'Slots of one day must not overlap', errors);
};
