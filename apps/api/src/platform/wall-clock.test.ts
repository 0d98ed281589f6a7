import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wallClockAt } from './wall-clock';

const formats = new Map<string, Intl.DateTimeFormat>();

/** What Intl shows for the instant, asked every time and another way: Swedish reads ISO-like. */
const intlReading = (instant: Date, timeZone: string) => {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('sv-SE', { timeZone, dateStyle: 'short', timeStyle: 'short' });
    formats.set(timeZone, format);
  }
  const [date, time] = format.format(instant).split(' ');
  return { date, time };
};

// Half-hour and 45-minute offsets, half-hour daylight saving, both hemispheres, and no DST.
const ZONES = [
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Europe/London',
  'America/New_York',
  'America/St_Johns',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'America/Santiago',
  'Asia/Gaza',
  'UTC',
];

describe('wallClockAt', () => {
  it('when read for Indian time, then it is UTC plus five and a half hours', () => {
    expect(wallClockAt(new Date('2026-11-27T18:45:59.999Z'), 'Asia/Kolkata')).toEqual({
      date: '2026-11-28',
      time: '00:15',
    });
  });

  it('when the clocks change, then the minutes either side read as Intl reads them', () => {
    // New York springs forward at 07:00 UTC and falls back at 06:00 UTC in 2026.
    for (const iso of [
      '2026-03-08T06:59:00Z',
      '2026-03-08T07:00:00Z',
      '2026-11-01T05:59:00Z',
      '2026-11-01T06:00:00Z',
    ]) {
      const instant = new Date(iso);
      expect(wallClockAt(instant, 'America/New_York')).toEqual(
        intlReading(instant, 'America/New_York'),
      );
    }
  });

  it('for any instant from 1975 to 2060 in any zone, then it reads as Intl does', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1975-01-01T00:00:00Z'),
          max: new Date('2060-12-31T23:59:59Z'),
          noInvalidDate: true,
        }),
        fc.constantFrom(...ZONES),
        (instant, timeZone) => {
          expect(wallClockAt(instant, timeZone)).toEqual(intlReading(instant, timeZone));
        },
      ),
      { numRuns: 5_000 },
    );
  });

  it('when every minute of a year with clock changes is read, then each reads as Intl does', () => {
    // Every 13 minutes: cached quarters are reused, each minute of a quarter comes up, and every
    // transition of the year is crossed.
    for (const timeZone of ['America/Santiago', 'Australia/Lord_Howe', 'Asia/Gaza']) {
      const start = Date.UTC(2011, 0, 1);
      for (let ms = start; ms < start + 366 * 86_400_000; ms += 13 * 60_000) {
        const instant = new Date(ms);
        const expected = intlReading(instant, timeZone);
        const actual = wallClockAt(instant, timeZone);
        if (actual.date !== expected.date || actual.time !== expected.time) {
          expect({ at: instant.toISOString(), timeZone, ...actual }).toEqual({
            at: instant.toISOString(),
            timeZone,
            ...expected,
          });
        }
      }
    }
  });
});
