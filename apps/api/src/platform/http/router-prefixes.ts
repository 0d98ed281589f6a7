import type { RequestHandler, Router } from 'express';

/** How many leading path segments decide whether a router can answer (`/api/bookings`). */
const KEY_SEGMENTS = 2;

/** `/API/Bookings/42?x=1` → `/api/bookings`: the part of a path the routers are keyed by. */
const keyOf = (path: string): string => {
  let end = 0;
  for (let found = 0; found < KEY_SEGMENTS && end !== -1; found += 1)
    end = path.indexOf('/', end + 1);
  const key = end === -1 ? path : path.slice(0, end);
  const query = key.indexOf('?');
  const bare = query === -1 ? key : key.slice(0, query);
  // `/health/` reaches the `/health` route (Express is not strict about a trailing slash).
  return (bare.length > 1 && bare.endsWith('/') ? bare.slice(0, -1) : bare).toLowerCase();
};

/** Characters of path-to-regexp syntax: a segment holding one is not a fixed string. */
const PATTERN_SYNTAX = /[:*{}()?+\\]/;

/**
 * The key of a route or middleware path, if its leading segments are all fixed. A route matches
 * its whole path, so a shorter one (`/health`) is its own key; middleware matches every path
 * under its own, so it needs all the key's segments.
 */
const fixedKeyOf = (path: unknown, isRoute: boolean): string | undefined => {
  if (typeof path !== 'string') return undefined;
  const segments = path.split('/').slice(1, KEY_SEGMENTS + 1);
  if (segments.length < (isRoute ? 1 : KEY_SEGMENTS)) return undefined;
  if (segments.some((s) => s === '' || PATTERN_SYNTAX.test(s))) return undefined;
  return keyOf(path);
};

/**
 * The keys under which the router's every route and middleware lives, or undefined if any of them
 * could match elsewhere (a parameter or wildcard in its leading segments, middleware on a short
 * path, or a path like `/`).
 * Read from the router's layers as Express built them (`rawPath`: a string, or an array).
 */
export const routerKeys = (router: Router): Set<string> | undefined => {
  const keys = new Set<string>();
  for (const layer of router.stack as unknown as { rawPath?: unknown; route?: unknown }[]) {
    const paths: unknown[] = Array.isArray(layer.rawPath) ? layer.rawPath : [layer.rawPath];
    for (const path of paths) {
      const key = fixedKeyOf(path, layer.route !== undefined);
      if (key === undefined) return undefined;
      keys.add(key);
    }
  }
  return keys;
};

/**
 * The router, entered only by requests whose path it can answer. Every module's router is
 * mounted on the app; without this, a request walked each one before its own (a nested
 * dispatch and a path match per route), about a tenth of a cached search's time. The keys are
 * compared case-insensitively, as Express matches paths, so skipping never changes which
 * route answers. A router with any path not under fixed leading segments is always entered.
 */
export const enteredByPrefix = (router: Router): RequestHandler => {
  const keys = routerKeys(router);
  if (keys === undefined) return router;
  const entered: RequestHandler = (req, res, next) => {
    if (keys.has(keyOf(req.url))) router(req, res, next);
    else next();
  };
  // The router's layers stay visible to whatever walks the app's routes (as a mounted router's are).
  return Object.assign(entered, { stack: router.stack });
};
