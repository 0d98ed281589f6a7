import type { z } from 'zod';
import type {
  TAdminReview,
  TModeratedReview,
  ZAdminReviewsQuery,
} from '@localkart/contracts/admin';
import { api, data, page, queryString, type Page } from '../../app/api';

export const reviewsApi = api
  // AdminProvider is the verification area's provider detail: its rating changes with a review.
  .enhanceEndpoints({ addTagTypes: ['AdminReview', 'AdminProvider'] })
  .injectEndpoints({
    endpoints: (build) => ({
      adminReviews: build.query<Page<TAdminReview>, z.input<typeof ZAdminReviewsQuery>>({
        query: (params) => `api/admin/reviews?${queryString(params)}`,
        transformResponse: page<TAdminReview>,
        providesTags: ['AdminReview'],
      }),
      /** Hides or shows a review; the answer carries the provider's recomputed rating. */
      moderateReview: build.mutation<
        TModeratedReview,
        { review: Pick<TAdminReview, 'id' | 'providerId'>; hide: boolean; reason: string }
      >({
        query: ({ review, hide, reason }) => ({
          url: `api/admin/reviews/${encodeURIComponent(review.id)}/${hide ? 'hide' : 'unhide'}`,
          method: 'POST',
          body: { reason },
        }),
        transformResponse: data<TModeratedReview>,
        invalidatesTags: (_result, _error, { review }) => [
          'AdminReview',
          { type: 'AdminProvider', id: review.providerId },
        ],
      }),
    }),
  });

export const { useAdminReviewsQuery, useModerateReviewMutation } = reviewsApi;
