import { generateKeyPairSync } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

/** What the test provider says about one of its accounts. */
export type TestAccountClaims = {
  email?: string;
  email_verified?: boolean;
  given_name?: string;
  family_name?: string;
  name?: string;
};

export type TestProvider = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Accounts by login name; the dev login form accepts any password. */
  accounts: Map<string, TestAccountClaims>;
  /** While false, every request gets 503 (the provider is "down"). */
  setAvailable: (available: boolean) => void;
  close: () => Promise<void>;
};

/**
 * A real OpenID Provider (`oidc-provider`) on 127.0.0.1 over http, with one confidential client
 * (client_secret_basic, authorization code only, PKCE required) and the development login and
 * consent pages. Profile and e-mail claims go into the ID token, as Google's do.
 */
export const startTestProvider = async ({
  redirectUri,
  available = true,
}: {
  redirectUri: string;
  available?: boolean;
}): Promise<TestProvider> => {
  const accounts = new Map<string, TestAccountClaims>();
  let up = available;
  // The issuer names the port, so the provider is built after the server listens.
  const provider: { handle?: ReturnType<Provider['callback']> } = {};
  const server = createServer((req, res) => {
    if (!up || !provider.handle) {
      res.writeHead(503).end();
      return;
    }
    provider.handle(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = 'localkart-test';
  const clientSecret = 'localkart-test-client-secret-0123456789';

  const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
    format: 'jwk',
  });
  const oidcProvider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    jwks: { keys: [{ ...signingKey, kid: 'test-signing-key', alg: 'RS256', use: 'sig' }] },
    cookies: { keys: ['localkart-test-provider-cookie-key'] },
    pkce: { required: () => true },
    ttl: {
      AccessToken: 600,
      AuthorizationCode: 60,
      Grant: 600,
      IdToken: 600,
      Interaction: 600,
      Session: 600,
    },
    features: { devInteractions: { enabled: true } },
    conformIdTokenClaims: false,
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name', 'given_name', 'family_name'],
    },
    findAccount: (_ctx, sub) => {
      const claims = accounts.get(sub);
      return claims && { accountId: sub, claims: () => ({ sub, ...claims }) };
    },
  });
  oidcProvider.silent = true;
  provider.handle = oidcProvider.callback();

  return {
    issuer,
    clientId,
    clientSecret,
    accounts,
    setAvailable: (value) => {
      up = value;
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
};
