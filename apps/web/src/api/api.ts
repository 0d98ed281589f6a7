import { createApi } from '@reduxjs/toolkit/query/react';
import type { TGeneratedProfile, TGenerateProfileRequest } from '@localkart/contracts/ai';
import type { TAuthSession, TLoginRequest, TRegisterRequest } from '@localkart/contracts/auth';
import type {
  TBooking,
  TBookingQuote,
  TBookingStatus,
  TCreateBookingRequest,
  TRescheduleBookingRequest,
} from '@localkart/contracts/bookings';
import type { TPageMeta, TSuccessEnvelope } from '@localkart/contracts/envelope';
import type { TConfirmPaymentRequest, TPaymentOrder, TWallet } from '@localkart/contracts/payments';
import type {
  TAnalyticsGranularity,
  TProviderAnalytics,
} from '@localkart/contracts/provider-analytics';
import type {
  TAvailabilityException,
  TAvailabilitySlot,
  TCreateAvailabilityExceptionRequest,
  TCreateProviderServiceRequest,
  TCreateServiceAreaRequest,
  TProviderDocument,
  TProviderProfile,
  TProviderService,
  TPublicProviderProfile,
  TRegisterProviderRequest,
  TServiceArea,
  TUpdateProviderProfileRequest,
  TUpdateProviderServiceRequest,
} from '@localkart/contracts/providers';
import type { TReview } from '@localkart/contracts/reviews';
import type {
  TConversation,
  TMessage,
  TMessagePage,
  TReadReceipt,
} from '@localkart/contracts/messages';
import type { TNotification, TUnreadCount } from '@localkart/contracts/notifications';
import type { TSignInOptions } from '@localkart/contracts/oidc';
import type { TSearchProvidersResult } from '@localkart/contracts/search';
import type {
  TAiRecommendationsRequest,
  TAiRecommendationsResult,
} from '@localkart/contracts/search-recommendations';
import type { TSearchSuggestionsResult } from '@localkart/contracts/search-suggestions';
import type { TTaxonomy } from '@localkart/contracts/taxonomy';
import type { TUpdateProfileRequest, TUserProfile } from '@localkart/contracts/users';
import { baseQuery } from './base-query';
import { profileChanged, signedIn, signedOut } from '@localkart/web-kit/session-slice';

/** The success envelope's payload: every endpoint returns `{ success, data, meta? }`. */
const data = <T>(response: TSuccessEnvelope<T>): T => response.data;

export type Page<T> = { items: T[]; meta: Partial<TPageMeta> };
const page = <T>(response: TSuccessEnvelope<T[]>): Page<T> => ({
  items: response.data,
  meta: response.meta ?? {},
});

/** Query-string parameters with the unset ones left out. */
export type SearchParams = Record<string, string | number | boolean | undefined>;
const query = (params: SearchParams) => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== '') search.set(key, String(value));
  return search.toString();
};

/** One per form: the same key on a retried or double-clicked submit makes one booking. */
export type WithIdempotencyKey<T> = { body: T; idempotencyKey: string };

export const api = createApi({
  reducerPath: 'api',
  baseQuery,
  tagTypes: [
    'Profile',
    'Wallet',
    'Booking',
    'ProviderProfile',
    'Exceptions',
    'Documents',
    'Reviews',
    'Messages',
    'Conversations',
    'Notifications',
  ],
  endpoints: (build) => ({
    // ---- accounts ----
    register: build.mutation<TUserProfile, TRegisterRequest>({
      query: (body) => ({ url: 'api/auth/register', method: 'POST', body }),
      transformResponse: data<TUserProfile>,
    }),
    login: build.mutation<TAuthSession, TLoginRequest>({
      query: (body) => ({ url: 'api/auth/login', method: 'POST', body }),
      transformResponse: data<TAuthSession>,
      onQueryStarted: async (_arg, { dispatch, queryFulfilled }) => {
        const { data: session } = await queryFulfilled.catch(() => ({ data: undefined }));
        if (session) dispatch(signedIn(session));
      },
    }),
    restoreSession: build.mutation<TAuthSession, void>({
      query: () => ({ url: 'api/auth/refresh', method: 'POST', body: {} }),
      transformResponse: data<TAuthSession>,
      onQueryStarted: async (_arg, { dispatch, queryFulfilled }) => {
        const { data: session } = await queryFulfilled.catch(() => ({ data: undefined }));
        dispatch(session ? signedIn(session) : signedOut());
      },
    }),
    logout: build.mutation<unknown, void>({
      query: () => ({ url: 'api/auth/logout', method: 'POST', body: {} }),
      onQueryStarted: async (_arg, { dispatch, queryFulfilled }) => {
        await queryFulfilled.catch(() => undefined);
        dispatch(signedOut());
        dispatch(api.util.resetApiState());
      },
    }),
    signInOptions: build.query<TSignInOptions, void>({
      query: () => 'api/auth/sign-in-options',
      transformResponse: data<TSignInOptions>,
    }),
    forgotPassword: build.mutation<unknown, { email: string }>({
      query: (body) => ({ url: 'api/auth/forgot-password', method: 'POST', body }),
    }),
    resetPassword: build.mutation<unknown, { token: string; password: string }>({
      query: (body) => ({ url: 'api/auth/reset-password', method: 'POST', body }),
    }),
    verifyEmail: build.query<{ message: string }, string>({
      query: (token) => `api/auth/verify-email/${encodeURIComponent(token)}`,
      transformResponse: data<{ message: string }>,
    }),
    resendVerification: build.mutation<unknown, void>({
      query: () => ({ url: 'api/auth/resend-verification', method: 'POST' }),
    }),
    profile: build.query<TUserProfile, void>({
      query: () => 'api/users/profile',
      transformResponse: data<TUserProfile>,
      providesTags: ['Profile'],
    }),
    updateProfile: build.mutation<TUserProfile, TUpdateProfileRequest>({
      query: (body) => ({ url: 'api/users/profile', method: 'PUT', body }),
      transformResponse: data<TUserProfile>,
      invalidatesTags: ['Profile'],
      onQueryStarted: async (_arg, { dispatch, queryFulfilled }) => {
        const { data: profile } = await queryFulfilled.catch(() => ({ data: undefined }));
        if (profile) dispatch(profileChanged(profile));
      },
    }),
    uploadAvatar: build.mutation<TUserProfile, File>({
      query: (file) => {
        const form = new FormData();
        form.append('avatar', file);
        return { url: 'api/users/upload-avatar', method: 'POST', body: form };
      },
      transformResponse: data<TUserProfile>,
      invalidatesTags: ['Profile'],
      onQueryStarted: async (_arg, { dispatch, queryFulfilled }) => {
        const { data: profile } = await queryFulfilled.catch(() => ({ data: undefined }));
        if (profile) dispatch(profileChanged(profile));
      },
    }),
    wallet: build.query<TWallet, { page: number }>({
      query: ({ page: number }) => `api/users/wallet?${query({ page: number, limit: 20 })}`,
      transformResponse: data<TWallet>,
      providesTags: ['Wallet'],
    }),
    topUp: build.mutation<TPaymentOrder, WithIdempotencyKey<{ amountPaise: number }>>({
      query: ({ body, idempotencyKey }) => ({
        url: 'api/users/wallet/top-up',
        method: 'POST',
        body,
        headers: { 'Idempotency-Key': idempotencyKey },
      }),
      transformResponse: data<TPaymentOrder>,
    }),
    /** An online booking's unpaid order, to pay it after the booking was made. */
    bookingPaymentOrder: build.mutation<TPaymentOrder, string>({
      query: (bookingId) => ({
        url: `api/bookings/${encodeURIComponent(bookingId)}/payment-order`,
        method: 'POST',
        body: {},
      }),
      transformResponse: data<TPaymentOrder>,
    }),
    /** Razorpay checkout's signed answer; the API verifies it before crediting anything. */
    confirmPayment: build.mutation<
      TPaymentOrder,
      { orderId: string } & WithIdempotencyKey<TConfirmPaymentRequest>
    >({
      query: ({ orderId, body, idempotencyKey }) => ({
        url: `api/payments/orders/${encodeURIComponent(orderId)}/confirm`,
        method: 'POST',
        body,
        headers: { 'Idempotency-Key': idempotencyKey },
      }),
      transformResponse: data<TPaymentOrder>,
      invalidatesTags: ['Wallet', 'Booking'],
    }),
    payTestOrder: build.mutation<TPaymentOrder, WithIdempotencyKey<{ gatewayOrderId: string }>>({
      query: ({ body, idempotencyKey }) => ({
        url: `api/payments/test-gateway/orders/${encodeURIComponent(body.gatewayOrderId)}/pay`,
        method: 'POST',
        headers: { 'Idempotency-Key': idempotencyKey },
      }),
      transformResponse: data<TPaymentOrder>,
      invalidatesTags: ['Wallet', 'Booking'],
    }),

    // ---- taxonomy and search ----
    taxonomy: build.query<TTaxonomy, void>({
      query: () => 'api/taxonomy',
      transformResponse: data<TTaxonomy>,
    }),
    suggestions: build.query<TSearchSuggestionsResult, string>({
      query: (q) => `api/search/suggestions?${query({ q, limit: 8 })}`,
      transformResponse: data<TSearchSuggestionsResult>,
    }),
    searchProviders: build.query<
      { result: TSearchProvidersResult; meta: Partial<TPageMeta> },
      SearchParams
    >({
      query: (params) => `api/search/providers?${query(params)}`,
      transformResponse: (response: TSuccessEnvelope<TSearchProvidersResult>) => ({
        result: response.data,
        meta: response.meta ?? {},
      }),
    }),
    aiRecommendations: build.mutation<TAiRecommendationsResult, TAiRecommendationsRequest>({
      query: (body) => ({ url: 'api/search/ai-recommendations', method: 'POST', body }),
      transformResponse: data<TAiRecommendationsResult>,
    }),

    // ---- provider pages ----
    publicProvider: build.query<TPublicProviderProfile, string>({
      query: (id) => `api/providers/${encodeURIComponent(id)}`,
      transformResponse: data<TPublicProviderProfile>,
    }),
    providerReviews: build.query<Page<TReview>, { providerId: string; page: number }>({
      query: ({ providerId, page: number }) =>
        `api/providers/${encodeURIComponent(providerId)}/reviews?${query({ page: number, limit: 5 })}`,
      transformResponse: page<TReview>,
      providesTags: ['Reviews'],
    }),

    // ---- bookings ----
    quote: build.mutation<TBookingQuote, TCreateBookingRequest>({
      query: (body) => ({ url: 'api/bookings/quote', method: 'POST', body }),
      transformResponse: data<TBookingQuote>,
    }),
    createBooking: build.mutation<TBooking, WithIdempotencyKey<TCreateBookingRequest>>({
      query: ({ body, idempotencyKey }) => ({
        url: 'api/bookings',
        method: 'POST',
        body,
        headers: { 'Idempotency-Key': idempotencyKey },
      }),
      transformResponse: data<TBooking>,
      invalidatesTags: ['Booking', 'Wallet'],
    }),
    myBookings: build.query<Page<TBooking>, { page: number; status?: TBookingStatus }>({
      query: (params) => `api/users/bookings?${query(params)}`,
      transformResponse: page<TBooking>,
      providesTags: ['Booking'],
    }),
    providerBookings: build.query<Page<TBooking>, { page: number; status?: TBookingStatus }>({
      query: (params) => `api/providers/bookings?${query(params)}`,
      transformResponse: page<TBooking>,
      providesTags: ['Booking'],
    }),
    booking: build.query<TBooking, string>({
      query: (id) => `api/bookings/${encodeURIComponent(id)}`,
      transformResponse: data<TBooking>,
      providesTags: ['Booking'],
    }),
    reschedule: build.mutation<TBooking, { id: string; body: TRescheduleBookingRequest }>({
      query: ({ id, body }) => ({ url: `api/bookings/${id}`, method: 'PUT', body }),
      transformResponse: data<TBooking>,
      invalidatesTags: ['Booking'],
    }),
    bookingAction: build.mutation<
      TBooking,
      {
        id: string;
        action: 'confirm' | 'start' | 'complete' | 'cancel';
        body?: Record<string, string | number>;
      }
    >({
      query: ({ id, action, body }) => ({
        url: `api/bookings/${id}/${action}`,
        method: 'POST',
        body: body ?? {},
      }),
      transformResponse: data<TBooking>,
      invalidatesTags: ['Booking', 'Wallet'],
    }),
    review: build.mutation<
      TReview,
      { bookingId: string; rating: number; comment: string; images: File[] }
    >({
      query: ({ bookingId, rating, comment, images }) => {
        const form = new FormData();
        form.append('rating', String(rating));
        form.append('comment', comment);
        for (const image of images) form.append('images', image);
        return { url: `api/bookings/${bookingId}/review`, method: 'POST', body: form };
      },
      transformResponse: data<TReview>,
      invalidatesTags: ['Booking', 'Reviews'],
    }),

    // ---- chat ----
    messages: build.query<TMessagePage, string>({
      query: (bookingId) => `api/messages/${encodeURIComponent(bookingId)}?limit=100`,
      transformResponse: data<TMessagePage>,
      providesTags: (_result, _error, bookingId) => [{ type: 'Messages', id: bookingId }],
    }),
    sendMessage: build.mutation<
      TMessage,
      {
        bookingId: string;
        type: 'text' | 'image';
        content: string;
        clientId: string;
        attachment?: File;
      }
    >({
      query: ({ attachment, ...fields }) => {
        if (!attachment) return { url: 'api/messages', method: 'POST', body: fields };
        const form = new FormData();
        for (const [name, value] of Object.entries(fields)) form.append(name, value);
        form.append('attachment', attachment);
        return { url: 'api/messages', method: 'POST', body: form };
      },
      transformResponse: data<TMessage>,
      invalidatesTags: ['Conversations'],
    }),
    markMessageRead: build.mutation<TReadReceipt, string>({
      query: (id) => ({ url: `api/messages/${id}/read`, method: 'PUT' }),
      transformResponse: data<TReadReceipt>,
      invalidatesTags: ['Conversations'],
    }),
    conversations: build.query<TConversation[], void>({
      query: () => 'api/messages/conversations?limit=50',
      transformResponse: data<TConversation[]>,
      providesTags: ['Conversations'],
    }),

    // ---- notifications ----
    notifications: build.query<TNotification[], void>({
      query: () => 'api/notifications?limit=15',
      transformResponse: data<TNotification[]>,
      providesTags: ['Notifications'],
    }),
    unreadNotifications: build.query<TUnreadCount, void>({
      query: () => 'api/notifications/unread-count',
      transformResponse: data<TUnreadCount>,
      providesTags: ['Notifications'],
    }),
    markNotificationRead: build.mutation<unknown, string>({
      query: (id) => ({ url: `api/notifications/${id}/read`, method: 'PUT' }),
      invalidatesTags: ['Notifications'],
    }),
    readAllNotifications: build.mutation<unknown, void>({
      query: () => ({ url: 'api/notifications/read-all', method: 'PUT' }),
      invalidatesTags: ['Notifications'],
    }),

    // ---- provider side ----
    generateProfile: build.mutation<TGeneratedProfile, TGenerateProfileRequest>({
      query: (body) => ({ url: 'api/providers/generate-profile', method: 'POST', body }),
      transformResponse: data<TGeneratedProfile>,
    }),
    registerProvider: build.mutation<TProviderProfile, TRegisterProviderRequest>({
      query: (body) => ({ url: 'api/providers/register', method: 'POST', body }),
      transformResponse: data<TProviderProfile>,
      invalidatesTags: ['ProviderProfile'],
    }),
    myProvider: build.query<TProviderProfile, void>({
      query: () => 'api/providers/profile',
      transformResponse: data<TProviderProfile>,
      providesTags: ['ProviderProfile'],
    }),
    updateMyProvider: build.mutation<TProviderProfile, TUpdateProviderProfileRequest>({
      query: (body) => ({ url: 'api/providers/profile', method: 'PUT', body }),
      transformResponse: data<TProviderProfile>,
      invalidatesTags: ['ProviderProfile'],
    }),
    addService: build.mutation<TProviderService, TCreateProviderServiceRequest>({
      query: (body) => ({ url: 'api/providers/services', method: 'POST', body }),
      invalidatesTags: ['ProviderProfile'],
    }),
    updateService: build.mutation<
      TProviderService,
      { id: string; body: TUpdateProviderServiceRequest }
    >({
      query: ({ id, body }) => ({ url: `api/providers/services/${id}`, method: 'PUT', body }),
      invalidatesTags: ['ProviderProfile'],
    }),
    deleteService: build.mutation<unknown, string>({
      query: (id) => ({ url: `api/providers/services/${id}`, method: 'DELETE' }),
      invalidatesTags: ['ProviderProfile'],
    }),
    addServiceArea: build.mutation<TServiceArea, TCreateServiceAreaRequest>({
      query: (body) => ({ url: 'api/providers/service-areas', method: 'POST', body }),
      invalidatesTags: ['ProviderProfile'],
    }),
    deleteServiceArea: build.mutation<unknown, string>({
      query: (id) => ({ url: `api/providers/service-areas/${id}`, method: 'DELETE' }),
      invalidatesTags: ['ProviderProfile'],
    }),
    replaceAvailability: build.mutation<TAvailabilitySlot[], TAvailabilitySlot[]>({
      query: (slots) => ({ url: 'api/providers/availability', method: 'PUT', body: { slots } }),
      invalidatesTags: ['ProviderProfile'],
    }),
    exceptions: build.query<TAvailabilityException[], void>({
      query: () => 'api/providers/availability/exceptions',
      transformResponse: data<TAvailabilityException[]>,
      providesTags: ['Exceptions'],
    }),
    addException: build.mutation<TAvailabilityException, TCreateAvailabilityExceptionRequest>({
      query: (body) => ({ url: 'api/providers/availability/exceptions', method: 'POST', body }),
      invalidatesTags: ['Exceptions'],
    }),
    deleteException: build.mutation<unknown, string>({
      query: (id) => ({ url: `api/providers/availability/exceptions/${id}`, method: 'DELETE' }),
      invalidatesTags: ['Exceptions'],
    }),
    addPortfolio: build.mutation<unknown, { image: File; description: string }>({
      query: ({ image, description }) => {
        const form = new FormData();
        form.append('image', image);
        form.append('description', description);
        return { url: 'api/providers/portfolio', method: 'POST', body: form };
      },
      invalidatesTags: ['ProviderProfile'],
    }),
    deletePortfolio: build.mutation<unknown, string>({
      query: (id) => ({ url: `api/providers/portfolio/${id}`, method: 'DELETE' }),
      invalidatesTags: ['ProviderProfile'],
    }),
    documents: build.query<TProviderDocument[], void>({
      query: () => 'api/providers/documents',
      transformResponse: data<TProviderDocument[]>,
      providesTags: ['Documents'],
    }),
    uploadDocument: build.mutation<
      TProviderDocument,
      { file: File; type: TProviderDocument['type'] }
    >({
      query: ({ file, type }) => {
        const form = new FormData();
        form.append('type', type);
        form.append('file', file);
        return { url: 'api/providers/documents', method: 'POST', body: form };
      },
      invalidatesTags: ['Documents'],
    }),
    analytics: build.query<
      TProviderAnalytics,
      { from?: string; to?: string; granularity: TAnalyticsGranularity }
    >({
      query: (params) => `api/providers/analytics?${query(params)}`,
      transformResponse: data<TProviderAnalytics>,
      providesTags: ['Booking'],
    }),
  }),
});
