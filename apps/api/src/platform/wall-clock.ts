import { LRUCache } from 'lru-cache';

/** A calendar date and clock time as people in one time zone read them. */
export type WallClock = { date: string; time: string };

const MINUTE_MS = 60_000;
const QUARTER_HOUR_MS = 15 * MINUTE_MS;

const formatters = new Map<string, Intl.DateTimeFormat>();

const formatterFor = (timeZone: string) => {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, format);
  }
  return format;
};

/** `ms` rounded down to its minute, before 1970 too. */
const minuteOf = (ms: number) => Math.floor(ms / MINUTE_MS) * MINUTE_MS;

/** How far (ms) the zone's clock is ahead of UTC at `ms`, to the minute, as Intl reads it. */
const offsetFromIntl = (ms: number, timeZone: string): number => {
  const part: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const { type, value } of formatterFor(timeZone).formatToParts(ms)) part[type] = value;
  const shown = Date.UTC(
    Number(part.year),
    Number(part.month) - 1,
    Number(part.day),
    Number(part.hour),
    Number(part.minute),
  );
  return shown - minuteOf(ms);
};

/**
 * Offsets by zone and UTC quarter hour. Asking Intl costs ~15 µs (a booking list renders two per
 * row), and zones change offset at quarter-hour instants in practice, so one answer serves the
 * whole quarter; a quarter whose first and last minutes disagree is never cached.
 */
const offsets = new LRUCache<string, number>({ max: 10_000 });

const offsetAt = (ms: number, timeZone: string): number => {
  const quarter = Math.floor(ms / QUARTER_HOUR_MS) * QUARTER_HOUR_MS;
  const key = `${timeZone} ${quarter}`;
  const cached = offsets.get(key);
  if (cached !== undefined) return cached;
  const offset = offsetFromIntl(quarter, timeZone);
  if (offsetFromIntl(quarter + QUARTER_HOUR_MS - MINUTE_MS, timeZone) !== offset) {
    return offsetFromIntl(ms, timeZone);
  }
  offsets.set(key, offset);
  return offset;
};

const twoDigits = (n: number) => String(n).padStart(2, '0');

/** `instant` on the calendar and clock of `timeZone`: `{ date: 'YYYY-MM-DD', time: 'HH:MM' }`. */
export const wallClockAt = (instant: Date, timeZone: string): WallClock => {
  const ms = instant.getTime();
  // The zone's clock reading, expressed as a UTC instant so the UTC getters read it out.
  const shown = new Date(minuteOf(ms) + offsetAt(ms, timeZone));
  return {
    date: `${String(shown.getUTCFullYear()).padStart(4, '0')}-${twoDigits(shown.getUTCMonth() + 1)}-${twoDigits(shown.getUTCDate())}`,
    time: `${twoDigits(shown.getUTCHours())}:${twoDigits(shown.getUTCMinutes())}`,
  };
};
