import type { TAuthSession, TLoginRequest, TRegisterRequest } from '@localkart/contracts/auth';
import type { TUserProfile } from '@localkart/contracts/users';
import type { Config } from '../../config';
import type { Db } from '../../db/client';
import { isUniqueViolation } from '../../db/constraint-errors';
import { hashSecretToken, newSecretToken } from '../../platform/crypto/secret-tokens';
import { AppError, ErrorCode } from '../../platform/errors';
import type { Logger } from '../../platform/logger';
import type { Mailer } from '../../platform/mail/mailer';
import { hashPassword, verifyPassword } from '../../platform/password';
import type { PhoneProtection } from '../users/phone-protection';
import {
  findUserByEmail,
  findUserById,
  insertUser,
  updateUser,
  type UserRow,
} from '../users/users.repo';
import { passwordResetEmail, verificationEmail } from './auth-emails';
import {
  consumeOneTimeToken,
  expireOneTimeTokens,
  insertOneTimeToken,
} from './one-time-tokens.repo';
import type { ClientInfo, Sessions } from './sessions.service';

const VERIFY_EMAIL_HOURS = 48;
const RESET_PASSWORD_MINUTES = 30;

type AuthDeps = {
  db: Db;
  config: Pick<Config, 'APP_URL'>;
  logger: Logger;
  mailer: Mailer;
  phones: PhoneProtection;
  sessions: Sessions;
  toProfile: (row: UserRow) => TUserProfile;
};

export const createAuthService = (deps: AuthDeps) => {
  const { db, config, logger, mailer, phones, sessions, toProfile } = deps;
  // Verifying against this when the e-mail is unknown makes both failures take the same time.
  const decoyHash = hashPassword(newSecretToken());

  const sendOneTimeLink = async (
    user: UserRow,
    purpose: 'verify_email' | 'reset_password',
  ): Promise<void> => {
    const token = newSecretToken();
    const validMs =
      purpose === 'verify_email' ? VERIFY_EMAIL_HOURS * 3_600_000 : RESET_PASSWORD_MINUTES * 60_000;
    await expireOneTimeTokens(db, { userId: user.id, purpose });
    await insertOneTimeToken(db, {
      userId: user.id,
      purpose,
      tokenHash: hashSecretToken(token),
      expiresAt: new Date(Date.now() + validMs),
    });
    const recipient = {
      email: user.email,
      firstName: user.firstName,
      language: user.language === 'hi' ? ('hi' as const) : ('en' as const),
    };
    const base = config.APP_URL.replace(/\/$/, '');
    await mailer.send(
      purpose === 'verify_email'
        ? verificationEmail(recipient, `${base}/verify-email/${token}`, VERIFY_EMAIL_HOURS)
        : passwordResetEmail(
            recipient,
            `${base}/reset-password?token=${encodeURIComponent(token)}`,
            RESET_PASSWORD_MINUTES,
          ),
    );
  };

  const register = async (input: TRegisterRequest): Promise<TUserProfile> => {
    let user: UserRow;
    try {
      user = await insertUser(db, {
        email: input.email,
        passwordHash: await hashPassword(input.password),
        role: input.role,
        firstName: input.firstName,
        lastName: input.lastName,
        language: input.language,
        ...phones.protect(input.phone),
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new AppError(ErrorCode.CONFLICT, 'An account with this e-mail already exists');
      }
      throw error;
    }
    await sendOneTimeLink(user, 'verify_email');
    return toProfile(user);
  };

  const login = async (input: TLoginRequest, client: ClientInfo): Promise<TAuthSession> => {
    const user = await findUserByEmail(db, input.email);
    const passwordOk = await verifyPassword(
      input.password,
      user?.passwordHash ?? (await decoyHash),
    );
    if (!user || !user.passwordHash || !passwordOk || !user.isActive) {
      throw new AppError(ErrorCode.AUTHENTICATION_ERROR, 'Wrong e-mail or password');
    }
    return sessions.start(user, client);
  };

  /**
   * Always succeeds from the caller's view, so it never tells who has an account: the link is
   * made and mailed after the answer, so a known address does not answer more slowly either.
   */
  const forgotPassword = async (email: string): Promise<void> => {
    const user = await findUserByEmail(db, email);
    if (!user?.isActive) return;
    sendOneTimeLink(user, 'reset_password').catch((error: unknown) =>
      logger.error({ err: error, userId: user.id }, 'password reset e-mail failed'),
    );
  };

  const resetPassword = async ({ token, password }: { token: string; password: string }) => {
    const passwordHash = await hashPassword(password);
    const userId = await consumeOneTimeToken(db, {
      tokenHash: hashSecretToken(token),
      purpose: 'reset_password',
    });
    if (!userId) {
      throw new AppError(ErrorCode.VALIDATION_ERROR, 'This reset link is invalid, used or expired');
    }
    await updateUser(db, userId, { passwordHash });
    await sessions.endAll(userId);
  };

  const verifyEmail = async (token: string): Promise<void> => {
    const userId = await consumeOneTimeToken(db, {
      tokenHash: hashSecretToken(token),
      purpose: 'verify_email',
    });
    if (!userId) {
      throw new AppError(
        ErrorCode.VALIDATION_ERROR,
        'This verification link is invalid, used or expired',
      );
    }
    await updateUser(db, userId, { isVerified: true });
  };

  const resendVerification = async (userId: string): Promise<void> => {
    const user = await findUserById(db, userId);
    if (user && !user.isVerified) await sendOneTimeLink(user, 'verify_email');
  };

  return {
    register,
    login,
    forgotPassword,
    resetPassword,
    verifyEmail,
    resendVerification,
  };
};

export type AuthService = ReturnType<typeof createAuthService>;
