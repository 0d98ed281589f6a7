/** Indian grouping (₹1,00,000) from integer paise; whole rupees drop the ".00". */
export const formatPaise = (paise: number): string => {
  const rupees = paise / 100;
  return new Intl.NumberFormat('en-IN', {
    style: 'currency',
    currency: 'INR',
    minimumFractionDigits: Number.isInteger(rupees) ? 0 : 2,
    maximumFractionDigits: 2,
  }).format(rupees);
};

export const DEFAULT_TIME_ZONE = 'Asia/Kolkata';

const locale = (language: string) => (language === 'hi' ? 'hi-IN' : 'en-IN');

export const formatDateTime = (iso: string, language: string, timeZone = DEFAULT_TIME_ZONE) =>
  new Intl.DateTimeFormat(locale(language), {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: 'numeric',
    minute: '2-digit',
  }).format(new Date(iso));

export const formatDate = (iso: string, language: string, timeZone = DEFAULT_TIME_ZONE) =>
  new Intl.DateTimeFormat(locale(language), {
    timeZone,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  }).format(new Date(iso));

/** A calendar date (`2026-03-14`) as a short label, read as that day wherever the browser is. */
export const formatCalendarDate = (date: string, language: string) =>
  new Intl.DateTimeFormat(locale(language), {
    timeZone: 'UTC',
    weekday: 'short',
    day: 'numeric',
    month: 'short',
  }).format(new Date(`${date}T00:00:00Z`));

/** `14:30` → "2:30 pm" in the language's style. */
export const formatClock = (time: string, language: string) =>
  new Intl.DateTimeFormat(locale(language), {
    timeZone: 'UTC',
    hour: 'numeric',
    minute: '2-digit',
  }).format(new Date(`1970-01-01T${time}:00Z`));
