import { z } from 'zod';
import { ZErrorCode } from './errors';
import { ZMessage, ZReadReceipt } from './messages';

/**
 * Socket.io events on the API's own port (path `/socket.io`). Connect with the access token as
 * `auth: { token }` (or an `Authorization: Bearer` header); each socket joins `user:<id>`.
 * Client events carry an acknowledgement callback answered with `TSocketAck`.
 */
export const ZJoinBookingEvent = z.strictObject({ bookingId: z.uuid() });
export const ZTypingEvent = z.strictObject({ bookingId: z.uuid(), isTyping: z.boolean() });
export const ZMessageReadEvent = z.strictObject({ messageId: z.uuid() });
export const ZPresenceQuery = z.strictObject({ bookingId: z.uuid() });

export const ZPresence = z.object({
  userId: z.uuid(),
  online: z.boolean(),
  lastSeenAt: z.iso.datetime({ offset: true }).nullable(),
});
export type TPresence = z.infer<typeof ZPresence>;

/** Every acknowledgement: the result, or an error in the envelope's shape. */
export const socketAck = <T extends z.ZodType>(data: T) =>
  z.union([
    z.object({ success: z.literal(true), data }),
    z.object({
      success: z.literal(false),
      error: z.object({ code: ZErrorCode, message: z.string(), details: z.unknown().optional() }),
    }),
  ]);
export type TSocketAck<T> =
  | { success: true; data: T }
  | { success: false; error: { code: string; message: string; details?: unknown } };

/** Server → client events and their payloads. */
export const ZServerEvents = {
  'new-message': ZMessage,
  'message-notification': z.object({
    messageId: z.uuid(),
    bookingId: z.uuid(),
    senderId: z.uuid(),
    type: ZMessage.shape.type,
    preview: z.string(),
    createdAt: z.iso.datetime({ offset: true }),
  }),
  'message-read': ZReadReceipt,
  typing: z.object({ bookingId: z.uuid(), userId: z.uuid(), isTyping: z.boolean() }),
  presence: ZPresence,
  'booking-status-changed': z.object({
    bookingId: z.uuid(),
    from: z.string().nullable(),
    status: z.string(),
    timestamp: z.iso.datetime({ offset: true }),
  }),
  notification: z.object({ notification: z.unknown(), unreadCount: z.number().int().min(0) }),
};
export type TServerEvent<K extends keyof typeof ZServerEvents> = z.infer<(typeof ZServerEvents)[K]>;
