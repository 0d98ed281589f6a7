import express, { type RequestHandler, Router } from 'express';
import expressStaticGzip from 'express-static-gzip';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The built web app (`npm run build --workspace @localkart/web`), served at `/`. */
export const WEB_APP_DIST = fileURLToPath(new URL('../../../../web/dist', import.meta.url));
/** The built admin panel (`npm run build --workspace @localkart/admin`), served at `/admin`. */
export const ADMIN_APP_DIST = fileURLToPath(new URL('../../../../admin/dist', import.meta.url));

/** Paths the API owns: never answered with an app's page, so their 404s stay JSON. */
const API_OWNED = /^\/(api|uploads|private|socket\.io)(\/|$)|^\/(health|metrics)$/;
/** A last segment with an extension names a file, never a client route: a missing one is a 404. */
const NAMES_A_FILE = /\/[^/]*\.[^/]*$/;

type Options = {
  /** The build's folder, holding `index.html` and `assets/`. */
  distDirectory: string;
  /**
   * Where the router is mounted (`app.use(mountPath, …)`), '/' for the root. The build must
   * have been made for it (Vite `base`), so its asset URLs carry the prefix.
   */
  mountPath?: string;
  /** Paths (relative to the mount) left to other handlers, e.g. another app mounted below. */
  excludedPrefixes?: string[];
  /** What the mount's root answers when there is no build; nothing (the API's 404) if unset. */
  withoutBuild?: RequestHandler;
};

const underPrefix = (requestPath: string, prefixes: string[]) =>
  prefixes.some((prefix) => requestPath === prefix || requestPath.startsWith(`${prefix}/`));

/**
 * Serves a built single-page app under its mount path: hashed assets cached for a year, any
 * other GET that is not the API's and names no file gets `index.html` (the client routes
 * `/bookings/…`, `/admin/audit-log`). Without a build only `withoutBuild` answers, so the API
 * runs (and its tests pass) without one.
 */
export const serveSpa = ({
  distDirectory,
  mountPath = '/',
  excludedPrefixes = [],
  withoutBuild,
}: Options): RequestHandler => {
  const router = Router();
  const indexFile = path.join(distDirectory, 'index.html');
  if (!existsSync(indexFile)) {
    if (withoutBuild) router.get('/', withoutBuild);
    return router;
  }
  const excluded: RequestHandler = (req, _res, next) => {
    if (underPrefix(req.path, excludedPrefixes)) next('router');
    else next();
  };
  router.use(excluded);
  // The build writes .br and .gz copies of scripts and styles (vite-plugin-compression2): sent
  // as they are, so the first visit downloads a third of the bytes without compressing per request.
  router.use(
    '/assets',
    expressStaticGzip(path.join(distDirectory, 'assets'), {
      enableBrotli: true,
      orderPreference: ['br', 'gzip'],
      index: false,
      serveStatic: {
        index: false,
        redirect: false,
        fallthrough: true,
        maxAge: '365d',
        immutable: true,
      },
    }),
  );
  router.use(express.static(distDirectory, { index: false, redirect: false, maxAge: '1h' }));
  router.get(/.*/, (req, res, next) => {
    const fullPath = path.posix.join(mountPath, req.path);
    if (
      API_OWNED.test(fullPath) ||
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

export const ADMIN_MOUNT_PATH = '/admin';

/** The web app at `/`; `/admin` belongs to the admin panel, built or not. */
export const serveWebApp = (distDirectory: string = WEB_APP_DIST): RequestHandler =>
  serveSpa({
    distDirectory,
    excludedPrefixes: [ADMIN_MOUNT_PATH],
    // Without a build the front door stays the API reference.
    withoutBuild: (_req, res) => res.redirect(302, '/api/docs/'),
  });

/** The admin panel, for `app.use(ADMIN_MOUNT_PATH, …)`; without a build, `/admin` is the API's 404. */
export const serveAdminApp = (distDirectory: string = ADMIN_APP_DIST): RequestHandler =>
  serveSpa({ distDirectory, mountPath: ADMIN_MOUNT_PATH });
