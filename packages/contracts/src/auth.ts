import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { successEnvelope, ZErrorEnvelope } from './envelope';
import { ZEmail, ZIndianMobile, ZLanguage, ZPersonName, ZUserProfile } from './users';
import { json } from './openapi-helpers';

/** ERD §6.2: at least 8 characters with a lower-case letter, an upper-case letter and a digit. */
export const ZNewPassword = z
  .string()
  .min(8, 'must be at least 8 characters')
  .max(128, 'must be at most 128 characters')
  .regex(/[a-z]/, 'must contain a lower-case letter')
  .regex(/[A-Z]/, 'must contain an upper-case letter')
  .regex(/\d/, 'must contain a digit');

export const ZRegisterRequest = z
  .strictObject({
    email: ZEmail,
    password: ZNewPassword,
    firstName: ZPersonName,
    lastName: ZPersonName,
    phone: ZIndianMobile,
    role: z.enum(['customer', 'provider']).default('customer'),
    language: ZLanguage.default('en'),
  })
  .meta({ id: 'RegisterRequest' });

export type TRegisterRequest = z.infer<typeof ZRegisterRequest>;

export const ZLoginRequest = z
  .strictObject({ email: ZEmail, password: z.string().min(1).max(128) })
  .meta({ id: 'LoginRequest' });

export type TLoginRequest = z.infer<typeof ZLoginRequest>;

/**
 * Request header by which the admin panel (value `admin`) names itself on the auth endpoints:
 * its refresh cookie is kept apart from the web app's on the same origin.
 */
export const APP_HEADER = 'X-LocalKart-App';

/** The browser apps that name themselves in `APP_HEADER`; the web app sends none. */
export const ZBrowserApp = z.enum(['admin']);
export type TBrowserApp = z.infer<typeof ZBrowserApp>;

const appHeader = z.object({
  'x-localkart-app': ZBrowserApp.optional().meta({
    description:
      'Browsers only: `admin` from the admin panel, whose refresh cookie (`lk_refresh_admin`) is kept apart from the web app’s (`lk_refresh`).',
  }),
});

/** Browsers send the refresh token as an httpOnly cookie; the mobile app sends it here. */
export const ZRefreshRequest = z
  .strictObject({ refreshToken: z.string().min(20).max(200).optional() })
  .meta({ id: 'RefreshRequest' });

export const ZForgotPasswordRequest = z
  .strictObject({ email: ZEmail })
  .meta({ id: 'ForgotPasswordRequest' });

export const ZResetPasswordRequest = z
  .strictObject({ token: z.string().min(20).max(200), password: ZNewPassword })
  .meta({ id: 'ResetPasswordRequest' });

export const ZAuthSession = z
  .object({
    accessToken: z.string(),
    tokenType: z.literal('Bearer'),
    expiresIn: z.number().int().describe('seconds until the access token expires'),
    refreshToken: z.string(),
    refreshTokenExpiresAt: z.iso.datetime(),
    user: ZUserProfile,
  })
  .meta({ id: 'AuthSession' });

export type TAuthSession = z.infer<typeof ZAuthSession>;

export const ZMessageResponse = z.object({ message: z.string() }).meta({ id: 'Message' });

/** ERD §6.1 access-token payload (plus the registered claims `sub`, `iss`, `aud`, `jti`). */
export type TAccessTokenPayload = {
  userId: string;
  email: string;
  role: 'customer' | 'provider' | 'admin';
  /** Seconds since the epoch, to the millisecond (a fraction), so session ends compare exactly. */
  iat: number;
  exp: number;
};

const errors = (statuses: Record<string, string>) =>
  Object.fromEntries(
    Object.entries(statuses).map(([status, description]) => [
      status,
      { description, ...json(ZErrorEnvelope) },
    ]),
  );

export const authPaths = {
  '/api/auth/register': {
    post: {
      summary: 'Create a customer or provider account; sends a verification e-mail',
      tags: ['Auth'],
      requestBody: json(ZRegisterRequest),
      responses: {
        '201': { description: 'Account created', ...json(successEnvelope(ZUserProfile)) },
        ...errors({
          '400': 'Invalid input',
          '409': 'E-mail already registered',
          '429': 'Too many attempts',
        }),
      },
    },
  },
  '/api/auth/login': {
    post: {
      summary:
        'Sign in: a 15-minute access token and a rotating refresh token (also set as a cookie)',
      tags: ['Auth'],
      requestParams: { header: appHeader },
      requestBody: json(ZLoginRequest),
      responses: {
        '200': { description: 'Signed in', ...json(successEnvelope(ZAuthSession)) },
        ...errors({ '401': 'Wrong e-mail or password', '429': 'Too many attempts' }),
      },
    },
  },
  '/api/auth/refresh': {
    post: {
      summary:
        'Exchange a refresh token (cookie or body) for a new pair; a reused token revokes its family',
      tags: ['Auth'],
      requestParams: { header: appHeader },
      requestBody: json(ZRefreshRequest),
      responses: {
        '200': { description: 'New tokens', ...json(successEnvelope(ZAuthSession)) },
        ...errors({ '401': 'Invalid, expired, revoked or reused refresh token' }),
      },
    },
  },
  '/api/auth/logout': {
    post: {
      summary: 'Revoke the current refresh token',
      tags: ['Auth'],
      requestParams: { header: appHeader },
      requestBody: json(ZRefreshRequest),
      responses: {
        '200': { description: 'Signed out', ...json(successEnvelope(ZMessageResponse)) },
      },
    },
  },
  '/api/auth/forgot-password': {
    post: {
      summary: 'E-mail a password reset link (always 200)',
      tags: ['Auth'],
      requestBody: json(ZForgotPasswordRequest),
      responses: {
        '200': { description: 'Accepted', ...json(successEnvelope(ZMessageResponse)) },
        ...errors({ '429': 'Too many attempts' }),
      },
    },
  },
  '/api/auth/reset-password': {
    post: {
      summary: 'Set a new password with a reset token; signs out every session',
      tags: ['Auth'],
      requestBody: json(ZResetPasswordRequest),
      responses: {
        '200': { description: 'Password changed', ...json(successEnvelope(ZMessageResponse)) },
        ...errors({ '400': 'Invalid, used or expired token, or weak password' }),
      },
    },
  },
  '/api/auth/resend-verification': {
    post: {
      summary:
        'Send a new verification link to the signed-in user, if the e-mail is not confirmed yet',
      tags: ['Auth'],
      security: [{ bearerAuth: [] }],
      responses: {
        '200': { description: 'Accepted', ...json(successEnvelope(ZMessageResponse)) },
        ...errors({ '401': 'Not signed in' }),
      },
    },
  },
  '/api/auth/verify-email/{token}': {
    get: {
      summary: 'Confirm an e-mail address with the link from the verification e-mail',
      tags: ['Auth'],
      requestParams: { path: z.object({ token: z.string() }) },
      responses: {
        '200': { description: 'Verified', ...json(successEnvelope(ZMessageResponse)) },
        ...errors({ '400': 'Invalid, used or expired token' }),
      },
    },
  },
} satisfies ZodOpenApiPathsObject;
