import type { TAnalyticsQuery, TProviderAnalytics } from '@localkart/contracts/provider-analytics';
import type { Db } from '../../db/client';
import { todayIn } from '../providers/provider-schedule.service';
import type { ProvidersService } from '../providers/providers.service';
import { resolveRange } from './analytics-range';
import {
  customerFigures,
  periodFigures,
  slotFigures,
  type PeriodRow,
} from './provider-analytics.repo';

/** Two decimals, half up, from whole-number sums (exact: no float drift). */
const averageOf = (sum: number, count: number) =>
  count === 0 ? null : Math.round((sum * 100) / count) / 100;

const shareOf = (part: number, whole: number) =>
  whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000;

const bookingsOf = (row: PeriodRow) => ({
  pending: Number(row.pending),
  confirmed: Number(row.confirmed),
  inProgress: Number(row.in_progress),
  completed: Number(row.completed),
  cancelled: Number(row.cancelled),
  total: Number(row.total),
});

const revenueOf = (gross: number, commission: number) => ({
  grossPaise: gross,
  commissionPaise: commission,
  netPaise: gross - commission,
});

const busiestFirst = <T extends { bookings: number }>(rows: T[], key: (row: T) => number) =>
  rows.sort((a, b) => b.bookings - a.bookings || key(a) - key(b));

export const createProviderAnalyticsService = ({
  db,
  providers,
  commissionBps,
  now = () => new Date(),
}: {
  db: Db;
  providers: Pick<ProvidersService, 'providerOf'>;
  commissionBps: number;
  now?: () => Date;
}) => {
  const analyticsFor = async (
    userId: string,
    query: TAnalyticsQuery,
  ): Promise<TProviderAnalytics> => {
    const provider = await providers.providerOf(userId);
    const timeZone = provider.timeZone;
    const range = resolveRange(query, todayIn(timeZone, now()));
    const scope = { providerId: provider.id, timeZone, ...range };
    const [periodRows, customers, slots] = await Promise.all([
      periodFigures(db, scope, { granularity: query.granularity, commissionBps }),
      customerFigures(db, scope),
      slotFigures(db, scope),
    ]);

    const periods = periodRows.map((row) => ({
      start: row.start,
      bookings: bookingsOf(row),
      revenue: revenueOf(Number(row.gross), Number(row.commission)),
      rating: {
        average: averageOf(Number(row.rating_sum), Number(row.reviews)),
        count: Number(row.reviews),
      },
    }));
    const sum = (pick: (row: PeriodRow) => number | string) =>
      periodRows.reduce((total, row) => total + Number(pick(row)), 0);
    const bookings = {
      pending: sum((row) => row.pending),
      confirmed: sum((row) => row.confirmed),
      inProgress: sum((row) => row.in_progress),
      completed: sum((row) => row.completed),
      cancelled: sum((row) => row.cancelled),
      total: sum((row) => row.total),
    };
    const closed = bookings.completed + bookings.cancelled;
    const reviews = sum((row) => row.reviews);

    return {
      ...range,
      granularity: query.granularity,
      timeZone,
      currency: 'INR',
      commissionBps,
      totals: {
        bookings,
        completionRate: shareOf(bookings.completed, closed),
        cancellationRate: shareOf(bookings.cancelled, closed),
        revenue: revenueOf(
          sum((row) => row.gross),
          sum((row) => row.commission),
        ),
        rating: {
          average: averageOf(
            sum((row) => row.rating_sum),
            reviews,
          ),
          count: reviews,
        },
        customers: customers.customers,
        repeatCustomers: customers.repeat,
        repeatCustomerShare: shareOf(customers.repeat, customers.customers),
      },
      periods,
      weekdays: busiestFirst(
        slots
          .filter((row) => row.kind === 'weekday')
          .map((row) => ({ weekday: Number(row.key), bookings: Number(row.bookings) })),
        (row) => row.weekday,
      ),
      hours: busiestFirst(
        slots
          .filter((row) => row.kind === 'hour')
          .map((row) => ({ hour: Number(row.key), bookings: Number(row.bookings) })),
        (row) => row.hour,
      ),
    };
  };

  return { analyticsFor };
};

export type ProviderAnalyticsService = ReturnType<typeof createProviderAnalyticsService>;
