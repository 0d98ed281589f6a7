import { z } from 'zod';
import type { Db } from '../../db/client';
import type { MessageToOffline } from '../messages/messages.service';
import { findUserById } from '../users/users.repo';
import type { Delivery } from './notifications.service';

/** The messages module's event, checked: it crosses processes as JSON. */
export const ZMessageToOffline = z.object({
  messageId: z.uuid(),
  bookingId: z.uuid(),
  senderId: z.uuid(),
  receiverId: z.uuid(),
  type: z.enum(['text', 'image', 'file', 'location']),
  preview: z.string().max(4000),
  createdAt: z.string().min(1),
}) satisfies z.ZodType<MessageToOffline>;

/** A message to a receiver who is offline becomes a notification with the sender's first name. */
export const messageDeliveries = async (db: Db, event: MessageToOffline): Promise<Delivery[]> => {
  const sender = await findUserById(db, event.senderId);
  if (!sender) return [];
  return [
    {
      userId: event.receiverId,
      facts: {
        type: 'message_received',
        senderName: sender.firstName,
        kind: event.type,
        preview: event.preview,
      },
      data: { bookingId: event.bookingId, messageId: event.messageId },
      eventKey: `message:${event.messageId}`,
    },
  ];
};
