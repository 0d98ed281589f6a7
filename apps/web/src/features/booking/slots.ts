import type { TAvailabilitySlot } from '@localkart/contracts/providers';

export type Slot = { date: string; time: string };

const WEEKDAYS = [
  'sunday',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
] as const;

/** The calendar date and clock time now in a time zone, e.g. `{ date: '2026-03-14', minutes: 570 }`. */
export const wallClock = (now: Date, timeZone: string) => {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return {
    date: `${part('year')}-${part('month')}-${part('day')}`,
    minutes: Number(part('hour')) * 60 + Number(part('minute')),
  };
};

const toMinutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
const toClock = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

const addDays = (date: string, days: number) => {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
};

type Options = {
  availability: TAvailabilitySlot[];
  /** Days the provider is away all day. */
  unavailableDates: string[];
  timeZone: string;
  durationMinutes: number;
  now: Date;
  days?: number;
  stepMinutes?: number;
  /** Lead time: a slot starting sooner than this is not offered. */
  leadMinutes?: number;
};

/**
 * Start times, on the provider's clock, at which a job of the given length fits inside the weekly
 * hours, away from days off, and far enough ahead. Whether another booking holds the time is
 * the server's to say (the quote's `slotFree`); this only offers what the schedule allows.
 */
export const slotsByDay = ({
  availability,
  unavailableDates,
  timeZone,
  durationMinutes,
  now,
  days = 7,
  stepMinutes = 60,
  leadMinutes = 60,
}: Options) => {
  const today = wallClock(now, timeZone);
  const away = new Set(unavailableDates);
  const result: { date: string; slots: Slot[] }[] = [];
  for (let offset = 0; offset < days; offset += 1) {
    const date = addDays(today.date, offset);
    if (away.has(date)) continue;
    const weekday = WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()];
    const earliest = offset === 0 ? today.minutes + leadMinutes : 0;
    const slots: Slot[] = [];
    for (const window of availability.filter((slot) => slot.day === weekday)) {
      const end = toMinutes(window.end);
      // Align to the step from the window's start, so 09:30–… windows offer 09:30, 10:30, ….
      for (
        let start = toMinutes(window.start);
        start + durationMinutes <= end;
        start += stepMinutes
      )
        if (start >= earliest) slots.push({ date, time: toClock(start) });
    }
    slots.sort((a, b) => a.time.localeCompare(b.time));
    if (slots.length > 0) result.push({ date, slots });
  }
  return result;
};
