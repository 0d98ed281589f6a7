import type { Response } from 'express';

const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * Ends the response with `text` as its JSON body. Express's `res.send` would also parse and
 * re-format the Content-Type for its charset, copy any body over 1,000 characters into a Buffer
 * to measure it, and check freshness against ETags the API never sends (etag is off, no route
 * sets Last-Modified): work on every response for nothing. Node itself leaves the body out of a
 * HEAD response; 204 and 304 carry none.
 */
export const endWithJson = (res: Response, text: string): void => {
  if (res.statusCode === 204 || res.statusCode === 304) {
    res.removeHeader('Content-Type');
    res.removeHeader('Content-Length');
    res.end();
    return;
  }
  if (!res.hasHeader('Content-Type')) res.setHeader('Content-Type', JSON_TYPE);
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.end(text);
};

/**
 * `res.json` for the API's responses (installed on the app's response prototype, so envelopes,
 * errors and idempotency replays all go through it, and a middleware that wraps `res.json`, as
 * idempotency does, still sees their bodies). `undefined` sends an empty body, as Express's does.
 */
export function json(this: Response, body: unknown): Response {
  endWithJson(this, JSON.stringify(body) ?? '');
  return this;
}
