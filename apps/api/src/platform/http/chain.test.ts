import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { describe, expect, it } from 'vitest';
import { chain, under } from './chain';

const run = (handler: RequestHandler, url = '/api/x') =>
  new Promise<unknown>((resolve) => {
    const done: NextFunction = (error?: unknown) => resolve(error ?? 'next');
    void handler({ url } as Request, {} as Response, done);
  });

describe('chain', () => {
  it('when every handler calls next, then they run in order and the chain calls next once', async () => {
    const order: number[] = [];
    const step =
      (n: number): RequestHandler =>
      (_req, _res, next) => {
        order.push(n);
        next();
      };
    expect(await run(chain([step(1), step(2), step(3)]))).toBe('next');
    expect(order).toEqual([1, 2, 3]);
  });

  it('when a handler throws, rejects or passes an error, then the rest are skipped and the error goes on', async () => {
    const boom = new Error('boom');
    const never: RequestHandler = () => {
      throw new Error('must not run');
    };
    const throwing: RequestHandler = () => {
      throw boom;
    };
    const rejecting: RequestHandler = () => Promise.reject(boom);
    const passing: RequestHandler = (_req, _res, next) => next(boom);
    for (const failing of [throwing, rejecting, passing])
      expect(await run(chain([failing, never]))).toBe(boom);
  });

  it('when a handler answers without calling next, then the chain stops there', async () => {
    let later = false;
    const answering: RequestHandler = () => undefined;
    const after: RequestHandler = (_req, _res, next) => {
      later = true;
      next();
    };
    const outcome = await Promise.race([
      run(chain([answering, after])),
      new Promise((resolve) => setTimeout(() => resolve('stopped'), 20)),
    ]);
    expect(outcome).toBe('stopped');
    expect(later).toBe(false);
  });

  it('when under() sees another path, then it skips its handler', async () => {
    let ran = false;
    const handler: RequestHandler = (_req, _res, next) => {
      ran = true;
      next();
    };
    expect(await run(under('/api/', handler), '/health')).toBe('next');
    expect(ran).toBe(false);
    expect(await run(under('/api/', handler), '/api/ping')).toBe('next');
    expect(ran).toBe(true);
  });
});
