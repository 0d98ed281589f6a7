import { Router, type Request, type Response } from 'express';
import type { AppDeps } from '../../../app';
import type { TSignInOptions } from '@localkart/contracts/oidc';
import { AppError, ErrorCode } from '../../../platform/errors';
import { sendData } from '../../../platform/http/envelope';
import { createRateLimiter } from '../../../platform/http/rate-limit';
import { setRefreshCookie } from '../refresh-cookie';
import type { ClientInfo } from '../sessions.service';
import { clearLoginCookie, loginIdOf, setLoginCookie } from './login-cookie';
import { OidcSignInError, type OidcService } from './oidc.service';
import { safeReturnTo } from './return-to';

const LOGIN_PATH = '/api/auth/oidc/login' as const;
const CALLBACK_PATH = '/api/auth/oidc/callback';

const clientOf = (req: Request): ClientInfo => ({
  userAgent: req.headers['user-agent'],
  ip: req.ip,
});

/** Redirects carry a one-time cookie or a session: no cache may keep them. */
const noStore = (res: Response) => res.set('Cache-Control', 'no-store');

/**
 * `GET /api/auth/oidc/login` sends the browser to the provider; `GET /api/auth/oidc/callback`
 * is where it comes back, signs in and lands on the web app, which then calls
 * `POST /api/auth/refresh` with the refresh cookie: no token ever travels in a URL. Both are
 * browser navigations, so a refused sign-in lands on `/signin?error=oidc` rather than on JSON.
 * With `oidc` undefined (OIDC_* unset) both answer 404: the feature is off.
 */
export const oidcRoutes = ({
  deps,
  oidc,
}: {
  deps: Pick<AppDeps, 'config' | 'redis' | 'logger'>;
  oidc: OidcService | undefined;
}): Router => {
  const router = Router();
  const options: TSignInOptions = {
    oidc: oidc ? { name: deps.config.OIDC_DISPLAY_NAME, loginPath: LOGIN_PATH } : null,
  };
  router.get('/api/auth/sign-in-options', (_req, res) => {
    // Changes only with the configuration; a short cache spares a request per sign-in page.
    res.set('Cache-Control', 'public, max-age=300');
    sendData(res, options);
  });
  if (!oidc) {
    router.use('/api/auth/oidc', () => {
      throw new AppError(ErrorCode.NOT_FOUND, 'Sign-in with an identity provider is not enabled');
    });
    return router;
  }

  const { config } = deps;
  const appUrl = config.APP_URL.replace(/\/+$/, '');
  const perIp = createRateLimiter(deps, {
    name: 'oidc-ip',
    windowMs: config.AUTH_RATE_LIMIT_WINDOW_MS,
    limit: config.AUTH_RATE_LIMIT_MAX,
  });

  router.get(LOGIN_PATH, perIp, async (req, res) => {
    const returnTo = safeReturnTo(req.query.returnTo);
    let started: Awaited<ReturnType<OidcService['beginSignIn']>>;
    try {
      started = await oidc.beginSignIn(returnTo);
    } catch (error) {
      if (!(error instanceof OidcSignInError)) throw error;
      req.log.warn(
        { oidc: { reason: error.reason, ...error.detail } },
        'OIDC provider unavailable',
      );
      throw new AppError(
        ErrorCode.SERVICE_UNAVAILABLE,
        'The sign-in provider cannot be reached right now, please retry shortly',
      );
    }
    noStore(res);
    setLoginCookie(res, started.loginId);
    res.redirect(302, started.authorizationUrl.href);
  });

  router.get(CALLBACK_PATH, async (req, res) => {
    noStore(res);
    clearLoginCookie(res);
    // The redirect URI as registered, with the query the browser brought (not the Host header).
    const callbackUrl = new URL(`${appUrl}${CALLBACK_PATH}`);
    callbackUrl.search = new URL(req.originalUrl, 'http://callback.invalid').search;
    try {
      const { session, returnTo, outcome } = await oidc.completeSignIn({
        loginId: loginIdOf(req),
        callbackUrl,
        client: clientOf(req),
      });
      setRefreshCookie(req, res, session.refreshToken, new Date(session.refreshTokenExpiresAt));
      req.log.info({ oidc: { outcome }, userId: session.user.id }, 'signed in through OIDC');
      res.redirect(302, `${appUrl}${returnTo ?? '/'}`);
    } catch (error) {
      if (error instanceof OidcSignInError) {
        req.log.warn({ oidc: { reason: error.reason, ...error.detail } }, 'OIDC sign-in refused');
      } else {
        req.log.error({ err: error }, 'OIDC sign-in failed');
      }
      res.redirect(302, `${appUrl}/signin?error=oidc`);
    }
  });

  return router;
};
