import express, { type RequestHandler } from 'express';
import { AppError, ErrorCode } from '../errors';

const BODY_LIMIT = '1mb';

const hasBody = (headers: { 'transfer-encoding'?: string; 'content-length'?: string }) =>
  headers['transfer-encoding'] !== undefined || Number(headers['content-length'] ?? 0) > 0;

/**
 * Body handling for `/api`, as one middleware: JSON up to 1 MB (413 beyond), multipart left to
 * the upload routes, anything else 415 (SECURITY.md), and the raw bytes for `rawPaths` (webhook
 * signatures cover the exact body). Most requests (GET) carry no body and pass straight through.
 */
export const requestBody = ({ rawPaths = [] }: { rawPaths?: string[] } = {}): RequestHandler => {
  const json = express.json({ limit: BODY_LIMIT });
  const raw = express.raw({ type: () => true, limit: BODY_LIMIT });
  const raws = new Set(rawPaths);
  return (req, res, next) => {
    if (!hasBody(req.headers) || !req.url.startsWith('/api/')) {
      next();
      return;
    }
    if (raws.has(req.path)) {
      raw(req, res, next);
      return;
    }
    if (!req.is(['application/json', 'multipart/form-data']))
      throw new AppError(
        ErrorCode.UNSUPPORTED_MEDIA_TYPE,
        'Send the request body as application/json',
      );
    json(req, res, next);
  };
};
