import type { IncomingMessage } from 'node:http';
import type { Config } from '../../config';
import { toAppError } from '../../platform/http/error-handler';
import { bearerTokenOf, type AuthGuard } from '../auth/auth.guard';
import type { RealtimeSocket } from './socket-types';

/** A handshake refusal: the client's `connect_error` carries the message and `data.code`. */
const refusal = (code: string, message: string) =>
  Object.assign(new Error(message), { data: { code, message } });

const tokenOf = (socket: RealtimeSocket): string | undefined => {
  const fromAuth: unknown = (socket.handshake.auth as Record<string, unknown> | undefined)?.token;
  if (typeof fromAuth === 'string') return fromAuth.replace(/^Bearer /, '');
  return bearerTokenOf(socket.handshake.headers.authorization);
};

/**
 * The handshake's JWT gets the HTTP guard's checks (signature, claims, active user, sessions
 * not ended since it was issued). The result stays on the socket for the periodic re-check.
 */
export const authenticateSocket =
  (guard: AuthGuard) => (socket: RealtimeSocket, next: (error?: Error) => void) => {
    const token = tokenOf(socket);
    if (!token) {
      next(refusal('AUTHENTICATION_ERROR', 'Sign in to continue'));
      return;
    }
    guard.authenticate(token).then(
      ({ caller, issuedAtMs, expiresAtMs }) => {
        socket.data = { user: caller, issuedAtMs, expiresAtMs };
        next();
      },
      (error: unknown) => {
        const known = toAppError(error);
        next(
          known
            ? refusal(known.code, known.message)
            : refusal('INTERNAL_SERVER_ERROR', 'Something went wrong on our side'),
        );
      },
    );
  };

/**
 * Browsers send Origin on the handshake: only the configured web origins may open a socket
 * with a user's token (SECURITY.md). Clients without Origin (mobile apps, servers) pass.
 */
export const originAllowed =
  (config: Pick<Config, 'CORS_ORIGINS' | 'APP_URL'>) =>
  (req: IncomingMessage, callback: (error: string | null | undefined, ok: boolean) => void) => {
    const origin = req.headers.origin;
    const allowed =
      origin === undefined ||
      config.CORS_ORIGINS.includes(origin) ||
      origin === new URL(config.APP_URL).origin;
    callback(allowed ? null : 'Origin not allowed', allowed);
  };
