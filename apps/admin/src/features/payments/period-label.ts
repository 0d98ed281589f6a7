import type { TAnalyticsGranularity } from '@localkart/contracts/provider-analytics';

/** A period's first day (`2026-03-14`) as a label: "14 Mar 2026", or "Mar 2026" by month. */
export const periodLabel = (start: string, granularity: TAnalyticsGranularity, language: string) =>
  new Intl.DateTimeFormat(language === 'hi' ? 'hi-IN' : 'en-IN', {
    timeZone: 'UTC',
    ...(granularity === 'month'
      ? { month: 'short', year: 'numeric' }
      : { day: 'numeric', month: 'short', year: 'numeric' }),
  }).format(new Date(`${start}T00:00:00Z`));
