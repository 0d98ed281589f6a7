import { wallClockAt } from '../../platform/wall-clock';

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` plus `days`. */
export const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** 0 = Sunday, as `provider_availability.day_of_week` counts. */
export const weekdayOf = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

export const clockOf = (minute: number) =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

/** Minutes since midnight of `HH:MM[:SS]`. */
export const minuteOf = (time: string) => {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  return hours * 60 + minutes;
};

/**
 * The instant a clock in `timeZone` shows `date` at `minute`: the inverse of `wallClockAt`
 * (the booking check in SQL computes the same instant; the seed compares the two).
 */
export const instantOf = (date: string, minute: number, timeZone: string): Date => {
  const asUtc = Date.parse(`${date}T${clockOf(minute)}:00Z`);
  const shown = wallClockAt(new Date(asUtc), timeZone);
  const offset = Date.parse(`${shown.date}T${shown.time}:00Z`) - asUtc;
  return new Date(asUtc - offset);
};
