import type {
  TAdminBookingDetail,
  TAdminBookingsQuery,
  TForceCancelResult,
} from '@localkart/contracts/admin';
import type { TBooking } from '@localkart/contracts/bookings';
import { api, data, page, queryString, type Page } from '../../app/api';

export const bookingsApi = api
  .enhanceEndpoints({ addTagTypes: ['AdminBookings', 'AdminBooking'] })
  .injectEndpoints({
    endpoints: (build) => ({
      // The contract's parsed values; `queryString` writes them back as the API reads them.
      adminBookings: build.query<Page<TBooking>, Partial<TAdminBookingsQuery>>({
        query: (params) => `api/admin/bookings?${queryString(params)}`,
        transformResponse: page<TBooking>,
        providesTags: ['AdminBookings'],
      }),
      adminBooking: build.query<TAdminBookingDetail, string>({
        query: (id) => `api/admin/bookings/${encodeURIComponent(id)}`,
        transformResponse: data<TAdminBookingDetail>,
        providesTags: (_result, _error, id) => [{ type: 'AdminBooking', id }],
      }),
      forceCancelBooking: build.mutation<TForceCancelResult, { bookingId: string; reason: string }>(
        {
          query: ({ bookingId, reason }) => ({
            url: `api/admin/bookings/${encodeURIComponent(bookingId)}/cancel`,
            method: 'POST',
            body: { reason },
          }),
          transformResponse: data<TForceCancelResult>,
          invalidatesTags: (_result, _error, { bookingId }) => [
            'AdminBookings',
            { type: 'AdminBooking', id: bookingId },
          ],
        },
      ),
    }),
  });

export const { useAdminBookingsQuery, useAdminBookingQuery, useForceCancelBookingMutation } =
  bookingsApi;
