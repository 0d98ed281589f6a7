import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ZodError } from 'zod';
import type { TErrorCode, TFieldError } from '@localkart/contracts/errors';
import { isDatabaseUnavailableError } from '../../db/unavailable';
import { AppError, ErrorCode, httpStatusOf } from '../errors';

const RETRY_AFTER_SECONDS = 5;

const fieldErrorsOf = (error: ZodError): TFieldError[] =>
  error.issues.flatMap((issue): TFieldError[] => {
    const path = issue.path.map(String).join('.');
    // One entry per field a client may not send (mass assignment), named by its own path.
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        path: path ? `${path}.${key}` : key,
        message: 'is not a field you can set',
        code: issue.code,
      }));
    }
    return [{ path, message: issue.message, code: issue.code }];
  });

/** body-parser marks its errors with `type`; these are the client's fault, not ours. */
const bodyParserErrors: Record<string, { code: TErrorCode; message: string }> = {
  'entity.parse.failed': {
    code: ErrorCode.VALIDATION_ERROR,
    message: 'Request body is not valid JSON',
  },
  'entity.too.large': {
    code: ErrorCode.PAYLOAD_TOO_LARGE,
    message: 'Request body is larger than 1 MB',
  },
  'encoding.unsupported': {
    code: ErrorCode.UNSUPPORTED_MEDIA_TYPE,
    message: 'Unsupported content encoding',
  },
  'charset.unsupported': { code: ErrorCode.UNSUPPORTED_MEDIA_TYPE, message: 'Unsupported charset' },
  'request.aborted': { code: ErrorCode.VALIDATION_ERROR, message: 'Request body was aborted' },
};

export const toAppError = (error: unknown): AppError | undefined => {
  if (error instanceof AppError) return error;
  if (error instanceof ZodError) {
    return new AppError(ErrorCode.VALIDATION_ERROR, 'Invalid request', fieldErrorsOf(error));
  }
  const bodyType = (error as { type?: unknown } | null)?.type;
  if (typeof bodyType === 'string' && bodyType in bodyParserErrors) {
    const known = bodyParserErrors[bodyType]!;
    return new AppError(known.code, known.message);
  }
  if (isDatabaseUnavailableError(error)) {
    return new AppError(
      ErrorCode.SERVICE_UNAVAILABLE,
      'The service is temporarily unavailable, please retry shortly',
    );
  }
  return undefined;
};

/** The only place an error becomes an HTTP response. Never sends a stack trace. */
export const errorHandler: ErrorRequestHandler = (error: unknown, req, res, next) => {
  if (res.headersSent) {
    next(error);
    return;
  }
  const appError = toAppError(error);
  if (!appError) {
    req.log.error({ err: error }, 'unhandled error');
    res.status(500).json({
      success: false,
      error: { code: ErrorCode.INTERNAL_SERVER_ERROR, message: 'Something went wrong on our side' },
    });
    return;
  }
  const status = httpStatusOf[appError.code];
  if (status === 503) {
    req.log.warn({ err: error }, 'dependency unavailable');
    res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
  }
  res.status(status).json({
    success: false,
    error: {
      code: appError.code,
      message: appError.message,
      ...(appError.details === undefined ? {} : { details: appError.details }),
    },
  });
};

export const notFoundHandler: RequestHandler = (req) => {
  throw new AppError(ErrorCode.NOT_FOUND, `No route for ${req.method} ${req.path}`);
};
