import express, { type RequestHandler, Router } from 'express';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The built web app (`npm run build --workspace @localkart/web`). */
export const WEB_APP_DIST = fileURLToPath(new URL('../../../../web/dist', import.meta.url));

/** Paths the API owns: never answered with the web app's page, so their 404s stay JSON. */
const API_OWNED = /^\/(api|uploads|private|socket\.io)(\/|$)|^\/(health|metrics)$/;
/** A last segment with an extension names a file, never a client route: a missing one is a 404. */
const NAMES_A_FILE = /\/[^/]*\.[^/]*$/;

/**
 * Serves the web app at `/`: hashed assets cached for a year, any other GET that is not the API's
 * gets `index.html` (the client routes `/bookings/…`, `/reset-password?token=…`). Without a build
 * the front door stays the API reference, so the API runs (and its tests pass) without one.
 */
export const serveWebApp = (distDirectory: string = WEB_APP_DIST): RequestHandler => {
  const router = Router();
  const indexFile = path.join(distDirectory, 'index.html');
  if (!existsSync(indexFile)) {
    router.get('/', (_req, res) => res.redirect(302, '/api/docs/'));
    return router;
  }
  router.use(
    '/assets',
    express.static(path.join(distDirectory, 'assets'), {
      index: false,
      redirect: false,
      fallthrough: true,
      maxAge: '365d',
      immutable: true,
    }),
  );
  router.use(express.static(distDirectory, { index: false, redirect: false, maxAge: '1h' }));
  router.get(/.*/, (req, res, next) => {
    if (
      API_OWNED.test(req.path) ||
      NAMES_A_FILE.test(req.path) ||
      req.path.startsWith('/assets/')
    ) {
      next();
      return;
    }
    // The page names the current hashed assets; a cached old one would load deleted files.
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(indexFile);
  });
  return router;
};
