import type { Router } from 'express';
import type { AppDeps } from '../app';
import { createAccessTokens } from './auth/access-tokens';
import { createAuthGuard } from './auth/auth.guard';
import { authRoutes } from './auth/auth.routes';
import { createAuthService } from './auth/auth.service';
import { createOidcModule } from './auth/oidc/oidc.module';
import { createSessions } from './auth/sessions.service';
import { createAvatarUrls } from './users/avatar-urls';
import { createAvatarService } from './users/avatar.service';
import { createNotificationSettings } from './notifications/notification-settings';
import { toUserProfile } from './users/user-profile';
import type { UserRow } from './users/users.repo';
import { usersRoutes } from './users/users.routes';
import { createUsersService } from './users/users.service';

/** Accounts: sign-in, sessions, users and their profiles. Other modules use its `guard`. */
export const createAccountsModule = (deps: AppDeps) => {
  const { config, database, phones, storage, logger } = deps;
  const db = database.db;
  const avatarUrls = createAvatarUrls(storage);
  const toProfile = (row: UserRow) => toUserProfile(row, { phones, avatarUrls });
  const tokens = createAccessTokens(config);
  const guard = createAuthGuard({ tokens, db });
  const sessions = createSessions({ db, tokens, config, toProfile });
  const auth = createAuthService({ ...deps, db, sessions, toProfile });
  const users = createUsersService({
    db,
    phones,
    toProfile,
    notificationSettings: createNotificationSettings({ db }),
  });
  const avatars = createAvatarService({ db, storage, logger, config, toProfile });
  const routers: Router[] = [
    authRoutes({ deps, auth, sessions, guard }),
    createOidcModule(deps, { db, sessions }).router,
    usersRoutes({ users, avatars, guard }),
  ];
  return { guard, tokens, sessions, auth, users, avatars, toProfile, routers };
};

export type AccountsModule = ReturnType<typeof createAccountsModule>;
