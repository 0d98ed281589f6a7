import type { Request, RequestHandler } from 'express';
import multer, { MulterError } from 'multer';
import { AppError, ErrorCode } from '../errors';

export type SingleFileUpload = {
  /** The multipart field that carries the file. */
  field: string;
  maxBytes: number;
  /** Text fields allowed beside the file (read into `req.body`); none by default. */
  fields?: readonly string[];
};

const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/**
 * The one place multer's and busboy's errors become API errors: a file over the limit is 413,
 * anything else wrong with the multipart body (extra fields or files, a broken body) is 400.
 */
export const toUploadError = (error: unknown, { field, maxBytes }: SingleFileUpload): AppError => {
  if (error instanceof AppError) return error;
  if (!(error instanceof MulterError)) {
    return new AppError(ErrorCode.VALIDATION_ERROR, 'The multipart body could not be read');
  }
  if (error.code === 'LIMIT_FILE_SIZE') {
    return new AppError(
      ErrorCode.PAYLOAD_TOO_LARGE,
      `The file is larger than ${megabytes(maxBytes)}`,
    );
  }
  return new AppError(
    ErrorCode.VALIDATION_ERROR,
    `Send exactly one file, in the multipart field "${field}", and nothing else`,
    [{ path: error.field ?? field, message: error.message, code: error.code }],
  );
};

/**
 * Reads one file of at most `maxBytes` from a multipart body into memory. The client's file name
 * and Content-Type are never trusted; check the content (see `content-type.ts`). A request that is
 * not multipart passes through with no file.
 */
export const singleFileUpload = (options: SingleFileUpload): RequestHandler => {
  const parse = multer({
    storage: multer.memoryStorage(),
    limits: {
      fileSize: options.maxBytes,
      files: 1,
      fields: options.fields?.length ?? 0,
      fieldSize: 4096,
      parts: 1 + (options.fields?.length ?? 0),
      fieldNameSize: 100,
      headerPairs: 20,
    },
  }).single(options.field);
  return (req, res, next) => {
    void parse(req, res, (error?: unknown) => {
      next(error === undefined ? undefined : toUploadError(error, options));
    });
  };
};

/** The bytes `singleFileUpload` read; 400 when the request carried no file. */
export const uploadedBytesOf = (req: Request, field: string): Buffer => {
  if (!req.file || req.file.size === 0) {
    throw new AppError(
      ErrorCode.VALIDATION_ERROR,
      `Attach a file in the multipart field "${field}"`,
      [{ path: field, message: 'is required', code: 'required' }],
    );
  }
  return req.file.buffer;
};
