import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { successEnvelope } from './envelope';
import { bearer, error, json, ok } from './openapi-helpers';

export const MAX_REVIEW_IMAGES = 5;
export const MAX_REVIEW_COMMENT = 2000;
export const MAX_REVIEW_REPLY = 2000;
export const MAX_REVIEWS_PAGE_SIZE = 50;

/** Control characters other than line breaks and tabs have no place in plain text. */
const ZPlainText = (max: number) =>
  z
    .string()
    .transform((text) => text.normalize('NFC').trim())
    .pipe(
      z
        .string()
        .max(max, `must be at most ${max} characters`)
        .refine((text) => !/[\p{Cc}\p{Cf}]/u.test(text.replace(/[\n\t\r]/g, '')), {
          message: 'must be plain text without control characters',
        }),
    );

/** A multipart field arrives as text: "4" is read as 4, anything else is left for the check. */
const ZRatingInput = z.preprocess(
  (value) => (typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value),
  z.number().int('must be a whole number').min(1).max(5),
);

/** The review's fields, as JSON or as the text fields of the multipart form (strict). */
export const ZCreateReviewFields = z.strictObject({
  rating: ZRatingInput,
  comment: ZPlainText(MAX_REVIEW_COMMENT).default(''),
});
export type TCreateReviewFields = z.infer<typeof ZCreateReviewFields>;

/** The documented form: what a client sends, with or without images. */
export const ZCreateReviewRequest = z
  .object({
    rating: z.number().int().min(1).max(5),
    comment: z.string().max(MAX_REVIEW_COMMENT).optional().meta({ description: 'Plain text' }),
  })
  .meta({ id: 'CreateReviewRequest' });
export const ZCreateReviewUpload = z
  .object({
    rating: z.string().meta({ description: '1 to 5' }),
    comment: z.string().max(MAX_REVIEW_COMMENT).optional(),
    images: z
      .array(z.file())
      .max(MAX_REVIEW_IMAGES)
      .optional()
      .describe(
        `Up to ${MAX_REVIEW_IMAGES} images (repeat the field): JPEG, PNG or WebP by content, each at most 8 MB and 40 megapixels`,
      ),
  })
  .meta({ id: 'CreateReviewUpload' });

export const ZReplyToReviewRequest = z
  .strictObject({ reply: ZPlainText(MAX_REVIEW_REPLY).pipe(z.string().min(1, 'is required')) })
  .meta({ id: 'ReplyToReviewRequest' });
export type TReplyToReviewRequest = z.infer<typeof ZReplyToReviewRequest>;

export const ZReviewsQuery = z.strictObject({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  /** Above the maximum is clamped, not refused. */
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .transform((limit) => Math.min(limit, MAX_REVIEWS_PAGE_SIZE))
    .default(10),
});
export type TReviewsQuery = z.infer<typeof ZReviewsQuery>;

export const ZReviewImage = z.object({ url: z.string(), thumbnailUrl: z.string() });

export const ZReview = z
  .object({
    id: z.uuid(),
    bookingId: z.uuid(),
    providerId: z.uuid(),
    rating: z.number().int().min(1).max(5),
    comment: z.string(),
    images: z.array(ZReviewImage),
    reviewerName: z.string().meta({ description: 'First name and last initial, e.g. "Priya S."' }),
    reply: z
      .object({ text: z.string(), repliedAt: z.iso.datetime({ offset: true }) })
      .nullable()
      .meta({ description: 'The provider’s one reply' }),
    createdAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'Review' });
export type TReview = z.infer<typeof ZReview>;

// ---- OpenAPI ----

const tags = ['Reviews'];
const idParam = { path: z.object({ id: z.uuid() }) };

export const reviewsPaths = {
  '/api/bookings/{id}/review': {
    post: {
      summary: 'Review a completed booking',
      description:
        'The booking’s customer only, once, after it is completed. JSON, or multipart with up to five `images` (checked by content, re-encoded to WebP without metadata, counted against the upload quota). The provider’s rating average and count change in the same transaction.',
      tags,
      security: bearer,
      requestParams: idParam,
      requestBody: {
        required: true,
        content: {
          'application/json': { schema: ZCreateReviewRequest },
          'multipart/form-data': { schema: ZCreateReviewUpload },
        },
      },
      responses: {
        '201': ok('The review', ZReview),
        '400': error('Invalid rating or comment, an unknown field, or a damaged image'),
        '401': error('Not signed in'),
        '403': error('Not a customer'),
        '404': error('No such booking of the caller'),
        '409': error('The booking is not completed, or is already reviewed'),
        '413': error('An image is too large, or over the upload quota'),
        '415': error('An image is not a JPEG, PNG or WebP'),
      },
    },
  },
  '/api/reviews/{id}/reply': {
    post: {
      summary: 'Reply to a review',
      description: 'The reviewed booking’s provider only, once.',
      tags,
      security: bearer,
      requestParams: idParam,
      requestBody: json(ZReplyToReviewRequest),
      responses: {
        '201': ok('The review with its reply', ZReview),
        '400': error('Empty or too long reply, or an unknown field'),
        '401': error('Not signed in'),
        '403': error('Not a provider'),
        '404': error('No such review of the caller’s bookings'),
        '409': error('Already replied'),
      },
    },
  },
  '/api/providers/{id}/reviews': {
    get: {
      summary: 'A provider’s reviews',
      description:
        'Public, newest first, with replies and image URLs; hidden (moderated) reviews are left out.',
      tags,
      requestParams: { ...idParam, query: ZReviewsQuery },
      responses: {
        '200': {
          description: 'One page; `meta` has page, limit, total, hasNext',
          ...json(successEnvelope(z.array(ZReview))),
        },
        '400': error('Invalid page or limit'),
        '404': error('No such active provider'),
      },
    },
  },
} satisfies ZodOpenApiPathsObject;
