import { parseCookie } from 'cookie';
import type { Request, Response } from 'express';
import { APP_HEADER, ZBrowserApp, type TBrowserApp } from '@localkart/contracts/auth';

/**
 * The browser apps on one origin sign in separately: the admin panel names itself in
 * `APP_HEADER` and keeps its refresh token in a cookie of its own, so signing in to `/admin`
 * does not replace the web app's session in the same browser (or the other way round).
 */
const COOKIE_NAMES: Record<TBrowserApp | 'web', string> = {
  web: 'lk_refresh',
  admin: 'lk_refresh_admin',
};
/** Only the auth endpoints ever see the cookie. */
const COOKIE_PATH = '/api/auth';
const cookieOptions = {
  httpOnly: true,
  secure: true,
  sameSite: 'strict',
  path: COOKIE_PATH,
} as const;

/** Any other value (or none) is the web app's. */
const cookieNameOf = (req: Request) => {
  const app = ZBrowserApp.safeParse(req.get(APP_HEADER));
  return COOKIE_NAMES[app.success ? app.data : 'web'];
};

/** The browser's copy of the refresh token: httpOnly, Secure, SameSite=Strict. */
export const setRefreshCookie = (
  req: Request,
  res: Response,
  token: string,
  expiresAt: Date,
): void => {
  res.cookie(cookieNameOf(req), token, { ...cookieOptions, expires: expiresAt });
};

export const clearRefreshCookie = (req: Request, res: Response): void => {
  res.clearCookie(cookieNameOf(req), cookieOptions);
};

/** The mobile app sends the token in the body; browsers send the cookie. */
export const refreshTokenOf = (req: Request, fromBody: string | undefined): string | undefined =>
  fromBody ?? parseCookie(req.headers.cookie ?? '')[cookieNameOf(req)];
