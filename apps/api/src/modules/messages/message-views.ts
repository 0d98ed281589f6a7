import type { TMessage } from '@localkart/contracts/messages';
import { AppError, ErrorCode } from '../../platform/errors';
import type { AttachmentRow, MessageRow } from './messages.repo';

export const attachmentUrl = (id: string) => `/api/messages/attachments/${id}`;

/** Built field by field (SECURITY.md): storage keys never leave the server. */
export const toMessage = (row: MessageRow, attachments: AttachmentRow[]): TMessage => ({
  id: row.id,
  bookingId: row.bookingId,
  senderId: row.senderId,
  receiverId: row.receiverId,
  clientId: row.clientId,
  type: row.type,
  content: row.content,
  location:
    row.latitude !== null && row.longitude !== null
      ? { latitude: row.latitude, longitude: row.longitude }
      : null,
  attachments: attachments
    .filter((attachment) => attachment.messageId === row.id)
    .map((attachment) => ({
      id: attachment.id,
      url: attachmentUrl(attachment.id),
      filename: attachment.filename,
      contentType: attachment.contentType,
      size: attachment.bytes,
    })),
  isRead: row.readAt !== null,
  readAt: row.readAt?.toISOString() ?? null,
  createdAt: row.createdAt.toISOString(),
});

const CURSOR_PREFIX = 'm1:';

/**
 * Page cursors are opaque to clients (so their form can change): the id of the last message
 * of the page, versioned and base64url-encoded.
 */
export const encodeCursor = (messageId: string) =>
  Buffer.from(`${CURSOR_PREFIX}${messageId}`).toString('base64url');

export const decodeCursor = (cursor: string): string => {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const id = text.startsWith(CURSOR_PREFIX) ? text.slice(CURSOR_PREFIX.length) : '';
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id))
    throw badCursor();
  return id;
};

export const badCursor = () =>
  new AppError(ErrorCode.VALIDATION_ERROR, 'Invalid request', [
    { path: 'before', message: 'must be a cursor from a previous page', code: 'invalid_cursor' },
  ]);

/** What a notification shows of a message: its first 80 characters, or what it is. */
export const previewOf = (message: Pick<TMessage, 'type' | 'content'>): string => {
  const text = message.content.replace(/\s+/g, ' ').trim();
  if (text) return [...text].slice(0, 80).join('');
  return { text: '', image: 'Photo', file: 'File', location: 'Location' }[message.type];
};
