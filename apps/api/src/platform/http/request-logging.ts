import { randomUUID } from 'node:crypto';
import express, { type Request, type RequestHandler, type Response } from 'express';
import pino from 'pino';
import type { Logger } from '../logger';

declare module 'express-serve-static-core' {
  interface Request {
    /** The caller's `X-Request-Id` when it is safe to log, else a new UUID; echoed back. */
    id: string;
    /** A logger bound to this request's id, method and URL; made on first use. */
    log: Logger;
  }
}

const REQUEST_ID_HEADER = 'x-request-id';
const acceptableRequestId = /^[\w.:-]{1,128}$/;

/** Query parameters that carry credentials, such as the OpenID Connect callback's `code`. */
const secretQueryParameter = /([?&](?:code|token|access_token|id_token|refresh_token)=)[^&#]*/gi;

/**
 * Paths whose last segment is a single-use secret: the e-mail verification link's web page and
 * the API call it makes.
 */
const secretPathSegment = /^(\/(?:api\/auth\/)?verify-email\/)[^/?#]+/;

/** The URL with credential-bearing query values and path segments replaced. */
export const loggableUrl = (url: string): string => {
  const path = url.replace(secretPathSegment, '$1[redacted]');
  return path.includes('?') ? path.replace(secretQueryParameter, '$1[redacted]') : path;
};

const appLoggerKey = Symbol('appLogger');
const startKey = Symbol('requestStart');
type Logged = Request & { [appLoggerKey]?: Logger };
type Timed = Response & { [startKey]?: number };

/**
 * `req.log` is made when a handler first reads it: most requests never log anything but their
 * access line, and a child logger per request would cost every one of them.
 */
Object.defineProperty(express.request, 'log', {
  configurable: true,
  get(this: Logged): Logger {
    const appLogger = this[appLoggerKey];
    if (!appLogger) throw new Error('req.log needs the requestLogging middleware');
    const log = appLogger.child({
      reqId: this.id,
      req: { method: this.method, url: loggableUrl(this.originalUrl) },
    });
    Object.defineProperty(this, 'log', { value: log, configurable: true, writable: true });
    return log;
  },
  set(this: Logged, log: Logger) {
    Object.defineProperty(this, 'log', { value: log, configurable: true, writable: true });
  },
});

/** pino's documented integration symbols: its destination, time field and base bindings. */
const internalsOf = (logger: Logger) => {
  const internals = logger as unknown as Record<symbol, unknown>;
  return {
    destination: internals[pino.symbols.streamSym] as { write: (line: string) => unknown },
    time: internals[pino.symbols.timeSym] as () => string,
    bindings: () => internals[pino.symbols.chindingsSym] as string,
  };
};

const levelOf = (status: number) => (status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info');

/**
 * The access line, written straight into the logger's destination in pino's own format (its
 * level number, time and base bindings, then ours): pino's generic object serialization was
 * most of the cost of logging every request. The id is a UUID or matched `[\w.:-]`, so it
 * needs no escaping; the URL does. 'close' follows 'finish' on every response, and is the only
 * event when the client goes away first.
 */
const accessLogger = (logger: Logger) => {
  const { destination, time, bindings } = internalsOf(logger);
  return function onClose(this: Timed) {
    const finished = this.writableFinished;
    const statusCode = this.statusCode;
    const level = finished ? levelOf(statusCode) : 'warn';
    if (!logger.isLevelEnabled(level)) return;
    const req = this.req;
    const responseTime = Math.round((performance.now() - (this[startKey] ?? 0)) * 10) / 10;
    destination.write(
      `{"level":${logger.levels.values[level]}${time()}${bindings()}` +
        `,"reqId":"${req.id}","method":${JSON.stringify(req.method)}` +
        `,"url":${JSON.stringify(loggableUrl(req.originalUrl))},"statusCode":${statusCode}` +
        `,"responseTime":${responseTime},"msg":"${finished ? 'request completed' : 'request aborted'}"}\n`,
    );
  };
};

/** One log line per request with its id, method, URL, status and time; never bodies or headers. */
export const requestLogging = (logger: Logger): RequestHandler => {
  const onClose = accessLogger(logger);
  return (req, res, next) => {
    (res as Timed)[startKey] = performance.now();
    const offered = req.headers[REQUEST_ID_HEADER];
    const id =
      typeof offered === 'string' && acceptableRequestId.test(offered) ? offered : randomUUID();
    req.id = id;
    (req as Logged)[appLoggerKey] = logger;
    res.setHeader('X-Request-Id', id);
    res.on('close', onClose);
    next();
  };
};
