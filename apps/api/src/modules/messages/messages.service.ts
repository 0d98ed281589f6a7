import { v7 as timeOrderedId } from 'uuid';
import type { TPageMeta } from '@localkart/contracts/envelope';
import type {
  TConversation,
  TConversationsQuery,
  TMessage,
  TMessagePage,
  TMessagesQuery,
  TReadReceipt,
  TSendMessageRequest,
} from '@localkart/contracts/messages';
import type { Db } from '../../db/client';
import { AppError, ErrorCode } from '../../platform/errors';
import type { Logger } from '../../platform/logger';
import type { PubSub } from '../../platform/pubsub/pubsub';
import type { QuotaStorage } from '../../platform/storage/quota-storage';
import type { PrivateStorage } from '../../platform/storage/storage';
import type { AuthenticatedUser } from '../auth/auth.guard';
import type { AvatarUrls } from '../users/user-profile';
import type { BookingPartiesCache } from './booking-parties-cache';
import { prepareAttachment, type PreparedAttachment } from './message-attachments';
import type { MessageFeed } from './message-feed';
import type { MessageWriter } from './message-writer';
import { badCursor, decodeCursor, encodeCursor, previewOf, toMessage } from './message-views';
import {
  attachmentsOf,
  countConversations,
  findAttachment,
  findMessage,
  findMessageByClientId,
  findMessagesByIds,
  insertAttachment,
  insertMessage,
  listConversations,
  listMessages,
  markReadUpTo,
  type MessageRow,
  type MessageToStore,
} from './messages.repo';

/**
 * The pub/sub channel a stored message is announced on when its receiver has no socket open
 * anywhere: the notifications module makes it a notification. A receiver who is online sees the
 * message itself, so nothing is published for them (at thousands of messages a second, a bus
 * event per message that every process parses and ignores).
 */
export const MESSAGE_TO_OFFLINE_CHANNEL = 'messages.to-offline';
export type MessageToOffline = {
  messageId: string;
  bookingId: string;
  senderId: string;
  receiverId: string;
  type: TMessage['type'];
  preview: string;
  createdAt: string;
};

/** A file sent with an image or file message, as the route read it. */
export type MessageUpload = { bytes: Buffer; clientName?: string | undefined };

/** A concurrent send with the same clientId committed first (rolls back this one's file). */
class ClientIdTaken extends Error {}

const notFound = (what = 'Booking not found') => new AppError(ErrorCode.NOT_FOUND, what);

/**
 * A booking's chat between its customer and its provider; admins may read it. Every message,
 * whether sent over REST or a socket, is stored here first, then announced to this process's
 * feed, which the realtime gateway broadcasts, and, if its receiver is offline, on the pub/sub
 * bus (`messages.to-offline`), for a notification.
 */
export const createMessagesService = ({
  db,
  parties,
  writer,
  privateStorage,
  quota,
  pubsub,
  feed,
  isOnline,
  avatarUrls,
  logger,
}: {
  db: Db;
  parties: BookingPartiesCache;
  writer: MessageWriter;
  privateStorage: PrivateStorage;
  quota: QuotaStorage;
  pubsub: PubSub;
  feed: MessageFeed;
  /** Whether the user has a socket open anywhere (presence); a hint for notifications. */
  isOnline: (userId: string) => Promise<boolean>;
  avatarUrls: AvatarUrls;
  logger: Logger;
}) => {
  /** The booking's parties as the caller sees them; anyone else gets the 404 of a missing id. */
  const bookingFor = async (caller: AuthenticatedUser, bookingId: string) => {
    const booking = await parties.partiesOf(bookingId);
    if (!booking) throw notFound();
    const { customerId, providerUserId } = booking;
    const isParty = caller.userId === customerId || caller.userId === providerUserId;
    if (!isParty && caller.role !== 'admin') throw notFound();
    return { ...booking, isParty };
  };

  /** The booking's two parties, if the caller may see its chat (sockets ask before joining). */
  const participantsOf = async (caller: AuthenticatedUser, bookingId: string) => {
    const { customerId, providerUserId } = await bookingFor(caller, bookingId);
    return { customerId, providerUserId };
  };

  const view = async (row: MessageRow): Promise<TMessage> =>
    toMessage(row, await attachmentsOf(db, [row.id]));

  /** A retried send: the stored message if it is the same one, 409 if the id was reused. */
  const replayed = async (
    senderId: string,
    request: TSendMessageRequest,
  ): Promise<TMessage | undefined> => {
    if (!request.clientId) return undefined;
    const row = await findMessageByClientId(db, senderId, request.clientId);
    if (!row) return undefined;
    if (row.bookingId !== request.bookingId || row.type !== request.type) {
      throw new AppError(ErrorCode.CONFLICT, 'This clientId was already used for another message');
    }
    return view(row);
  };

  const announce = async (message: TMessage, originSocketId: string | undefined) => {
    if (!(await isOnline(message.receiverId))) {
      const event: MessageToOffline = {
        messageId: message.id,
        bookingId: message.bookingId,
        senderId: message.senderId,
        receiverId: message.receiverId,
        type: message.type,
        preview: previewOf(message),
        createdAt: message.createdAt,
      };
      await pubsub
        .publish(MESSAGE_TO_OFFLINE_CHANNEL, event)
        .catch((error: unknown) =>
          logger.warn({ err: error, messageId: message.id }, 'new message not published'),
        );
    }
    feed.publish({ kind: 'stored', message, ...(originSocketId ? { originSocketId } : {}) });
  };

  const store = async (
    row: Omit<MessageToStore, 'id'>,
    attachment: PreparedAttachment | undefined,
  ): Promise<MessageRow | undefined> => {
    if (!attachment) return writer.insert(row);
    return quota.storeObjects({
      store: privateStorage,
      userId: row.senderId,
      purpose: 'message_attachment',
      objects: [
        { key: attachment.key, body: attachment.body, contentType: attachment.contentType },
      ],
      record: async (tx) => {
        const stored = await insertMessage(tx, { ...row, id: timeOrderedId() });
        // Rolling back makes quota storage delete this copy's file.
        if (!stored) throw new ClientIdTaken();
        await insertAttachment(tx, {
          messageId: stored.id,
          key: attachment.key,
          filename: attachment.filename,
          contentType: attachment.contentType,
          bytes: attachment.body.length,
        });
        return stored;
      },
    });
  };

  /**
   * Stores a message from one party to the other. Cancelled bookings take no new messages
   * (409): their chat stays readable, but a cancelled job has nothing left to arrange, and
   * disputes go to support. `created` is false when the clientId was already stored.
   */
  const sendMessage = async (
    caller: AuthenticatedUser,
    request: TSendMessageRequest,
    upload?: MessageUpload,
    /** Sent over a socket: that socket gets the message in its acknowledgement, not again. */
    originSocketId?: string,
  ): Promise<{ message: TMessage; created: boolean }> => {
    const booking = await bookingFor(caller, request.bookingId);
    if (!booking.isParty)
      throw new AppError(ErrorCode.AUTHORIZATION_ERROR, 'Admins can read chats, not write in them');
    const wantsFile = request.type === 'image' || request.type === 'file';
    if (wantsFile !== (upload !== undefined)) {
      throw new AppError(ErrorCode.VALIDATION_ERROR, 'Invalid request', [
        wantsFile
          ? { path: 'attachment', message: 'is required', code: 'required' }
          : {
              path: 'attachment',
              message: `is not allowed for ${request.type} messages`,
              code: 'unexpected',
            },
      ]);
    }
    // A retry gets its stored copy even if the booking was cancelled since. Checked up front only
    // when the send is costly (a file to re-encode) or refused anyway; a text retry is found by
    // the insert's conflict instead, which saves a round trip on every message.
    if (wantsFile || booking.status === 'cancelled') {
      const earlier = await replayed(caller.userId, request);
      if (earlier) return { message: earlier, created: false };
    }
    if (booking.status === 'cancelled') {
      throw new AppError(ErrorCode.CONFLICT, 'This booking is cancelled; its chat is closed', {
        status: booking.status,
      });
    }
    const attachment =
      wantsFile && upload
        ? await prepareAttachment(booking.id, request.type as 'image' | 'file', upload)
        : undefined;
    const receiverId =
      caller.userId === booking.customerId ? booking.providerUserId : booking.customerId;
    let row: MessageRow | undefined;
    try {
      row = await store(
        {
          bookingId: booking.id,
          senderId: caller.userId,
          receiverId,
          clientId: request.clientId ?? null,
          type: request.type,
          content: request.content,
          latitude: request.latitude ?? null,
          longitude: request.longitude ?? null,
        },
        attachment,
      );
    } catch (error) {
      if (!(error instanceof ClientIdTaken)) throw error;
    }
    if (!row) {
      // Another send with the same clientId committed first.
      const winner = await replayed(caller.userId, request);
      if (!winner) throw new AppError(ErrorCode.CONFLICT, 'The message could not be stored');
      return { message: winner, created: false };
    }
    const message = attachment ? await view(row) : toMessage(row, []);
    await announce(message, originSocketId);
    return { message, created: true };
  };

  const listBookingMessages = async (
    caller: AuthenticatedUser,
    bookingId: string,
    { before, limit }: TMessagesQuery,
  ): Promise<{ page: TMessagePage; meta: Partial<TPageMeta> }> => {
    await bookingFor(caller, bookingId);
    let beforeId: string | undefined;
    if (before !== undefined) {
      beforeId = decodeCursor(before);
      const anchor = await findMessage(db, beforeId);
      if (!anchor || anchor.bookingId !== bookingId) throw badCursor();
    }
    const rows = await listMessages(db, bookingId, {
      ...(beforeId ? { beforeId } : {}),
      limit: limit + 1,
    });
    const hasNext = rows.length > limit;
    const pageRows = rows.slice(0, limit);
    const attachments = await attachmentsOf(
      db,
      pageRows.map((row) => row.id),
    );
    const last = pageRows.at(-1);
    return {
      page: {
        messages: pageRows.map((row) => toMessage(row, attachments)),
        nextCursor: hasNext && last ? encodeCursor(last.id) : null,
      },
      meta: { limit, hasNext },
    };
  };

  /**
   * The receiver marks a message read, and with it every earlier unread one of the booking sent
   * to them. Marking again changes nothing and still answers with a receipt.
   */
  const markRead = async (caller: AuthenticatedUser, messageId: string): Promise<TReadReceipt> => {
    const message = await findMessage(db, messageId);
    if (!message) throw notFound('Message not found');
    const isParty = caller.userId === message.senderId || caller.userId === message.receiverId;
    if (!isParty && caller.role !== 'admin') throw notFound('Message not found');
    if (caller.userId !== message.receiverId)
      throw new AppError(
        ErrorCode.AUTHORIZATION_ERROR,
        'Only the receiver can mark a message read',
      );
    const marked = await markReadUpTo(db, {
      bookingId: message.bookingId,
      receiverId: caller.userId,
      upToId: messageId,
    });
    const receipt: TReadReceipt = {
      bookingId: message.bookingId,
      readerId: caller.userId,
      messageId,
      messageIds: marked.map((row) => row.id),
      readAt: (marked[0]?.readAt ?? message.readAt ?? new Date()).toISOString(),
    };
    if (marked.length > 0) feed.publish({ kind: 'read', receipt });
    return receipt;
  };

  const conversations = async (
    caller: AuthenticatedUser,
    { page, limit }: TConversationsQuery,
  ): Promise<{ conversations: TConversation[]; meta: TPageMeta }> => {
    const [rows, total] = await Promise.all([
      listConversations(db, caller.userId, { limit, offset: (page - 1) * limit }),
      countConversations(db, caller.userId),
    ]);
    const ids = rows.map((row) => row.lastMessageId);
    const [lastRows, attachments] = await Promise.all([
      findMessagesByIds(db, ids),
      attachmentsOf(db, ids),
    ]);
    const lastById = new Map(lastRows.map((row) => [row.id, row]));
    return {
      conversations: rows.map((row) => ({
        bookingId: row.bookingId,
        serviceTitle: row.serviceTitle,
        bookingStatus: row.bookingStatus,
        otherParty: {
          userId: row.otherUserId,
          role: row.otherIsProvider ? 'provider' : 'customer',
          name: row.otherIsProvider
            ? row.businessName
            : [row.firstName, row.lastName ? `${row.lastName.slice(0, 1)}.` : '']
                .filter(Boolean)
                .join(' '),
          avatar: row.avatarKey ? avatarUrls(row.avatarKey) : null,
        },
        lastMessage: toMessage(lastById.get(row.lastMessageId)!, attachments),
        unreadCount: row.unreadCount,
      })),
      meta: { page, limit, total, hasNext: page * limit < total },
    };
  };

  /** An attachment's bytes, for the booking's parties and admins; 404 for anyone else. */
  const attachmentFile = async (caller: AuthenticatedUser, attachmentId: string) => {
    const attachment = await findAttachment(db, attachmentId);
    if (!attachment) throw notFound('Attachment not found');
    await bookingFor(caller, attachment.bookingId).catch(() => {
      throw notFound('Attachment not found');
    });
    const object = await privateStorage.get(attachment.key);
    if (!object) throw notFound('Attachment not found');
    return {
      body: object.body,
      contentType: attachment.contentType,
      filename: attachment.filename,
    };
  };

  return {
    sendMessage,
    listBookingMessages,
    markRead,
    conversations,
    attachmentFile,
    participantsOf,
  };
};

export type MessagesService = ReturnType<typeof createMessagesService>;
