import { wallClockAt } from '../../platform/wall-clock';
/** How soon the customer wants someone: `now` (abhi, urgent), a day, a part of a day, or any time. */
export type Urgency = 'now' | 'today' | 'scheduled' | 'flexible';
export type DayPart = 'morning' | 'afternoon' | 'evening' | 'night';

/** A wall-clock moment in the customer's time zone; `time` absent means "some time that day". */
export type WantedTime = { date: string; time?: string; dayPart?: DayPart; label: string };

export const DEFAULT_TIME_ZONE = 'Asia/Kolkata';

const B = '(?<![\\p{L}\\p{M}\\p{N}])';
const E = '(?![\\p{L}\\p{M}\\p{N}])';
const words = (list: string) => new RegExp(`${B}(?:${list})${E}`, 'u');

const NOW = words(
  'abhi|abi|right now|now|immediately|asap|turant|turrant|fauran|foran|emergency|urgent|urgently|jaldi|jald|अभी|तुरंत|तुरन्त|फौरन|फ़ौरन|जल्दी|जल्द|इमरजेंसी|आपात',
);
const DAY_AFTER = words('day after tomorrow|parso|parson|परसों');
const TOMORROW = words('tomorrow|tmrw|tmr|tomorow|kal|कल');
const TODAY = words('today|tonight|aaj|aj|आज');
const PARTS: [DayPart, RegExp, number][] = [
  ['morning', words('morning|subah|subha|suba|सुबह|सवेरे'), 9],
  ['afternoon', words('afternoon|dopahar|dopehar|dupahar|दोपहर'), 14],
  ['evening', words('evening|shaam|sham|शाम'), 18],
  ['night', words('night|tonight|raat|rat|रात'), 20],
];
const WEEKDAYS: RegExp[] = [
  words('sunday|ravivar|itvaar|itwar|रविवार|इतवार'),
  words('monday|somvar|somwar|सोमवार'),
  words('tuesday|mangalvar|mangalwar|मंगलवार'),
  words('wednesday|budhvar|budhwar|बुधवार'),
  words('thursday|guruvar|guruwar|veervar|गुरुवार|बृहस्पतिवार'),
  words('friday|shukravar|shukrawar|शुक्रवार'),
  words('saturday|shanivar|shaniwar|शनिवार'),
];
const CLOCK = new RegExp(
  `${B}(\\d{1,2})(?:[:.](\\d{2}))?\\s*(a\\.?m\\.?|p\\.?m\\.?|baje|bje|बजे|o'?clock)${E}`,
  'u',
);
const CLOCK_24 = new RegExp(`${B}([01]?\\d|2[0-3]):([0-5]\\d)${E}`, 'u');

const pad = (n: number) => String(n).padStart(2, '0');
const DAY_MS = 86_400_000;

export const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
const weekdayOf = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

/** The next half hour after `time` ("18:10" → "18:30"), capped at 23:30. */
const nextHalfHour = (time: string) => {
  const [h, m] = time.split(':').map(Number) as [number, number];
  const minutes = Math.min(Math.ceil((h * 60 + m + 1) / 30) * 30, 23 * 60 + 30);
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
};

const clockOf = (text: string, part: DayPart | undefined): string | undefined => {
  const match = CLOCK.exec(text);
  if (match) {
    let hour = Number(match[1]);
    const suffix = match[3]!.replace(/\./gu, '');
    if (hour > 23 || Number(match[2] ?? 0) > 59) return undefined;
    if (suffix === 'pm' && hour < 12) hour += 12;
    else if (suffix === 'am' && hour === 12) hour = 0;
    else if (suffix !== 'am' && suffix !== 'pm' && hour < 12) {
      // "6 baje": evening and night mean pm; without a part, 1–7 are afternoon hours, not dawn.
      if (part === 'evening' || part === 'night' || (part === 'afternoon' && hour < 8)) hour += 12;
      else if (!part && hour >= 1 && hour <= 7) hour += 12;
    }
    return `${pad(hour)}:${match[2] ?? '00'}`;
  }
  const plain = CLOCK_24.exec(text);
  return plain ? `${pad(Number(plain[1]))}:${plain[2]}` : undefined;
};

const dayLabel = (offset: number | null, date: string) =>
  offset === 0
    ? 'today'
    : offset === 1
      ? 'tomorrow'
      : new Intl.DateTimeFormat('en-IN', {
          weekday: 'short',
          day: 'numeric',
          month: 'short',
          timeZone: 'UTC',
        }).format(new Date(`${date}T00:00:00Z`));

const clockLabel = (time: string) => {
  const [h, m] = time.split(':').map(Number) as [number, number];
  const hour12 = h % 12 === 0 ? 12 : h % 12;
  return `${hour12}${m ? `:${pad(m)}` : ''} ${h < 12 ? 'am' : 'pm'}`;
};

/**
 * When a requirement wants the job done: "abhi", "this evening", "kal subah", "tomorrow 5pm",
 * "शनिवार सुबह". Reads lower-cased, digit-normalised text; `now` fixes "today" in `timeZone`.
 */
export const extractWantedTime = (
  text: string,
  now: Date,
  timeZone = DEFAULT_TIME_ZONE,
): { urgency: Urgency; when: WantedTime | null } => {
  const today = wallClockAt(now, timeZone);
  const part = PARTS.find(([, pattern]) => pattern.test(text));
  const dayPart = part?.[0];
  const clock = clockOf(text, dayPart);
  let offset: number | null = DAY_AFTER.test(text)
    ? 2
    : TOMORROW.test(text)
      ? 1
      : TODAY.test(text)
        ? 0
        : null;
  if (offset === null) {
    const weekday = WEEKDAYS.findIndex((pattern) => pattern.test(text));
    if (weekday >= 0) offset = (weekday - weekdayOf(today.date) + 7) % 7;
  }
  const urgent = NOW.test(text);
  if (offset === null && !dayPart && !clock) {
    if (!urgent) return { urgency: 'flexible', when: null };
    return {
      urgency: 'now',
      when: { date: today.date, time: nextHalfHour(today.time), label: 'now' },
    };
  }
  let time = clock ?? (part ? `${pad(part[2])}:00` : undefined);
  // "this evening" said at 19:10 means the rest of this evening; a part of day already over
  // with no day named means the next one.
  if (offset === null) offset = time && time <= today.time && !urgent && !part ? 1 : 0;
  if (offset === 0 && time && time <= today.time) {
    if (part && !clock && today.time < `${pad(part[2] + 3)}:00`) time = nextHalfHour(today.time);
    else if (!urgent) offset = 1;
    else time = nextHalfHour(today.time);
  }
  if (offset === 0 && !time && urgent) time = nextHalfHour(today.time);
  const date = addDays(today.date, offset);
  const day = dayLabel(offset, date);
  const label =
    offset === 0 && time && urgent && !part && !clock
      ? 'now'
      : offset === 0 && dayPart && !clock
        ? dayPart === 'night'
          ? 'tonight'
          : `this ${dayPart}`
        : `${day}${clock ? ` at ${clockLabel(clock)}` : dayPart ? ` ${dayPart}` : ''}`;
  const urgency: Urgency = urgent && offset === 0 ? 'now' : offset === 0 ? 'today' : 'scheduled';
  return {
    urgency,
    when: { date, ...(time ? { time } : {}), ...(dayPart ? { dayPart } : {}), label },
  };
};
