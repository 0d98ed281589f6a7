import { and, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { preparedRawQuery, type Db } from '../../db/client';
import { bookings } from '../../db/schema/bookings';
import { messageAttachments, messages } from '../../db/schema/messages';
import { providers } from '../../db/schema/providers';
import { users } from '../../db/schema/users';

const messageColumns = {
  id: messages.id,
  bookingId: messages.bookingId,
  senderId: messages.senderId,
  receiverId: messages.receiverId,
  clientId: messages.clientId,
  type: messages.type,
  content: messages.content,
  latitude: messages.latitude,
  longitude: messages.longitude,
  readAt: messages.readAt,
  createdAt: messages.createdAt,
};
export type MessageRow = { [K in keyof typeof messageColumns]: (typeof messages.$inferSelect)[K] };

const attachmentColumns = {
  id: messageAttachments.id,
  messageId: messageAttachments.messageId,
  key: messageAttachments.key,
  filename: messageAttachments.filename,
  contentType: messageAttachments.contentType,
  bytes: messageAttachments.bytes,
};
export type AttachmentRow = {
  [K in keyof typeof attachmentColumns]: (typeof messageAttachments.$inferSelect)[K];
};

const asDate = (value: Date | string) => (value instanceof Date ? value : new Date(value));

/** A message as the writer stores it: every column but those the database fills in. */
export type MessageToStore = Omit<MessageRow, 'readAt' | 'createdAt'>;

/**
 * The batch is one JSON parameter (`json_to_recordset`): the statement's text and its one
 * parameter are the same for one message or five hundred, so it is prepared once per
 * connection, and the batch costs one `JSON.stringify` rather than a literal per value.
 */
const insertMessagesStatement = preparedRawQuery<{ id: string; created_at: Date | string }>(
  'insert_messages',
  sql`INSERT INTO messages
      (id, booking_id, sender_id, receiver_id, client_id, type, content, latitude, longitude, created_at)
    SELECT m.*, clock_timestamp()
    FROM json_to_recordset(${sql.placeholder('batch')}::json)
      AS m(id uuid, booking_id uuid, sender_id uuid, receiver_id uuid, client_id uuid,
        type message_type, content text, latitude float8, longitude float8)
    ON CONFLICT (sender_id, client_id) DO NOTHING
    RETURNING id, created_at`,
);

/**
 * Inserts the messages in one statement; returns those stored. A message whose sender already
 * stored one under its client id is left out. Each row's time is taken as it is inserted (not
 * the statement's start), in the order given. The database adds only that time (a new message
 * is unread), so only it and the id come back.
 */
export const insertMessages = async (db: Db, rows: MessageToStore[]): Promise<MessageRow[]> => {
  const batch = JSON.stringify(
    rows.map((row) => ({
      id: row.id,
      booking_id: row.bookingId,
      sender_id: row.senderId,
      receiver_id: row.receiverId,
      client_id: row.clientId,
      type: row.type,
      content: row.content,
      latitude: row.latitude,
      longitude: row.longitude,
    })),
  );
  const storedAt = new Map(
    (await insertMessagesStatement(db, { batch })).map((row) => [row.id, row.created_at]),
  );
  const stored: MessageRow[] = [];
  for (const row of rows) {
    const createdAt = storedAt.get(row.id);
    if (createdAt !== undefined)
      stored.push({ ...row, readAt: null, createdAt: asDate(createdAt) });
  }
  return stored;
};

/** Inserts the message; undefined when the sender already stored one under this client id. */
export const insertMessage = async (db: Db, row: MessageToStore): Promise<MessageRow | undefined> =>
  (await insertMessages(db, [row]))[0];

export const insertAttachment = async (
  db: Db,
  row: typeof messageAttachments.$inferInsert,
): Promise<void> => {
  await db.insert(messageAttachments).values(row);
};

export const findMessage = async (db: Db, id: string): Promise<MessageRow | undefined> => {
  const [row] = await db.select(messageColumns).from(messages).where(eq(messages.id, id));
  return row;
};

export const findMessageByClientId = async (
  db: Db,
  senderId: string,
  clientId: string,
): Promise<MessageRow | undefined> => {
  const [row] = await db
    .select(messageColumns)
    .from(messages)
    .where(and(eq(messages.senderId, senderId), eq(messages.clientId, clientId)));
  return row;
};

export const findMessagesByIds = (db: Db, ids: string[]): Promise<MessageRow[]> =>
  ids.length === 0
    ? Promise.resolve([])
    : db.select(messageColumns).from(messages).where(inArray(messages.id, ids));

export const attachmentsOf = (db: Db, messageIds: string[]): Promise<AttachmentRow[]> =>
  messageIds.length === 0
    ? Promise.resolve([])
    : db
        .select(attachmentColumns)
        .from(messageAttachments)
        .where(inArray(messageAttachments.messageId, messageIds))
        .orderBy(messageAttachments.createdAt, messageAttachments.id);

/** The attachment with the booking it belongs to, for the download route's access check. */
export const findAttachment = async (db: Db, id: string) => {
  const [row] = await db
    .select({ ...attachmentColumns, bookingId: messages.bookingId })
    .from(messageAttachments)
    .innerJoin(messages, eq(messages.id, messageAttachments.messageId))
    .where(eq(messageAttachments.id, id));
  return row;
};

/**
 * One page of a booking's messages, newest first, strictly older than the message `beforeId`
 * (keyset on created_at and id, so the cursor is exact to the microsecond). One row more than
 * `limit` tells whether there is another page.
 */
export const listMessages = (
  db: Db,
  bookingId: string,
  { beforeId, limit }: { beforeId?: string; limit: number },
): Promise<MessageRow[]> =>
  db
    .select(messageColumns)
    .from(messages)
    .where(
      and(
        eq(messages.bookingId, bookingId),
        beforeId === undefined
          ? undefined
          : sql`(${messages.createdAt}, ${messages.id}) < (SELECT m.created_at, m.id FROM messages m WHERE m.id = ${beforeId})`,
      ),
    )
    .orderBy(desc(messages.createdAt), desc(messages.id))
    .limit(limit);

/**
 * Marks read the message `upToId` and every earlier unread one of its booking sent to
 * `receiverId`; returns the ids it marked (none when all were read already).
 */
export const markReadUpTo = async (
  db: Db,
  { bookingId, receiverId, upToId }: { bookingId: string; receiverId: string; upToId: string },
): Promise<{ id: string; readAt: Date }[]> => {
  const rows = await db
    .update(messages)
    .set({ readAt: sql`now()` })
    .where(
      and(
        eq(messages.bookingId, bookingId),
        eq(messages.receiverId, receiverId),
        isNull(messages.readAt),
        sql`(${messages.createdAt}, ${messages.id}) <= (SELECT m.created_at, m.id FROM messages m WHERE m.id = ${upToId})`,
      ),
    )
    .returning({ id: messages.id, readAt: messages.readAt });
  return rows.map((row) => ({ id: row.id, readAt: row.readAt! }));
};

const involving = (userId: string) =>
  or(eq(messages.senderId, userId), eq(messages.receiverId, userId));

export type ConversationRow = {
  lastMessageId: string;
  bookingId: string;
  serviceTitle: string;
  bookingStatus: string;
  otherUserId: string;
  otherIsProvider: boolean;
  businessName: string;
  firstName: string;
  lastName: string;
  avatarKey: string | null;
  unreadCount: number;
};

/**
 * The caller's conversations, newest activity first: per booking the last message (DISTINCT ON
 * over the caller's messages), the other party's display fields and the caller's unread count.
 * It reads the booking, provider and user tables in the same statement because a chat list is
 * one screen that must not cost a query per row.
 */
export const listConversations = async (
  db: Db,
  userId: string,
  { limit, offset }: { limit: number; offset: number },
): Promise<ConversationRow[]> => {
  const last = db
    .selectDistinctOn([messages.bookingId], {
      id: messages.id,
      bookingId: messages.bookingId,
      createdAt: messages.createdAt,
      otherUserId:
        sql<string>`CASE WHEN ${messages.senderId} = ${userId} THEN ${messages.receiverId} ELSE ${messages.senderId} END`.as(
          'other_user_id',
        ),
    })
    .from(messages)
    .where(involving(userId))
    .orderBy(messages.bookingId, desc(messages.createdAt), desc(messages.id))
    .as('last');
  return db
    .select({
      lastMessageId: last.id,
      bookingId: last.bookingId,
      serviceTitle: bookings.serviceTitle,
      bookingStatus: bookings.status,
      otherUserId: last.otherUserId,
      otherIsProvider: sql<boolean>`${providers.userId} = ${last.otherUserId}`,
      businessName: providers.businessName,
      firstName: users.firstName,
      lastName: users.lastName,
      avatarKey: users.avatarKey,
      unreadCount: sql<number>`(SELECT count(*)::int FROM messages u WHERE u.booking_id = ${last.bookingId} AND u.receiver_id = ${userId} AND u.read_at IS NULL)`,
    })
    .from(last)
    .innerJoin(bookings, eq(bookings.id, last.bookingId))
    .innerJoin(providers, eq(providers.id, bookings.providerId))
    .innerJoin(users, eq(users.id, last.otherUserId))
    .orderBy(desc(last.createdAt), desc(last.id))
    .limit(limit)
    .offset(offset);
};

export const countConversations = async (db: Db, userId: string): Promise<number> => {
  const [row] = await db
    .select({ count: sql<number>`count(DISTINCT ${messages.bookingId})::int` })
    .from(messages)
    .where(involving(userId));
  return Number(row?.count ?? 0);
};
