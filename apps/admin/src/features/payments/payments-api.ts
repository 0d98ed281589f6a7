import type { z } from 'zod';
import type {
  TCommissionReport,
  TLedgerAccount,
  TLedgerEntry,
  TPayout,
  TPayoutOwed,
  TRefund,
  ZLedgerAccountsQuery,
  ZLedgerEntriesQuery,
  ZPayoutRequest,
  ZPayoutsExportQuery,
  ZPayoutsOwedQuery,
  ZPayoutsQuery,
  ZRefundsQuery,
  ZReportQuery,
} from '@localkart/contracts/admin';
import { api, data, page, queryString, type Page } from '../../app/api';
import { fileNameFrom, type DownloadedFile } from './csv-download';

export const paymentsApi = api
  .enhanceEndpoints({ addTagTypes: ['Ledger', 'Payouts'] })
  .injectEndpoints({
    endpoints: (build) => ({
      ledgerAccounts: build.query<Page<TLedgerAccount>, z.input<typeof ZLedgerAccountsQuery>>({
        query: (params) => `api/admin/ledger/accounts?${queryString(params)}`,
        transformResponse: page<TLedgerAccount>,
        providesTags: ['Ledger'],
      }),
      ledgerEntries: build.query<Page<TLedgerEntry>, z.input<typeof ZLedgerEntriesQuery>>({
        query: (params) => `api/admin/ledger/entries?${queryString(params)}`,
        transformResponse: page<TLedgerEntry>,
        providesTags: ['Ledger'],
      }),
      refunds: build.query<Page<TRefund>, z.input<typeof ZRefundsQuery>>({
        query: (params) => `api/admin/payments/refunds?${queryString(params)}`,
        transformResponse: page<TRefund>,
        providesTags: ['Ledger'],
      }),
      payoutsOwed: build.query<Page<TPayoutOwed>, z.input<typeof ZPayoutsOwedQuery>>({
        query: (params) => `api/admin/payouts/owed?${queryString(params)}`,
        transformResponse: page<TPayoutOwed>,
        providesTags: ['Payouts'],
        // What is owed moves with every settled booking: always the latest when the tab opens.
        keepUnusedDataFor: 0,
      }),
      payouts: build.query<Page<TPayout>, z.input<typeof ZPayoutsQuery>>({
        query: (params) => `api/admin/payouts?${queryString(params)}`,
        transformResponse: page<TPayout>,
        providesTags: ['Payouts'],
      }),
      payOut: build.mutation<TPayout, { providerId: string } & z.input<typeof ZPayoutRequest>>({
        query: ({ providerId, ...body }) => ({
          url: `api/admin/providers/${encodeURIComponent(providerId)}/payouts`,
          method: 'POST',
          body,
        }),
        transformResponse: data<TPayout>,
        // A refused payout (409: the amount changed) also refreshes what is owed.
        invalidatesTags: ['Payouts', 'Ledger'],
      }),
      /**
       * The CSV through the base query, so it carries the admin's bearer token (and renews an
       * expired one); the file comes back as an object URL the caller saves and revokes.
       */
      payoutsExport: build.mutation<DownloadedFile, z.input<typeof ZPayoutsExportQuery>>({
        query: (params) => ({
          url: `api/admin/payouts/export?${queryString(params)}`,
          responseHandler: async (response) =>
            response.ok
              ? {
                  url: URL.createObjectURL(await response.blob()),
                  fileName: fileNameFrom(
                    response.headers.get('Content-Disposition'),
                    `payouts-${params.kind ?? 'owed'}.csv`,
                  ),
                }
              : ((await response.json()) as unknown),
        }),
      }),
      commissionReport: build.query<TCommissionReport, z.input<typeof ZReportQuery>>({
        query: (params) => `api/admin/reports/commission?${queryString(params)}`,
        transformResponse: data<TCommissionReport>,
        providesTags: ['Ledger'],
      }),
    }),
  });

export const {
  useLedgerAccountsQuery,
  useLedgerEntriesQuery,
  useRefundsQuery,
  usePayoutsOwedQuery,
  usePayoutsQuery,
  usePayOutMutation,
  usePayoutsExportMutation,
  useCommissionReportQuery,
} = paymentsApi;
