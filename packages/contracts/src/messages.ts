import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { successEnvelope } from './envelope';
import { bearer, error, json, ok } from './openapi-helpers';

export const MAX_MESSAGE_CONTENT = 2000;
export const MAX_MESSAGES_PAGE_SIZE = 100;
export const MAX_CONVERSATIONS_PAGE_SIZE = 50;
export const MESSAGE_ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
/** The multipart field that carries an image or file message's attachment. */
export const MESSAGE_ATTACHMENT_FIELD = 'attachment';

export const ZMessageType = z.enum(['text', 'image', 'file', 'location']);
export type TMessageType = z.infer<typeof ZMessageType>;

/** Control characters other than line breaks and tabs have no place in plain text. */
const ZPlainText = (max: number) =>
  z
    .string()
    .transform((text) => text.normalize('NFC').trim())
    .pipe(
      z
        .string()
        .max(max, `must be at most ${max} characters`)
        .refine((text) => !/[\p{Cc}\p{Cf}]/u.test(text.replace(/[\n\t\r]/g, '')), {
          message: 'must be plain text without control characters',
        }),
    );

/** A multipart field arrives as text: a number written as text is read as one. */
const ZNumberInput = (min: number, max: number) =>
  z.preprocess(
    (value) =>
      typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value) ? Number(value) : value,
    z.number().min(min).max(max),
  );

/**
 * A message as JSON, as the text fields of a multipart form (image and file messages, with the
 * file in `attachment`), or as the Socket.io `send-message` payload. The receiver is never sent:
 * it is the booking's other party. `clientId` (a UUID the sender's client makes) makes a retried
 * send store the message once.
 */
export const ZSendMessageRequest = z
  .strictObject({
    bookingId: z.uuid(),
    type: ZMessageType.default('text'),
    content: ZPlainText(MAX_MESSAGE_CONTENT).default(''),
    clientId: z.uuid().optional(),
    latitude: ZNumberInput(-90, 90).optional(),
    longitude: ZNumberInput(-180, 180).optional(),
  })
  .superRefine((message, context) => {
    const located = message.latitude !== undefined || message.longitude !== undefined;
    if (message.type === 'location') {
      for (const field of ['latitude', 'longitude'] as const) {
        if (message[field] === undefined)
          context.addIssue({ code: 'custom', path: [field], message: 'is required' });
      }
    } else if (located) {
      context.addIssue({
        code: 'custom',
        path: [message.latitude !== undefined ? 'latitude' : 'longitude'],
        message: 'is only for location messages',
      });
    }
    if (message.type === 'text' && message.content === '')
      context.addIssue({ code: 'custom', path: ['content'], message: 'is required' });
  })
  .meta({ id: 'SendMessageRequest' });
export type TSendMessageRequest = z.infer<typeof ZSendMessageRequest>;

export const ZSendMessageUpload = z
  .object({
    bookingId: z.uuid(),
    type: z.enum(['image', 'file']),
    content: z.string().max(MAX_MESSAGE_CONTENT).optional().meta({ description: 'A caption' }),
    clientId: z.uuid().optional(),
    [MESSAGE_ATTACHMENT_FIELD]: z
      .file()
      .describe(
        'One file of at most 10 MB, typed by its content: JPEG, PNG or WebP for `image` (re-encoded to WebP without metadata), those or PDF for `file`',
      ),
  })
  .meta({ id: 'SendMessageUpload' });

export const ZMessagesQuery = z.strictObject({
  /** The `nextCursor` of the previous page; opaque. */
  before: z
    .string()
    .regex(/^[\w-]{1,200}$/, 'must be a cursor from a previous page')
    .optional(),
  /** Above the maximum is clamped, not refused. */
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .transform((limit) => Math.min(limit, MAX_MESSAGES_PAGE_SIZE))
    .default(30),
});
export type TMessagesQuery = z.infer<typeof ZMessagesQuery>;

export const ZConversationsQuery = z.strictObject({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .transform((limit) => Math.min(limit, MAX_CONVERSATIONS_PAGE_SIZE))
    .default(20),
});
export type TConversationsQuery = z.infer<typeof ZConversationsQuery>;

export const ZMessageAttachment = z
  .object({
    id: z.uuid(),
    url: z.string().meta({ description: 'API route; needs the bearer token of a party or admin' }),
    filename: z.string(),
    contentType: z.string(),
    size: z.number().int().min(1),
  })
  .meta({ id: 'ChatMessageAttachment' });

export const ZMessage = z
  .object({
    id: z.uuid(),
    bookingId: z.uuid(),
    senderId: z.uuid(),
    receiverId: z.uuid(),
    clientId: z.uuid().nullable(),
    type: ZMessageType,
    content: z.string().meta({ description: 'Plain text; clients escape it' }),
    location: z.object({ latitude: z.number(), longitude: z.number() }).nullable(),
    attachments: z.array(ZMessageAttachment),
    isRead: z.boolean(),
    readAt: z.iso.datetime({ offset: true }).nullable(),
    createdAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'ChatMessage' });
export type TMessage = z.infer<typeof ZMessage>;

export const ZMessagePage = z
  .object({
    messages: z.array(ZMessage).meta({ description: 'Newest first' }),
    nextCursor: z
      .string()
      .nullable()
      .meta({ description: 'Pass as `before` for older messages; null on the last page' }),
  })
  .meta({ id: 'ChatMessagePage' });
export type TMessagePage = z.infer<typeof ZMessagePage>;

export const ZReadReceipt = z
  .object({
    bookingId: z.uuid(),
    readerId: z.uuid(),
    /** The message the reader marked; it and every earlier one sent to them are read. */
    messageId: z.uuid(),
    messageIds: z.array(z.uuid()).meta({ description: 'The messages this call marked read' }),
    readAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'ReadReceipt' });
export type TReadReceipt = z.infer<typeof ZReadReceipt>;

export const ZConversation = z
  .object({
    bookingId: z.uuid(),
    serviceTitle: z.string(),
    bookingStatus: z.string(),
    otherParty: z.object({
      userId: z.uuid(),
      role: z.enum(['customer', 'provider']),
      name: z.string().meta({
        description: 'The provider’s business name, or the customer’s first name and last initial',
      }),
      avatar: z.object({ url: z.string(), thumbnailUrl: z.string() }).nullable(),
    }),
    lastMessage: ZMessage,
    unreadCount: z.number().int().min(0),
  })
  .meta({ id: 'Conversation' });
export type TConversation = z.infer<typeof ZConversation>;

// ---- OpenAPI ----

const tags = ['Messages'];
const conversations = {
  summary: 'The caller’s conversations',
  description:
    'One row per booking of the caller that has messages, newest activity first: the other party, the last message and how many messages to the caller are unread.',
  tags,
  security: bearer,
  requestParams: { query: ZConversationsQuery },
  responses: {
    '200': {
      description: 'One page; `meta` has page, limit, total, hasNext',
      ...json(successEnvelope(z.array(ZConversation))),
    },
    '400': error('Invalid page or limit'),
    '401': error('Not signed in'),
  },
};

export const messagesPaths = {
  '/api/messages': {
    post: {
      summary: 'Send a message in a booking’s chat',
      description:
        'The booking’s customer or provider only; the receiver is the other party. Text (plain, at most 2,000 characters), location (latitude and longitude), or as multipart an image or file in `attachment`, stored privately and downloadable only by the parties and admins. A repeated `clientId` returns the stored message (200) instead of storing it again. Messages on a cancelled booking are refused (409); its history stays readable. The message also goes to the parties’ sockets: `new-message` to the chat’s room, `message-notification` to the receiver’s sockets outside it.',
      tags,
      security: bearer,
      requestBody: {
        required: true,
        content: {
          'application/json': { schema: ZSendMessageRequest },
          'multipart/form-data': { schema: ZSendMessageUpload },
        },
      },
      responses: {
        '200': ok('The message already stored under this clientId', ZMessage),
        '201': ok('The stored message', ZMessage),
        '400': error('Invalid or missing field, an unknown field, or a damaged image'),
        '401': error('Not signed in'),
        '403': error('Admins read chats but do not write in them'),
        '404': error('No such booking of the caller'),
        '409': error('The booking is cancelled, or the clientId was used for another message'),
        '413': error('The file is larger than 10 MB, or over the upload quota'),
        '415': error('The file is not of an accepted type'),
        '429': error('Too many requests'),
      },
    },
  },
  '/api/messages/conversations': { get: conversations },
  '/api/users/messages': { get: { ...conversations, summary: 'The caller’s conversations (ERD)' } },
  '/api/messages/{bookingId}': {
    get: {
      summary: 'A booking’s messages',
      description:
        'Newest first, a page at a time; pass `nextCursor` as `before` for older ones. The booking’s parties and admins only.',
      tags,
      security: bearer,
      requestParams: { path: z.object({ bookingId: z.uuid() }), query: ZMessagesQuery },
      responses: {
        '200': ok('One page', ZMessagePage),
        '400': error('Invalid cursor or limit'),
        '401': error('Not signed in'),
        '404': error('No such booking of the caller'),
      },
    },
  },
  '/api/messages/{id}/read': {
    put: {
      summary: 'Mark a message read',
      description:
        'Its receiver only: marks it and every earlier unread message of the booking sent to the caller, and tells the booking’s sockets (`message-read`).',
      tags,
      security: bearer,
      requestParams: { path: z.object({ id: z.uuid() }) },
      responses: {
        '200': ok('The read receipt', ZReadReceipt),
        '401': error('Not signed in'),
        '403': error('The caller is the sender (or an admin), not the receiver'),
        '404': error('No such message in the caller’s bookings'),
      },
    },
  },
  '/api/messages/attachments/{id}': {
    get: {
      summary: 'Download a message attachment',
      description:
        'The booking’s parties and admins only; sent with `Content-Disposition: attachment` and `nosniff`.',
      tags,
      security: bearer,
      requestParams: { path: z.object({ id: z.uuid() }) },
      responses: {
        '200': { description: 'The file' },
        '401': error('Not signed in'),
        '404': error('No such attachment in the caller’s bookings'),
      },
    },
  },
} satisfies ZodOpenApiPathsObject;
