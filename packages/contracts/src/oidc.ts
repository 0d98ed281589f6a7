import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { successEnvelope, ZErrorEnvelope } from './envelope';
import { json } from './openapi-helpers';

const redirect = (description: string) => ({
  description,
  headers: {
    Location: { description: 'Where the browser goes next', schema: { type: 'string' as const } },
  },
});

/**
 * Sign-in through an OpenID Connect provider (Google or another), for browsers: both endpoints
 * are navigations, not API calls. After the callback the web app calls `POST /api/auth/refresh`
 * with the refresh cookie to get an access token. Both answer 404 when OIDC is not configured.
 */
export const ZSignInOptions = z
  .object({
    oidc: z
      .object({
        name: z.string().meta({ description: 'The provider to name on the button, e.g. Google' }),
        loginPath: z.literal('/api/auth/oidc/login'),
      })
      .nullable()
      .meta({ description: 'Null when sign-in with an identity provider is not configured' }),
  })
  .meta({ id: 'SignInOptions' });
export type TSignInOptions = z.infer<typeof ZSignInOptions>;

export const oidcPaths = {
  '/api/auth/sign-in-options': {
    get: {
      summary: 'How people can sign in here (password always; an identity provider if configured)',
      description:
        'Public. The web app shows "Continue with …" only when `oidc` is set, and sends the browser to `loginPath?returnTo=…`.',
      tags: ['Auth'],
      responses: {
        '200': { description: 'The sign-in options', ...json(successEnvelope(ZSignInOptions)) },
      },
    },
  },
  '/api/auth/oidc/login': {
    get: {
      summary: 'Start signing in with the identity provider (redirects to it)',
      description:
        'Sets a 10-minute, single-use `lk_oidc` cookie for the pending sign-in and redirects to ' +
        "the provider's authorization endpoint (authorization code flow with PKCE, scope " +
        '`openid email profile`).',
      tags: ['Auth'],
      requestParams: {
        query: z.object({
          returnTo: z
            .string()
            .max(512)
            .optional()
            .describe(
              'Path on the web app to land on afterwards; must start with a single `/`, else ignored',
            ),
        }),
      },
      responses: {
        '302': redirect("To the provider's authorization endpoint"),
        '404': { description: 'OIDC sign-in is not configured', ...json(ZErrorEnvelope) },
        '429': { description: 'Too many attempts', ...json(ZErrorEnvelope) },
        '503': { description: 'The provider cannot be reached', ...json(ZErrorEnvelope) },
      },
    },
  },
  '/api/auth/oidc/callback': {
    get: {
      summary: 'Where the provider sends the browser back; signs in and redirects to the web app',
      description:
        'Validates the pending sign-in (state, single use), exchanges the code with the PKCE ' +
        'verifier and validates the ID token (nonce, issuer, audience). The provider account is ' +
        'matched by its link, else linked to the account with the same e-mail, else a customer ' +
        'account is created, in both cases only when the provider marks the e-mail verified. ' +
        'On success the refresh cookie is set and the browser goes to `APP_URL` + `returnTo`; ' +
        'on any failure (consent denied, bad or used state, failed exchange, unverified e-mail, ' +
        'deactivated account) to `APP_URL/signin?error=oidc`.',
      tags: ['Auth'],
      requestParams: {
        query: z.object({
          code: z.string().optional(),
          state: z.string().optional(),
          iss: z.string().optional(),
          error: z.string().optional(),
          error_description: z.string().optional(),
        }),
      },
      responses: {
        '302': redirect('To the web app (signed in) or to its sign-in page with `error=oidc`'),
        '404': { description: 'OIDC sign-in is not configured', ...json(ZErrorEnvelope) },
      },
    },
  },
} satisfies ZodOpenApiPathsObject;
