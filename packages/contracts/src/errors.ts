import { z } from 'zod';

/** ERD §5.3 error codes, plus the three the platform needs for transport-level failures. */
export const ErrorCode = {
  VALIDATION_ERROR: 'VALIDATION_ERROR',
  AUTHENTICATION_ERROR: 'AUTHENTICATION_ERROR',
  AUTHORIZATION_ERROR: 'AUTHORIZATION_ERROR',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  UNSUPPORTED_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  RATE_LIMIT_EXCEEDED: 'RATE_LIMIT_EXCEEDED',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;

export type TErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export const ZErrorCode = z.enum(ErrorCode);

/** One entry per invalid field: `path` is dotted (`location.pincode`), `""` for the whole body. */
export const ZFieldError = z
  .object({
    path: z.string(),
    message: z.string(),
    code: z.string(),
  })
  .meta({ id: 'FieldError' });

export type TFieldError = z.infer<typeof ZFieldError>;
