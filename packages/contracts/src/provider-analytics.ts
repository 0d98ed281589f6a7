import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { successEnvelope } from './envelope';
import { error, json } from './openapi-helpers';

/** Two years and a leap day: the longest range one request may ask for. */
export const MAX_ANALYTICS_DAYS = 731;
export const DEFAULT_ANALYTICS_DAYS = 30;

export const ZAnalyticsGranularity = z.enum(['day', 'week', 'month']);
export type TAnalyticsGranularity = z.infer<typeof ZAnalyticsGranularity>;

const ZCalendarDate = z.iso.date('must be a date, YYYY-MM-DD');

const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/**
 * Dates are calendar days in the provider's time zone, both ends included. Missing ends are
 * filled by the server (the last 30 days up to today); the range is checked there too.
 */
export const ZAnalyticsQuery = z
  .strictObject({
    from: ZCalendarDate.optional(),
    to: ZCalendarDate.optional(),
    granularity: ZAnalyticsGranularity.default('day'),
  })
  .superRefine(({ from, to }, ctx) => {
    if (!from || !to) return;
    if (from > to)
      ctx.addIssue({ code: 'custom', path: ['from'], message: 'must not be after to' });
    else if (daysBetween(from, to) + 1 > MAX_ANALYTICS_DAYS)
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: `the range must be at most ${MAX_ANALYTICS_DAYS} days`,
      });
  });
export type TAnalyticsQuery = z.infer<typeof ZAnalyticsQuery>;

const ZRate = z.number().min(0).max(1).nullable();

export const ZBookingsByStatus = z.object({
  pending: z.number().int(),
  confirmed: z.number().int(),
  inProgress: z.number().int(),
  completed: z.number().int(),
  cancelled: z.number().int(),
  total: z.number().int(),
});

export const ZAnalyticsRevenue = z.object({
  grossPaise: z.number().int(),
  commissionPaise: z.number().int(),
  netPaise: z.number().int(),
});

export const ZAnalyticsRating = z.object({
  average: z.number().nullable().meta({ description: 'Two decimals; null without reviews' }),
  count: z.number().int(),
});

export const ZAnalyticsPeriod = z.object({
  start: ZCalendarDate.meta({ description: 'First day of the period (weeks start on Monday)' }),
  bookings: ZBookingsByStatus,
  revenue: ZAnalyticsRevenue,
  rating: ZAnalyticsRating,
});

export const ZProviderAnalytics = z
  .object({
    from: ZCalendarDate,
    to: ZCalendarDate,
    granularity: ZAnalyticsGranularity,
    timeZone: z.string(),
    currency: z.literal('INR'),
    commissionBps: z.number().int().meta({ description: 'Platform commission in basis points' }),
    totals: z.object({
      bookings: ZBookingsByStatus,
      completionRate: ZRate.meta({
        description: 'Completed ÷ (completed + cancelled); null when neither',
      }),
      cancellationRate: ZRate.meta({
        description: 'Cancelled ÷ (completed + cancelled); null when neither',
      }),
      revenue: ZAnalyticsRevenue,
      rating: ZAnalyticsRating,
      customers: z.number().int().meta({ description: 'Distinct customers with a booking' }),
      repeatCustomers: z.number().int().meta({
        description: 'Of those, how many have another non-cancelled booking with you, ever',
      }),
      repeatCustomerShare: ZRate,
    }),
    periods: z.array(ZAnalyticsPeriod).meta({
      description: 'Every period of the range, oldest first, empty ones included',
    }),
    weekdays: z
      .array(z.object({ weekday: z.number().int().min(0).max(6), bookings: z.number().int() }))
      .meta({
        description: 'Bookings by weekday of the slot, 0 = Sunday; all seven, busiest first',
      }),
    hours: z
      .array(z.object({ hour: z.number().int().min(0).max(23), bookings: z.number().int() }))
      .meta({ description: 'Bookings by starting hour of the slot; all 24, busiest first' }),
  })
  .meta({
    id: 'ProviderAnalytics',
    description:
      'Bookings count on the day of their slot; revenue on the day of completion (completed bookings’ totals, commission at `commissionBps` rounded half up per booking); ratings on the day of the review. Cancelled bookings are left out of weekdays, hours and customers.',
  });
export type TProviderAnalytics = z.infer<typeof ZProviderAnalytics>;

export const providerAnalyticsPaths = {
  '/api/providers/analytics': {
    get: {
      summary: 'The provider’s own analytics',
      description: `Bookings by status, completion and cancellation rates, revenue (gross, commission, net) and rating per period, repeat customers, busiest weekdays and hours. Dates are in the provider’s time zone; default the last ${DEFAULT_ANALYTICS_DAYS} days, at most ${MAX_ANALYTICS_DAYS}.`,
      tags: ['Providers'],
      security: [{ bearerAuth: [] }],
      requestParams: { query: ZAnalyticsQuery },
      responses: {
        '200': { description: 'Analytics', ...json(successEnvelope(ZProviderAnalytics)) },
        '400': error('Invalid date, granularity or range'),
        '401': error('Not signed in'),
        '403': error('Not a provider'),
        '404': error('Not registered as a provider'),
      },
    },
  },
} satisfies ZodOpenApiPathsObject;
