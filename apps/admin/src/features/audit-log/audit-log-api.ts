import type { z } from 'zod';
import type { TAuditEntry, ZAuditLogQuery } from '@localkart/contracts/admin';
import { api, page, queryString, type Page } from '../../app/api';

export const auditLogApi = api.enhanceEndpoints({ addTagTypes: ['AuditLog'] }).injectEndpoints({
  endpoints: (build) => ({
    auditLog: build.query<Page<TAuditEntry>, z.input<typeof ZAuditLogQuery>>({
      query: (params) => `api/admin/audit-log?${queryString(params)}`,
      transformResponse: page<TAuditEntry>,
      providesTags: ['AuditLog'],
      // Every admin action adds an entry: opening the log shows the latest.
      keepUnusedDataFor: 0,
    }),
  }),
});

export const { useAuditLogQuery } = auditLogApi;
