import type { TPlatformAnalytics, TReportQuery } from '@localkart/contracts/admin';
import type { Db } from '../../db/client';
import {
  platformPeriods,
  topBookingGroups,
  topSearchMisses,
  type PlatformPeriodRow,
} from './platform-analytics.repo';

const TOP = 10;
const TOP_MISSES = 20;

const toPeriod = (row: PlatformPeriodRow) => {
  const placed = Number(row.placed);
  const cancelled = Number(row.cancelled);
  return {
    signups: { customers: Number(row.customers), providers: Number(row.providers) },
    activeProviders: Number(row.active_providers),
    bookings: { placed, completed: Number(row.completed), cancelled },
    gmvPaise: Number(row.gmv),
    cancellationRate: placed === 0 ? null : Math.round((cancelled / placed) * 10_000) / 10_000,
  };
};

/** Platform-wide figures for a range of calendar days in `timeZone`, each part one SQL query. */
export const createPlatformAnalytics = ({
  db,
  timeZone,
  resolveRange,
}: {
  db: Db;
  timeZone: string;
  resolveRange: (query: Pick<TReportQuery, 'from' | 'to'>) => { from: string; to: string };
}) => ({
  report: async (query: TReportQuery): Promise<TPlatformAnalytics> => {
    const scope = { ...resolveRange(query), timeZone };
    const [periods, [totals], categories, cities, misses] = await Promise.all([
      platformPeriods(db, scope, query.granularity),
      platformPeriods(db, scope, null),
      topBookingGroups(db, scope, 'category', TOP),
      topBookingGroups(db, scope, 'city', TOP),
      topSearchMisses(db, scope, TOP_MISSES),
    ]);
    return {
      from: scope.from,
      to: scope.to,
      granularity: query.granularity,
      timeZone,
      periods: periods.map((row) => ({ start: row.start, ...toPeriod(row) })),
      totals: toPeriod(totals!),
      topCategories: categories.map((row) => ({
        categorySlug: row.key,
        bookings: Number(row.bookings),
        gmvPaise: Number(row.gmv),
      })),
      topCities: cities.map((row) => ({
        city: row.key,
        bookings: Number(row.bookings),
        gmvPaise: Number(row.gmv),
      })),
      searchesWithoutResults: misses.map((row) => ({
        query: row.query,
        count: Number(row.count),
      })),
    };
  },
});

export type PlatformAnalytics = ReturnType<typeof createPlatformAnalytics>;
