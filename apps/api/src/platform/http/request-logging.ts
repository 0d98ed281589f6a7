import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pinoHttp } from 'pino-http';
import type { Logger } from '../logger';

const REQUEST_ID_HEADER = 'x-request-id';
const acceptableRequestId = /^[\w.:-]{1,128}$/;

/** Keeps a caller's `X-Request-Id` when it is safe to log, else makes one; echoes it back. */
const requestIdOf = (req: IncomingMessage, res: ServerResponse): string => {
  const offered = req.headers[REQUEST_ID_HEADER];
  const id =
    typeof offered === 'string' && acceptableRequestId.test(offered) ? offered : randomUUID();
  res.setHeader('X-Request-Id', id);
  return id;
};

/** Query parameters that carry credentials, such as the OpenID Connect callback's `code`. */
const secretQueryParameter = /([?&](?:code|token|access_token|id_token|refresh_token)=)[^&#]*/gi;

/** Paths whose last segment is a single-use secret, such as the e-mail verification link. */
const secretPathSegment = /^(\/api\/auth\/verify-email\/)[^/?#]+/;

/** The URL with credential-bearing query values and path segments replaced. */
export const loggableUrl = (url: string): string => {
  const path = url.replace(secretPathSegment, '$1[redacted]');
  return path.includes('?') ? path.replace(secretQueryParameter, '$1[redacted]') : path;
};

/** One log line per request with its id, route, status and time; never bodies or headers. */
export const requestLogging = (logger: Logger) =>
  pinoHttp({
    logger,
    genReqId: requestIdOf,
    customLogLevel: (_req, res, error) => {
      if (error || res.statusCode >= 500) return 'error';
      if (res.statusCode >= 400) return 'warn';
      return 'info';
    },
    serializers: {
      req: (req: { method: string; url: string }) => ({
        method: req.method,
        url: loggableUrl(req.url),
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    // Our serializers read two fields; the wrapped default would first copy the whole request.
    wrapSerializers: false,
  });
