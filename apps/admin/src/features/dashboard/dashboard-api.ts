import type { z } from 'zod';
import type { TPlatformAnalytics, ZReportQuery } from '@localkart/contracts/admin';
import { api, data, queryString } from '../../app/api';

export const dashboardApi = api.injectEndpoints({
  endpoints: (build) => ({
    platformAnalytics: build.query<TPlatformAnalytics, z.input<typeof ZReportQuery>>({
      query: (params) => `api/admin/analytics?${queryString(params)}`,
      transformResponse: data<TPlatformAnalytics>,
    }),
  }),
});

export const { usePlatformAnalyticsQuery } = dashboardApi;
