import { Router, type Request } from 'express';
import {
  ZForgotPasswordRequest,
  ZLoginRequest,
  ZRefreshRequest,
  ZRegisterRequest,
  ZResetPasswordRequest,
} from '@localkart/contracts/auth';
import { z } from 'zod';
import type { AppDeps } from '../../app';
import { AppError, ErrorCode } from '../../platform/errors';
import { sendData } from '../../platform/http/envelope';
import { createRateLimiter } from '../../platform/http/rate-limit';
import { callerOf, type AuthGuard } from './auth.guard';
import type { AuthService } from './auth.service';
import { clearRefreshCookie, refreshTokenOf, setRefreshCookie } from './refresh-cookie';
import type { ClientInfo, Sessions } from './sessions.service';

const clientOf = (req: Request): ClientInfo => ({
  userAgent: req.headers['user-agent'],
  ip: req.ip,
});

const ZVerifyParams = z.object({ token: z.string().min(20).max(200) });

export const authRoutes = ({
  deps,
  auth,
  sessions,
  guard,
}: {
  deps: AppDeps;
  auth: AuthService;
  sessions: Sessions;
  guard: AuthGuard;
}): Router => {
  const { config } = deps;
  const perIp = createRateLimiter(deps, {
    name: 'auth-ip',
    windowMs: config.AUTH_RATE_LIMIT_WINDOW_MS,
    limit: config.AUTH_RATE_LIMIT_MAX,
  });
  const accountKey = (req: Request) => {
    const email = (req.body as { email?: unknown } | undefined)?.email;
    return typeof email === 'string' ? `account:${email.trim().toLowerCase()}` : undefined;
  };
  const perAccount = createRateLimiter(deps, {
    name: 'login-account',
    windowMs: config.AUTH_RATE_LIMIT_WINDOW_MS,
    limit: config.LOGIN_ACCOUNT_RATE_LIMIT_MAX,
    countFailuresOnly: true,
    keyOf: accountKey,
  });
  // Reset e-mails to one address, from however many IPs: no mail-bombing a user.
  const resetsPerAccount = createRateLimiter(deps, {
    name: 'reset-account',
    windowMs: config.AUTH_RATE_LIMIT_WINDOW_MS,
    limit: config.LOGIN_ACCOUNT_RATE_LIMIT_MAX,
    keyOf: accountKey,
  });

  const router = Router();

  router.post('/api/auth/register', perIp, async (req, res) => {
    const profile = await auth.register(ZRegisterRequest.parse(req.body));
    sendData(res, profile, { status: 201 });
  });

  router.post('/api/auth/login', perIp, perAccount, async (req, res) => {
    const session = await auth.login(ZLoginRequest.parse(req.body), clientOf(req));
    setRefreshCookie(req, res, session.refreshToken, new Date(session.refreshTokenExpiresAt));
    sendData(res, session);
  });

  router.post('/api/auth/refresh', async (req, res) => {
    const { refreshToken } = ZRefreshRequest.parse(req.body ?? {});
    const token = refreshTokenOf(req, refreshToken);
    if (!token) throw new AppError(ErrorCode.AUTHENTICATION_ERROR, 'No refresh token');
    try {
      const session = await sessions.rotate(token, clientOf(req));
      setRefreshCookie(req, res, session.refreshToken, new Date(session.refreshTokenExpiresAt));
      sendData(res, session);
    } catch (error) {
      clearRefreshCookie(req, res);
      throw error;
    }
  });

  router.post('/api/auth/logout', async (req, res) => {
    const { refreshToken } = ZRefreshRequest.parse(req.body ?? {});
    const token = refreshTokenOf(req, refreshToken);
    if (token) await sessions.end(token);
    clearRefreshCookie(req, res);
    sendData(res, { message: 'Signed out' });
  });

  router.post('/api/auth/forgot-password', perIp, resetsPerAccount, async (req, res) => {
    await auth.forgotPassword(ZForgotPasswordRequest.parse(req.body).email);
    sendData(res, { message: 'If an account exists for this e-mail, a reset link is on its way' });
  });

  router.post('/api/auth/reset-password', perIp, async (req, res) => {
    await auth.resetPassword(ZResetPasswordRequest.parse(req.body));
    sendData(res, { message: 'Password changed; sign in with the new password' });
  });

  router.get('/api/auth/verify-email/:token', async (req, res) => {
    await auth.verifyEmail(ZVerifyParams.parse(req.params).token);
    sendData(res, { message: 'E-mail address confirmed' });
  });

  router.post('/api/auth/resend-verification', guard.requireAuth, async (req, res) => {
    await auth.resendVerification(callerOf(req).userId);
    sendData(res, { message: 'If your e-mail is not confirmed yet, a new link is on its way' });
  });

  return router;
};
