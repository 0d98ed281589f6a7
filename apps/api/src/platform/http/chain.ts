import type { NextFunction, Request, RequestHandler, Response } from 'express';

/**
 * Runs middleware in order as one Express layer. Every request passes the platform middleware
 * (metrics, log, headers, CORS, rate limit, body); as separate layers each costs a router
 * dispatch, which was a measurable share of a small request's time (bench/platform.ts). Errors,
 * thrown or rejected, go to Express's error handling as they would from a layer.
 */
export const chain = (handlers: RequestHandler[]): RequestHandler => {
  const step = (index: number, req: Request, res: Response, done: NextFunction): void => {
    const handler = handlers[index];
    if (!handler) {
      done();
      return;
    }
    try {
      // Anonymous on purpose: tsx keeps the names of named functions with a defineProperty
      // call, which a closure made per request and per handler would pay every time.
      const result: unknown = handler(req, res, (error?: unknown) => {
        if (error !== undefined && error !== null && error !== false) done(error);
        else step(index + 1, req, res, done);
      });
      if (result instanceof Promise) result.catch(done);
    } catch (thrown) {
      done(thrown);
    }
  };
  return (req, res, done) => step(0, req, res, done);
};

/** `handler` for paths under `prefix` only, without a mounted layer's URL rewriting. */
export const under =
  (prefix: string, handler: RequestHandler): RequestHandler =>
  (req, res, next) =>
    req.url.startsWith(prefix) ? handler(req, res, next) : next();
