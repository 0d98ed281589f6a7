import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { successEnvelope } from './envelope';
import { ZPaymentOrder } from './payments';
import { ZClockTime, ZIsoDate, ZServiceUnit } from './providers';
import { bearer, error, json } from './openapi-helpers';

export const MAX_BOOKING_PAGE_SIZE = 100;

const ZSlug = z
  .string()
  .trim()
  .max(64)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a taxonomy slug such as plumbing');

export const ZBookingStatus = z.enum([
  'pending',
  'confirmed',
  'in_progress',
  'completed',
  'cancelled',
]);
export type TBookingStatus = z.infer<typeof ZBookingStatus>;
export const ZBookingPaymentMethod = z.enum(['cash', 'wallet', 'online']);
export const ZBookingPaymentStatus = z.enum(['pending', 'paid', 'refunded']);

/** A calendar date (`2026-03-14`) or a date-time whose date on the provider's calendar counts. */
const ZPreferredDate = z.union([ZIsoDate, z.iso.datetime({ offset: true })]);

/** Hours, in quarter hours, from half an hour to twelve. */
const ZDurationHours = z
  .number()
  .min(0.5, 'must be at least half an hour')
  .max(12, 'must be at most 12 hours')
  .multipleOf(0.25, 'must be in quarter hours');

/** `[longitude, latitude]`, GeoJSON order as in the ERD. */
const ZCoordinates = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);

export const ZBookingScheduleRequest = z.strictObject({
  preferredDate: ZPreferredDate,
  preferredTime: ZClockTime.meta({ description: 'On the provider’s clock (its time zone)' }),
});

/** ERD §4.1 booking, as the customer asks for it: the price is never the client's to set. */
export const ZCreateBookingRequest = z
  .strictObject({
    providerId: z.uuid(),
    service: z.strictObject({
      serviceId: z.uuid().optional().meta({ description: 'One of the provider’s services' }),
      category: ZSlug,
      subcategory: ZSlug.optional(),
      description: z.string().trim().min(3).max(2000),
      estimatedDuration: ZDurationHours.optional().meta({
        description: 'Hours; default 1 (per-hour services are billed for these hours)',
      }),
    }),
    location: z.strictObject({
      address: z.string().trim().min(3).max(500),
      coordinates: ZCoordinates,
      instructions: z.string().trim().max(1000).optional(),
    }),
    schedule: ZBookingScheduleRequest,
    paymentMethod: ZBookingPaymentMethod.default('cash'),
  })
  .meta({ id: 'CreateBookingRequest' });
export type TCreateBookingRequest = z.infer<typeof ZCreateBookingRequest>;

export const ZBookingPricing = z
  .object({
    unit: ZServiceUnit,
    unitPricePaise: z.number().int().positive(),
    basePricePaise: z
      .number()
      .int()
      .meta({ description: 'Per hour: unit price × hours; per service or square feet: the price' }),
    additionalChargesPaise: z.number().int().min(0),
    totalAmountPaise: z.number().int().positive(),
    currency: z.literal('INR'),
  })
  .meta({ id: 'BookingPricing' });

export const ZCancellationPolicy = z
  .object({
    freeCancellationHours: z.number().int().min(0),
    feeBps: z.number().int().min(0).meta({ description: 'Basis points of the total (2000 = 20%)' }),
    freeUntil: z.iso.datetime({ offset: true }),
    feeIfCancelledNowPaise: z.number().int().min(0),
    summary: z.string(),
  })
  .meta({ id: 'CancellationPolicy' });

const ZBookingSchedule = z.object({
  preferredDate: ZIsoDate,
  preferredTime: ZClockTime,
  confirmedDate: ZIsoDate.nullable(),
  confirmedTime: ZClockTime.nullable(),
  timeZone: z.string(),
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.iso.datetime({ offset: true }),
});

export const ZBooking = z
  .object({
    id: z.uuid(),
    _id: z
      .uuid()
      .meta({ description: 'Same as `id`; the ERD’s MongoDB-style name, kept for compatibility' }),
    customerId: z.uuid(),
    providerId: z.uuid(),
    service: z.object({
      serviceId: z.uuid().nullable(),
      category: z.string(),
      subcategory: z.string(),
      title: z.string(),
      description: z.string(),
      estimatedDuration: z.number().meta({ description: 'Hours' }),
    }),
    location: z.object({
      address: z.string(),
      coordinates: z.tuple([z.number(), z.number()]),
      instructions: z.string().nullable(),
    }),
    schedule: ZBookingSchedule,
    pricing: ZBookingPricing,
    status: ZBookingStatus,
    payment: z.object({
      method: ZBookingPaymentMethod,
      status: ZBookingPaymentStatus,
      transactionId: z.string().nullable(),
      payBy: z.iso.datetime({ offset: true }).nullable().meta({
        description:
          'An online booking not paid yet: pay by then, or it is cancelled (its time freed)',
      }),
      order: ZPaymentOrder.optional().meta({
        description:
          'Online payment: the gateway order to pay (on creation only; later from `POST /api/bookings/{id}/payment-order`)',
      }),
    }),
    cancellation: z.object({
      policy: ZCancellationPolicy,
      cancelledBy: z.enum(['customer', 'provider', 'admin']).nullable(),
      reason: z.string().nullable(),
      feePaise: z.number().int().min(0).meta({ description: 'Kept when it was cancelled' }),
    }),
    createdAt: z.iso.datetime({ offset: true }),
    updatedAt: z.iso.datetime({ offset: true }),
    version: z.number().int().positive(),
  })
  .meta({ id: 'Booking' });
export type TBooking = z.infer<typeof ZBooking>;

export const ZBookingQuote = z
  .object({
    providerId: z.uuid(),
    service: ZBooking.shape.service.omit({ description: true }),
    schedule: ZBookingSchedule.pick({ timeZone: true, startsAt: true, endsAt: true }),
    pricing: ZBookingPricing,
    cancellationPolicy: ZCancellationPolicy,
    slotFree: z
      .boolean()
      .meta({ description: 'No active booking of the provider overlaps it now' }),
  })
  .meta({ id: 'BookingQuote' });
export type TBookingQuote = z.infer<typeof ZBookingQuote>;

export const ZConfirmBookingRequest = z
  .strictObject({
    confirmedDate: ZPreferredDate.optional(),
    confirmedTime: ZClockTime.optional(),
  })
  .refine((body) => (body.confirmedDate === undefined) === (body.confirmedTime === undefined), {
    message: 'give confirmedDate and confirmedTime together, or neither',
    path: ['confirmedTime'],
  })
  .meta({ id: 'ConfirmBookingRequest' });

const ZReason = z.string().trim().min(1).max(500);
const ZAdditionalCharges = z.number().int('must be whole paise').min(0).max(100_000_000);

export const ZCancelBookingRequest = z.strictObject({ reason: ZReason.optional() });
export const ZCompleteBookingRequest = z.strictObject({
  additionalChargesPaise: ZAdditionalCharges.optional().meta({
    description: 'Added by the provider for extra work; paid in cash on completion',
  }),
});
export const ZEmptyRequest = z.strictObject({});

export const ZRescheduleBookingRequest = z
  .strictObject({
    schedule: ZBookingScheduleRequest.optional(),
    description: z.string().trim().min(3).max(2000).optional(),
    instructions: z.string().trim().max(1000).optional(),
  })
  .refine((body) => Object.keys(body).length > 0, { message: 'nothing to change' })
  .meta({ id: 'RescheduleBookingRequest' });
export type TRescheduleBookingRequest = z.infer<typeof ZRescheduleBookingRequest>;

/** ERD `PUT /api/providers/bookings/:id/status`: the same transitions as the POST routes. */
export const ZProviderBookingStatusRequest = z
  .strictObject({
    status: z.enum(['confirmed', 'in_progress', 'completed', 'cancelled']),
    confirmedDate: ZPreferredDate.optional(),
    confirmedTime: ZClockTime.optional(),
    additionalChargesPaise: ZAdditionalCharges.optional(),
    reason: ZReason.optional(),
  })
  .meta({ id: 'ProviderBookingStatusRequest' });
export type TProviderBookingStatusRequest = z.infer<typeof ZProviderBookingStatusRequest>;

const pageFields = {
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .transform((limit) => Math.min(limit, MAX_BOOKING_PAGE_SIZE))
    .default(20),
  status: ZBookingStatus.optional(),
};
export const ZCustomerBookingsQuery = z.strictObject(pageFields);
export type TCustomerBookingsQuery = z.infer<typeof ZCustomerBookingsQuery>;
export const ZProviderBookingsQuery = z.strictObject({
  ...pageFields,
  from: ZIsoDate.optional().meta({ description: 'Starting on or after this date' }),
  to: ZIsoDate.optional().meta({ description: 'Starting on or before this date' }),
});
export type TProviderBookingsQuery = z.infer<typeof ZProviderBookingsQuery>;

export const ZBookingParams = z.object({ id: z.uuid() });

// ---- OpenAPI ----

const booking = (description: string) => ({ description, ...json(successEnvelope(ZBooking)) });
const idempotencyHeader = z.object({
  'idempotency-key': z.string().max(255).optional().meta({
    description:
      'Optional. The same key and body within 24 h replays the first response; another body → 409.',
  }),
});
const transitionErrors = {
  '403': error('Your role may not make this change'),
  '404': error('No such booking, or not yours'),
  '409': error(
    'Not allowed from the current status (`details.currentStatus`), or the slot is taken',
  ),
};
const transition = (summary: string, description: string, body?: z.ZodType) => ({
  post: {
    summary,
    description,
    tags: ['Bookings'],
    security: bearer,
    requestParams: { path: ZBookingParams },
    ...(body ? { requestBody: json(body) } : {}),
    responses: { '200': booking('The booking after the change'), ...transitionErrors },
  },
});

export const bookingsPaths = {
  '/api/bookings': {
    post: {
      summary: 'Book a provider',
      description:
        'Customers only. Checked on the server: the provider is active, offers the service, covers the point, works the whole time (weekly hours, no leave), the time is in the future, and no active booking overlaps it (database exclusion constraint → 409). The price is computed here. `wallet` pays at once (insufficient balance → 409, nothing created); `online` returns a gateway order in `payment.order`; `cash` is collected on completion.',
      tags: ['Bookings'],
      security: bearer,
      requestParams: { header: idempotencyHeader },
      requestBody: json(ZCreateBookingRequest),
      responses: {
        '201': booking('The pending booking, with its price and cancellation policy'),
        '400': error('Invalid body, or outside the provider’s area, hours or in the past'),
        '404': error('No such active provider'),
        '409': error('The slot is taken, the wallet balance is too low, or the key was reused'),
      },
    },
  },
  '/api/bookings/quote': {
    post: {
      summary: 'Price and cancellation policy of a prospective booking',
      description: 'Runs every check of `POST /api/bookings` and creates nothing.',
      tags: ['Bookings'],
      security: bearer,
      requestBody: json(ZCreateBookingRequest),
      responses: {
        '200': { description: 'Quote', ...json(successEnvelope(ZBookingQuote)) },
        '400': error('Invalid body, or outside the provider’s area or hours'),
        '404': error('No such active provider'),
      },
    },
  },
  '/api/bookings/{id}': {
    get: {
      summary: 'One booking',
      description: 'Its customer, its provider and admins only; anyone else gets 404.',
      tags: ['Bookings'],
      security: bearer,
      requestParams: { path: ZBookingParams },
      responses: { '200': booking('Booking'), '404': error('No such booking, or not yours') },
    },
    put: {
      summary: 'Reschedule or edit a pending booking',
      description: 'The customer (or an admin) while the booking is pending; the price stays.',
      tags: ['Bookings'],
      security: bearer,
      requestParams: { path: ZBookingParams },
      requestBody: json(ZRescheduleBookingRequest),
      responses: {
        '200': booking('The booking after the change'),
        '400': error('Invalid body, or the new time is outside the provider’s hours'),
        ...transitionErrors,
      },
    },
    delete: {
      summary: 'Withdraw a pending booking',
      description: 'Cancels it as the customer (the record is kept); only while pending.',
      tags: ['Bookings'],
      security: bearer,
      requestParams: { path: ZBookingParams },
      responses: { '200': booking('The cancelled booking'), ...transitionErrors },
    },
  },
  '/api/bookings/{id}/confirm': transition(
    'Confirm a pending booking',
    'The provider (or an admin). `confirmedDate` + `confirmedTime` propose another time, checked like a new booking.',
    ZConfirmBookingRequest,
  ),
  '/api/bookings/{id}/start': transition(
    'Start a confirmed booking',
    'The provider (or an admin).',
  ),
  '/api/bookings/{id}/complete': transition(
    'Complete a booking in progress',
    'The provider (or an admin). Cash bookings are marked paid; the money held is settled to the provider less commission. `additionalChargesPaise` are collected in cash.',
    ZCompleteBookingRequest,
  ),
  '/api/bookings/{id}/cancel': transition(
    'Cancel a pending or confirmed booking',
    'The customer, the provider or an admin. A customer cancelling inside the free window pays the fee in `cancellation.policy`; prepaid money is refunded to the original method, net of the fee.',
    ZCancelBookingRequest,
  ),
  '/api/bookings/{id}/payment-order': {
    post: {
      summary: 'Pay an online booking later',
      description:
        'The customer of an online booking whose payment is still pending (the checkout was closed or the payment failed), while the booking is pending, confirmed or in progress: the gateway order to pay it with, with its `checkout`. The same unpaid order is returned until it is paid; a new one only after it failed.',
      tags: ['Bookings'],
      security: bearer,
      requestParams: { path: ZBookingParams },
      responses: {
        '200': {
          description: 'The unpaid gateway order',
          ...json(successEnvelope(ZPaymentOrder)),
        },
        '403': error('Only the booking’s customer pays it'),
        '404': error('No such booking, or not yours'),
        '409': error(
          'Not an online booking, already paid or refunded, or cancelled or completed (`details`)',
        ),
      },
    },
  },
  '/api/users/bookings': {
    get: {
      summary: 'The caller’s bookings as a customer',
      tags: ['Bookings'],
      security: bearer,
      requestParams: { query: ZCustomerBookingsQuery },
      responses: {
        '200': {
          description: 'Newest first; `meta` has page, limit, total, hasNext',
          ...json(successEnvelope(z.array(ZBooking))),
        },
      },
    },
  },
  '/api/providers/bookings': {
    get: {
      summary: 'The calling provider’s bookings',
      tags: ['Bookings'],
      security: bearer,
      requestParams: { query: ZProviderBookingsQuery },
      responses: {
        '200': {
          description: 'Newest first; `meta` has page, limit, total, hasNext',
          ...json(successEnvelope(z.array(ZBooking))),
        },
        '403': error('Providers only'),
      },
    },
  },
  '/api/providers/bookings/{id}/status': {
    put: {
      summary: 'Change a booking’s status (provider)',
      description:
        'ERD route; the same rules as the POST routes: `confirmed` (optionally at another time), `in_progress`, `completed` (optionally with `additionalChargesPaise`), `cancelled`.',
      tags: ['Bookings'],
      security: bearer,
      requestParams: { path: ZBookingParams },
      requestBody: json(ZProviderBookingStatusRequest),
      responses: { '200': booking('The booking after the change'), ...transitionErrors },
    },
  },
} satisfies ZodOpenApiPathsObject;
