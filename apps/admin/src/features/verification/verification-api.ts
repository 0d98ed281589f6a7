import type { z } from 'zod';
import type {
  TAdminProvider,
  TAdminProviderDocument,
  TVerificationQueueItem,
  ZVerificationQueueQuery,
} from '@localkart/contracts/admin';
import { api, data, page, queryString, type Page } from '../../app/api';

type ProviderStatus = Pick<TAdminProvider, 'id' | 'isVerified' | 'isActive'>;

export const verificationApi = api
  .enhanceEndpoints({ addTagTypes: ['VerificationQueue', 'AdminProvider'] })
  .injectEndpoints({
    endpoints: (build) => ({
      verificationQueue: build.query<
        Page<TVerificationQueueItem>,
        z.input<typeof ZVerificationQueueQuery>
      >({
        query: (params) => `api/admin/providers/verification-queue?${queryString(params)}`,
        transformResponse: page<TVerificationQueueItem>,
        providesTags: ['VerificationQueue'],
      }),
      adminProvider: build.query<TAdminProvider, string>({
        query: (id) => `api/admin/providers/${encodeURIComponent(id)}`,
        transformResponse: data<TAdminProvider>,
        providesTags: (_result, _error, id) => [{ type: 'AdminProvider', id }],
      }),
      reviewDocument: build.mutation<
        TAdminProviderDocument,
        { documentId: string; providerId: string; decision: 'approve' | 'reject'; reason?: string }
      >({
        query: ({ documentId, decision, reason }) => ({
          url: `api/admin/provider-documents/${encodeURIComponent(documentId)}/${decision}`,
          method: 'POST',
          body: reason ? { reason } : {},
        }),
        transformResponse: data<TAdminProviderDocument>,
        invalidatesTags: (_result, _error, { providerId }) => [
          'VerificationQueue',
          { type: 'AdminProvider', id: providerId },
        ],
      }),
      setProviderVerified: build.mutation<
        ProviderStatus,
        { providerId: string; verified: boolean; reason: string }
      >({
        query: ({ providerId, verified, reason }) => ({
          url: `api/admin/providers/${encodeURIComponent(providerId)}/${verified ? 'verify' : 'unverify'}`,
          method: 'POST',
          body: { reason },
        }),
        transformResponse: data<ProviderStatus>,
        invalidatesTags: (_result, _error, { providerId }) => [
          'VerificationQueue',
          { type: 'AdminProvider', id: providerId },
        ],
      }),
      /**
       * A document's file, fetched with the admin's token (documents have no public URL), as an
       * object URL the browser can open or save. The caller revokes it.
       */
      documentFile: build.mutation<string, string>({
        query: (fileUrl) => ({
          url: fileUrl.replace(/^\//, ''),
          responseHandler: async (response) =>
            response.ok
              ? URL.createObjectURL(await response.blob())
              : ((await response.json()) as unknown),
        }),
      }),
    }),
  });

export const {
  useVerificationQueueQuery,
  useAdminProviderQuery,
  useReviewDocumentMutation,
  useSetProviderVerifiedMutation,
  useDocumentFileMutation,
} = verificationApi;
