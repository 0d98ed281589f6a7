import { parseCookie } from 'cookie';
import type { Request, Response } from 'express';
import { PENDING_LOGIN_TTL_SECONDS } from './pending-logins';

const COOKIE_NAME = 'lk_oidc';
/** Only the OIDC endpoints ever see it. */
const COOKIE_PATH = '/api/auth/oidc';

/**
 * The id of this browser's pending sign-in (the values stay server-side). SameSite=Lax, not
 * Strict: the provider's redirect back is a cross-site top-level navigation, which must carry it.
 */
export const setLoginCookie = (res: Response, loginId: string): void => {
  res.cookie(COOKIE_NAME, loginId, {
    httpOnly: true,
    secure: true,
    sameSite: 'lax',
    path: COOKIE_PATH,
    maxAge: PENDING_LOGIN_TTL_SECONDS * 1000,
  });
};

export const clearLoginCookie = (res: Response): void => {
  res.clearCookie(COOKIE_NAME, {
    httpOnly: true,
    secure: true,
    sameSite: 'lax',
    path: COOKIE_PATH,
  });
};

export const loginIdOf = (req: Request): string | undefined =>
  parseCookie(req.headers.cookie ?? '')[COOKIE_NAME];
