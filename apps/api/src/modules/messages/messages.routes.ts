import { Router, type Request, type RequestHandler } from 'express';
import { z } from 'zod';
import {
  ZConversationsQuery,
  ZMessagesQuery,
  ZSendMessageRequest,
} from '@localkart/contracts/messages';
import { AppError, ErrorCode } from '../../platform/errors';
import { sendData } from '../../platform/http/envelope';
import { callerOf, type AuthGuard } from '../auth/auth.guard';
import { messageUpload, uploadedAttachmentOf } from './message-upload';
import type { MessagesService } from './messages.service';

/** A malformed id is as unknown as a missing one: 404. */
const uuidParam = (req: Request, name: string): string => {
  const parsed = z.uuid().safeParse(req.params[name]);
  if (!parsed.success) throw new AppError(ErrorCode.NOT_FOUND, 'Not found');
  return parsed.data;
};

/** RFC 6266: an ASCII fallback and the exact name in RFC 5987 encoding. */
const contentDisposition = (filename: string) =>
  `attachment; filename="${filename.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(filename)}`;

export const messagesRoutes = ({
  messages,
  guard,
}: {
  messages: MessagesService;
  guard: AuthGuard;
}): Router => {
  const router = Router();
  const conversations: RequestHandler = async (req, res) => {
    const query = ZConversationsQuery.parse(req.query);
    const { conversations: rows, meta } = await messages.conversations(callerOf(req), query);
    sendData(res, rows, { meta });
  };
  // Before `/:bookingId`: "conversations" is not a booking id.
  router.get('/api/messages/conversations', guard.requireAuth, conversations);
  router.get('/api/users/messages', guard.requireAuth, conversations);
  router.get('/api/messages/attachments/:id', guard.requireAuth, async (req, res) => {
    const file = await messages.attachmentFile(callerOf(req), uuidParam(req, 'id'));
    res
      .status(200)
      .set({
        'Content-Type': file.contentType,
        'Content-Length': String(file.body.length),
        'Content-Disposition': contentDisposition(file.filename),
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'private, no-store',
      })
      .end(file.body);
  });
  router.get('/api/messages/:bookingId', guard.requireAuth, async (req, res) => {
    const bookingId = uuidParam(req, 'bookingId');
    const query = ZMessagesQuery.parse(req.query);
    const { page, meta } = await messages.listBookingMessages(callerOf(req), bookingId, query);
    sendData(res, page, { meta });
  });
  // Signed in first, so an anonymous multipart body is never read.
  router.post('/api/messages', guard.requireAuth, messageUpload(), async (req, res) => {
    const request = ZSendMessageRequest.parse(req.body ?? {});
    const { message, created } = await messages.sendMessage(
      callerOf(req),
      request,
      uploadedAttachmentOf(req),
    );
    sendData(res, message, { status: created ? 201 : 200 });
  });
  router.put('/api/messages/:id/read', guard.requireAuth, async (req, res) => {
    sendData(res, await messages.markRead(callerOf(req), uuidParam(req, 'id')));
  });
  return router;
};
