import { parseCookie } from 'cookie';
import type { Request, Response } from 'express';

const COOKIE_NAME = 'lk_refresh';
/** Only the auth endpoints ever see the cookie. */
const COOKIE_PATH = '/api/auth';

/** The browser's copy of the refresh token: httpOnly, Secure, SameSite=Strict. */
export const setRefreshCookie = (res: Response, token: string, expiresAt: Date): void => {
  res.cookie(COOKIE_NAME, token, {
    httpOnly: true,
    secure: true,
    sameSite: 'strict',
    path: COOKIE_PATH,
    expires: expiresAt,
  });
};

export const clearRefreshCookie = (res: Response): void => {
  res.clearCookie(COOKIE_NAME, {
    httpOnly: true,
    secure: true,
    sameSite: 'strict',
    path: COOKIE_PATH,
  });
};

/** The mobile app sends the token in the body; browsers send the cookie. */
export const refreshTokenOf = (req: Request, fromBody: string | undefined): string | undefined =>
  fromBody ?? parseCookie(req.headers.cookie ?? '')[COOKIE_NAME];
