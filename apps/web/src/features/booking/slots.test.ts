import { describe, expect, it } from 'vitest';
import { slotsByDay, wallClock } from './slots';

// Wednesday 25 March 2026, 10:20 in Kolkata (04:50 UTC).
const now = new Date('2026-03-25T04:50:00Z');
const weekdays = (start: string, end: string) =>
  (['monday', 'tuesday', 'wednesday', 'thursday', 'friday'] as const).map((day) => ({
    day,
    start,
    end,
  }));

describe('slotsByDay', () => {
  it('reads the wall clock in the provider’s time zone, not the browser’s', () => {
    expect(wallClock(now, 'Asia/Kolkata')).toEqual({ date: '2026-03-25', minutes: 10 * 60 + 20 });
  });

  it('when it is mid-morning, then today offers only times at least an hour ahead', () => {
    const days = slotsByDay({
      availability: weekdays('09:00', '13:00'),
      unavailableDates: [],
      timeZone: 'Asia/Kolkata',
      durationMinutes: 60,
      now,
      days: 1,
    });
    expect(days).toEqual([{ date: '2026-03-25', slots: [{ date: '2026-03-25', time: '12:00' }] }]);
  });

  it('when the job is two hours long, then it must end inside the working window', () => {
    const [thursday] = slotsByDay({
      availability: weekdays('09:00', '13:00'),
      unavailableDates: ['2026-03-25'],
      timeZone: 'Asia/Kolkata',
      durationMinutes: 120,
      now,
      days: 2,
    });
    expect(thursday?.slots.map((slot) => slot.time)).toEqual(['09:00', '10:00', '11:00']);
  });

  it('when the provider is on leave or does not work that weekday, then the day is left out', () => {
    const days = slotsByDay({
      availability: weekdays('09:00', '18:00'),
      unavailableDates: ['2026-03-26'],
      timeZone: 'Asia/Kolkata',
      durationMinutes: 60,
      now,
      days: 5,
    });
    // Wed (today), [Thu on leave], Fri, [Sat, Sun off].
    expect(days.map((day) => day.date)).toEqual(['2026-03-25', '2026-03-27']);
  });
});
