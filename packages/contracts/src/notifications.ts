import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { ZPageMeta } from './envelope';
import { bearer, error, json, ok } from './openapi-helpers';

export const MAX_NOTIFICATIONS_PAGE_SIZE = 50;

export const ZNotificationType = z.enum([
  'booking_requested',
  'booking_confirmed',
  'booking_rescheduled',
  'booking_updated',
  'booking_started',
  'booking_completed',
  'booking_cancelled',
  'message_received',
  'review_received',
  'payment_received',
  'payment_receipt',
  'payment_refunded',
  'document_verified',
  'document_rejected',
]);
export type TNotificationType = z.infer<typeof ZNotificationType>;

export const ZNotification = z
  .object({
    id: z.uuid(),
    type: ZNotificationType,
    title: z.string().meta({ description: 'In the recipient’s language when it was created' }),
    body: z.string(),
    data: z
      .record(z.string(), z.string())
      .meta({ description: 'Ids of the subject, e.g. bookingId, messageId, reviewId' }),
    readAt: z.iso.datetime({ offset: true }).nullable(),
    createdAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'Notification' });
export type TNotification = z.infer<typeof ZNotification>;

/** A query flag: `true`/`false` (and 1/0) as text; anything else is a 400. */
const ZQueryFlag = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1');

export const ZNotificationsQuery = z.strictObject({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  /** Above the maximum is clamped, not refused. */
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .transform((limit) => Math.min(limit, MAX_NOTIFICATIONS_PAGE_SIZE))
    .default(20),
  unread: ZQueryFlag.optional().meta({ description: 'Only unread ones when true' }),
});
export type TNotificationsQuery = z.infer<typeof ZNotificationsQuery>;

export const ZNotificationsMeta = ZPageMeta.extend({
  unreadCount: z.number().int().min(0),
}).meta({ id: 'NotificationsMeta' });
export type TNotificationsMeta = z.infer<typeof ZNotificationsMeta>;

export const ZUnreadCount = z
  .object({ unreadCount: z.number().int().min(0) })
  .meta({ id: 'UnreadCount' });
export type TUnreadCount = z.infer<typeof ZUnreadCount>;

export const ZReadAllResult = z
  .object({
    updated: z.number().int().min(0).meta({ description: 'How many were unread' }),
    unreadCount: z.number().int().min(0),
  })
  .meta({ id: 'ReadAllResult' });
export type TReadAllResult = z.infer<typeof ZReadAllResult>;

/** PUT bodies without fields: none, or `{}`; any field is a 400. */
export const ZNoFieldsRequest = z.strictObject({});

/** Which e-mails a user gets; in-app notifications are always created. */
export const ZNotificationSettings = z
  .object({
    emailBookings: z.boolean().meta({ description: 'Booking confirmed or cancelled' }),
    emailPayments: z.boolean().meta({ description: 'Payment received, receipt, refund' }),
    emailAccount: z.boolean().meta({ description: 'Verification documents reviewed' }),
  })
  .meta({ id: 'NotificationSettings' });
export type TNotificationSettings = z.infer<typeof ZNotificationSettings>;

/** A change to some of the settings (strict: unknown names are a 400). */
export const ZNotificationSettingsChange = z
  .strictObject({
    emailBookings: z.boolean().optional(),
    emailPayments: z.boolean().optional(),
    emailAccount: z.boolean().optional(),
  })
  .meta({ id: 'NotificationSettingsChange' });
export type TNotificationSettingsChange = z.infer<typeof ZNotificationSettingsChange>;

// ---- OpenAPI ----

const tags = ['Notifications'];

export const notificationsPaths = {
  '/api/notifications': {
    get: {
      summary: 'The signed-in user’s notifications',
      description:
        'Newest first. `meta` has page, limit, total, hasNext and unreadCount. New ones also arrive live on the Socket.io event `notification`.',
      tags,
      security: bearer,
      requestParams: { query: ZNotificationsQuery },
      responses: {
        '200': {
          description: 'One page',
          ...json(
            z.object({
              success: z.literal(true),
              data: z.array(ZNotification),
              meta: ZNotificationsMeta,
            }),
          ),
        },
        '400': error('Invalid page, limit or unread flag, or an unknown parameter'),
        '401': error('Not signed in'),
      },
    },
  },
  '/api/notifications/unread-count': {
    get: {
      summary: 'How many notifications are unread',
      tags,
      security: bearer,
      responses: {
        '200': ok('The count', ZUnreadCount),
        '401': error('Not signed in'),
      },
    },
  },
  '/api/notifications/{id}/read': {
    put: {
      summary: 'Mark one notification read',
      description: 'Only one’s own; marking a read one again keeps its first readAt.',
      tags,
      security: bearer,
      requestParams: { path: z.object({ id: z.uuid() }) },
      responses: {
        '200': ok('The notification', ZNotification),
        '400': error('A body with fields'),
        '401': error('Not signed in'),
        '404': error('No such notification of the caller'),
      },
    },
  },
  '/api/notifications/read-all': {
    put: {
      summary: 'Mark every notification read',
      tags,
      security: bearer,
      responses: {
        '200': ok('How many changed', ZReadAllResult),
        '400': error('A body with fields'),
        '401': error('Not signed in'),
      },
    },
  },
} satisfies ZodOpenApiPathsObject;
