import type { Request, RequestHandler } from 'express';
import {
  MESSAGE_ATTACHMENT_FIELD,
  MESSAGE_ATTACHMENT_MAX_BYTES,
} from '@localkart/contracts/messages';
import { singleFileUpload } from '../../platform/uploads/file-upload';
import type { MessageUpload } from './messages.service';

const UPLOAD = {
  field: MESSAGE_ATTACHMENT_FIELD,
  maxBytes: MESSAGE_ATTACHMENT_MAX_BYTES,
  fields: ['bookingId', 'type', 'content', 'clientId'],
} as const;

/** Reads at most one attachment (10 MB) and the message's text fields; JSON passes through. */
export const messageUpload = (): RequestHandler => singleFileUpload(UPLOAD);

/** The attachment `messageUpload` read, if any; its client name is only a label. */
export const uploadedAttachmentOf = (req: Request): MessageUpload | undefined =>
  req.file && req.file.size > 0
    ? { bytes: req.file.buffer, clientName: req.file.originalname }
    : undefined;
