/**
 * The little of `oidc-provider` (a devDependency without bundled types) that the tests use to run
 * a real OpenID provider.
 */
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http';

  export type AccountClaims = { sub: string } & Record<string, unknown>;

  export type Account = {
    accountId: string;
    claims: () => AccountClaims | Promise<AccountClaims>;
  };

  export type Configuration = {
    clients?: Record<string, unknown>[];
    findAccount?: (ctx: unknown, sub: string) => Account | undefined | Promise<Account | undefined>;
  } & Record<string, unknown>;

  export class Provider {
    constructor(issuer: string, configuration?: Configuration);
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
    /** Koa's flag: do not print errors to the console. */
    silent: boolean;
  }

  export default Provider;
}
