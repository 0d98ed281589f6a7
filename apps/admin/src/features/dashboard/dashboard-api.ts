import type { z } from 'zod';
import type { TAdminCategory, TPlatformAnalytics, ZReportQuery } from '@localkart/contracts/admin';
import type { TSuccessEnvelope } from '@localkart/contracts/envelope';
import { api, data, queryString } from '../../app/api';

export type CategoryNames = Record<string, TAdminCategory['names']>;

export const dashboardApi = api.injectEndpoints({
  endpoints: (build) => ({
    platformAnalytics: build.query<TPlatformAnalytics, z.input<typeof ZReportQuery>>({
      query: (params) => `api/admin/analytics?${queryString(params)}`,
      transformResponse: data<TPlatformAnalytics>,
    }),
    /** Category names by slug for the top-categories chart; inactive ones included, as they can have bookings. */
    categoryNames: build.query<CategoryNames, void>({
      query: () => 'api/admin/taxonomy',
      transformResponse: (response: TSuccessEnvelope<TAdminCategory[]>) =>
        Object.fromEntries(response.data.map((category) => [category.slug, category.names])),
    }),
  }),
});

export const { usePlatformAnalyticsQuery, useCategoryNamesQuery } = dashboardApi;
