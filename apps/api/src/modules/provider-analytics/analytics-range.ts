import {
  DEFAULT_ANALYTICS_DAYS,
  MAX_ANALYTICS_DAYS,
  type TAnalyticsQuery,
} from '@localkart/contracts/provider-analytics';
import { AppError, ErrorCode } from '../../platform/errors';

const DAY_MS = 86_400_000;

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

const invalid = (path: string, message: string) =>
  new AppError(ErrorCode.VALIDATION_ERROR, 'Invalid date range', [
    { path, message, code: 'invalid_range' },
  ]);

/**
 * The calendar range to report on (both ends included): given ends are kept, a missing end is
 * 30 days from the other, and with neither it is the last 30 days up to `today`.
 */
export const resolveRange = (
  { from, to }: Pick<TAnalyticsQuery, 'from' | 'to'>,
  today: string,
): { from: string; to: string } => {
  const span = DEFAULT_ANALYTICS_DAYS - 1;
  const end = to ?? (from ? addDays(from, span) : today);
  const start = from ?? addDays(end, -span);
  if (start > end) throw invalid('from', 'must not be after to');
  if (daysBetween(start, end) + 1 > MAX_ANALYTICS_DAYS)
    throw invalid('to', `the range must be at most ${MAX_ANALYTICS_DAYS} days`);
  return { from: start, to: end };
};
