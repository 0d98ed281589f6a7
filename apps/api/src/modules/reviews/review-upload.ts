import type { Request, RequestHandler } from 'express';
import multer, { MulterError } from 'multer';
import { MAX_REVIEW_IMAGES } from '@localkart/contracts/reviews';
import { AppError, ErrorCode } from '../../platform/errors';

export const REVIEW_IMAGE_FIELD = 'images';
export const REVIEW_IMAGE_MAX_BYTES = 8 * 1024 * 1024;
const TEXT_FIELDS = ['rating', 'comment'];

const toReviewUploadError = (error: unknown): AppError => {
  if (error instanceof AppError) return error;
  if (error instanceof MulterError && error.code === 'LIMIT_FILE_SIZE') {
    return new AppError(ErrorCode.PAYLOAD_TOO_LARGE, 'An image is larger than 8 MB');
  }
  if (error instanceof MulterError) {
    return new AppError(
      ErrorCode.VALIDATION_ERROR,
      `Send at most ${MAX_REVIEW_IMAGES} images in the field "${REVIEW_IMAGE_FIELD}", and only the fields ${TEXT_FIELDS.join(' and ')}`,
      [{ path: error.field ?? REVIEW_IMAGE_FIELD, message: error.message, code: error.code }],
    );
  }
  return new AppError(ErrorCode.VALIDATION_ERROR, 'The multipart body could not be read');
};

/**
 * Reads up to five images and the review's text fields from a multipart body into memory (a
 * JSON body passes through). Names and Content-Types the client sends are never trusted.
 */
export const reviewUpload = (): RequestHandler => {
  const parse = multer({
    storage: multer.memoryStorage(),
    limits: {
      fileSize: REVIEW_IMAGE_MAX_BYTES,
      files: MAX_REVIEW_IMAGES,
      fields: TEXT_FIELDS.length,
      // A 2,000-character comment is at most 8,000 bytes of UTF-8.
      fieldSize: 8 * 1024,
      parts: MAX_REVIEW_IMAGES + TEXT_FIELDS.length,
      fieldNameSize: 100,
      headerPairs: 20,
    },
  }).array(REVIEW_IMAGE_FIELD, MAX_REVIEW_IMAGES);
  return (req, res, next) => {
    void parse(req, res, (error?: unknown) => {
      next(error === undefined ? undefined : toReviewUploadError(error));
    });
  };
};

/** The images `reviewUpload` read, in order; none for a JSON body. */
export const uploadedImagesOf = (req: Request): Buffer[] =>
  (Array.isArray(req.files) ? req.files : [])
    .filter((file) => file.size > 0)
    .map((file) => file.buffer);
