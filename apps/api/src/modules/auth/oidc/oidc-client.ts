import * as openid from 'openid-client';
import type { Config } from '../../../config';

/** Seconds allowed for each call to the provider (discovery, token endpoint, keys). */
const PROVIDER_TIMEOUT_SECONDS = 10;

export type OidcClientSettings = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Where the provider sends the browser back; registered with the provider. */
  redirectUri: string;
  /** Plain-http issuers are accepted outside production only (a local test provider). */
  allowHttp: boolean;
};

/** The client settings from the config, or `undefined` when OIDC sign-in is not configured. */
export const oidcSettingsOf = (
  config: Pick<
    Config,
    'OIDC_ISSUER' | 'OIDC_CLIENT_ID' | 'OIDC_CLIENT_SECRET' | 'APP_URL' | 'NODE_ENV'
  >,
): OidcClientSettings | undefined => {
  const { OIDC_ISSUER: issuer, OIDC_CLIENT_ID: clientId, OIDC_CLIENT_SECRET: secret } = config;
  // config.ts requires all three or none.
  if (!issuer || !clientId || !secret) return undefined;
  return {
    issuer,
    clientId,
    clientSecret: secret,
    redirectUri: `${config.APP_URL.replace(/\/+$/, '')}/api/auth/oidc/callback`,
    allowHttp: config.NODE_ENV !== 'production',
  };
};

/**
 * `client_secret_basic` unless the provider says it only takes `client_secret_post` (RFC 8414:
 * an absent list means basic). Decided per request from the discovered metadata.
 */
const clientSecretAuth = (clientSecret: string): openid.ClientAuth => {
  const basic = openid.ClientSecretBasic(clientSecret);
  const post = openid.ClientSecretPost(clientSecret);
  return (server, client, body, headers) => {
    const supported = server.token_endpoint_auth_methods_supported;
    const usePost =
      supported !== undefined &&
      !supported.includes('client_secret_basic') &&
      supported.includes('client_secret_post');
    (usePost ? post : basic)(server, client, body, headers);
  };
};

/**
 * The relying party's view of the provider. Discovery runs on first use, not at start-up, so the
 * API starts (and serves everything else) while the provider is unreachable; its result is
 * cached for the life of the process. A failed discovery is forgotten, so the next sign-in
 * tries again; concurrent first sign-ins share one discovery.
 */
export const createOidcClient = (
  settings: OidcClientSettings,
  { discover = openid.discovery }: { discover?: typeof openid.discovery } = {},
) => {
  const issuer = new URL(settings.issuer);
  const insecure = issuer.protocol === 'http:' && settings.allowHttp;
  let discovered: Promise<openid.Configuration> | undefined;

  const configuration = (): Promise<openid.Configuration> => {
    discovered ??= discover(
      issuer,
      settings.clientId,
      { client_secret: settings.clientSecret },
      clientSecretAuth(settings.clientSecret),
      {
        timeout: PROVIDER_TIMEOUT_SECONDS,
        // Deprecated only to stand out: plain http, for a local provider outside production.
        execute: insecure ? [openid.allowInsecureRequests] : [],
      },
    ).catch((error: unknown) => {
      discovered = undefined;
      throw error;
    });
    return discovered;
  };

  return { redirectUri: settings.redirectUri, configuration };
};

export type OidcClient = ReturnType<typeof createOidcClient>;
