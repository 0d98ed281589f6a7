import type { NextFunction, Request, RequestHandler, Response } from 'express';

/**
 * Runs middleware in order as one Express layer. Every request passes the platform middleware
 * (metrics, log, headers, CORS, rate limit, body); as separate layers each costs a router
 * dispatch, which was a measurable share of a small request's time (bench/platform.ts). Errors,
 * thrown or rejected, go to Express's error handling as they would from a layer.
 */
export const chain = (handlers: RequestHandler[]): RequestHandler => {
  const run = (req: Request, res: Response, done: NextFunction) => {
    let index = 0;
    const next = (error?: unknown) => {
      if (error !== undefined && error !== null && error !== false) {
        done(error);
        return;
      }
      const handler = handlers[index];
      index += 1;
      if (!handler) {
        done();
        return;
      }
      try {
        const result: unknown = handler(req, res, next);
        if (result instanceof Promise) result.catch(done);
      } catch (thrown) {
        done(thrown);
      }
    };
    next();
  };
  return run;
};

/** `handler` for paths under `prefix` only, without a mounted layer's URL rewriting. */
export const under =
  (prefix: string, handler: RequestHandler): RequestHandler =>
  (req, res, next) =>
    req.url.startsWith(prefix) ? handler(req, res, next) : next();
