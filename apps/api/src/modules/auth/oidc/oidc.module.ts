import type { Router } from 'express';
import type { AppDeps } from '../../../app';
import type { Db } from '../../../db/client';
import type { Sessions } from '../sessions.service';
import { createOidcClient, oidcSettingsOf } from './oidc-client';
import { oidcRoutes } from './oidc.routes';
import { createOidcService } from './oidc.service';
import { createPendingLogins } from './pending-logins';

/**
 * Sign-in through an OpenID Connect provider (Google or any other), on when OIDC_ISSUER,
 * OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are set; otherwise its routes answer 404.
 */
export const createOidcModule = (
  deps: Pick<AppDeps, 'config' | 'cache' | 'redis' | 'logger'>,
  { db, sessions }: { db: Db; sessions: Sessions },
): { router: Router } => {
  const settings = oidcSettingsOf(deps.config);
  const oidc = settings
    ? createOidcService({
        db,
        client: createOidcClient(settings),
        pendingLogins: createPendingLogins(deps.cache),
        sessions,
      })
    : undefined;
  return { router: oidcRoutes({ deps, oidc }) };
};
