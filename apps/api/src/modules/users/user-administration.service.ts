import { inTransaction, type Db } from '../../db/client';
import type { Within } from '../../db/within';
import { AppError, ErrorCode } from '../../platform/errors';
import type { Sessions } from '../auth/sessions.service';
import {
  countOtherActiveAdmins,
  countUsers,
  lockActiveAdmins,
  searchUsers,
  type DirectoryFilter,
  type DirectorySort,
} from './user-directory.repo';
import { findUserById, lockUserById, updateUser, type UserRow } from './users.repo';

type Role = UserRow['role'];
export type UserChange = { before: UserRow; after: UserRow };

const notFound = () => new AppError(ErrorCode.NOT_FOUND, 'User not found');
const refused = (message: string, details?: unknown) =>
  new AppError(ErrorCode.CONFLICT, message, details);

/**
 * What admins do to accounts: find them, suspend and reactivate them, change their role. The
 * rules that keep the platform administrable live here: nobody changes their own account this
 * way, and the last active admin is never suspended or demoted (checked with every active
 * admin's row locked, so two admins demoting each other cannot both win).
 */
export const createUserAdministration = ({
  db,
  sessions,
}: {
  db: Db;
  sessions: Pick<Sessions, 'endAll'>;
}) => {
  const search = async (
    filter: DirectoryFilter,
    sort: DirectorySort,
    page: { limit: number; offset: number },
  ) => {
    const [rows, total] = await Promise.all([
      searchUsers(db, filter, sort, page),
      countUsers(db, filter),
    ]);
    return { rows, total };
  };

  const find = async (userId: string): Promise<UserRow> => {
    const row = await findUserById(db, userId);
    if (!row) throw notFound();
    return row;
  };

  /**
   * In one transaction: admins locked, the target locked and checked, changed, then the caller's
   * `within` work.
   */
  const changeAccount = (
    actorId: string,
    userId: string,
    check: (row: UserRow, tx: Db) => Promise<Partial<Pick<UserRow, 'isActive' | 'role'>>>,
    { within }: Within<UserChange> = {},
  ): Promise<UserChange> => {
    if (actorId === userId)
      throw refused('You cannot change your own account here; ask another admin');
    return inTransaction(db, async (tx) => {
      await lockActiveAdmins(tx);
      const before = await lockUserById(tx, userId);
      if (!before) throw notFound();
      const patch = await check(before, tx);
      const change = { before, after: (await updateUser(tx, userId, patch))! };
      await within?.(tx, change);
      return change;
    });
  };

  const assertNotLastAdmin = async (tx: Db, row: UserRow) => {
    if (row.role === 'admin' && row.isActive && (await countOtherActiveAdmins(tx, row.id)) === 0)
      throw refused('This is the last active admin');
  };

  /**
   * Deactivates the account and ends its sessions: refresh tokens revoked and access tokens
   * issued before now refused (the guard reads `is_active` and `tokens_valid_after` on every
   * request), so the user is out at once. The search index drops its provider by trigger.
   */
  const suspend = async (
    actorId: string,
    userId: string,
    options?: Within<UserChange>,
  ): Promise<UserChange> => {
    const change = await changeAccount(
      actorId,
      userId,
      async (row, tx) => {
        if (!row.isActive) throw refused('The user is already suspended');
        await assertNotLastAdmin(tx, row);
        return { isActive: false };
      },
      options,
    );
    await sessions.endAll(userId);
    return change;
  };

  const reactivate = (
    actorId: string,
    userId: string,
    options?: Within<UserChange>,
  ): Promise<UserChange> =>
    changeAccount(
      actorId,
      userId,
      (row) => {
        if (row.isActive) return Promise.reject(refused('The user is not suspended'));
        return Promise.resolve({ isActive: true });
      },
      options,
    );

  /**
   * Customers and admins may become either; `provider` is a role one gets by registering a
   * provider profile, so only a user who has one may be given it back, and a provider keeps its
   * role (its profile, bookings and earnings hang on it): suspend it instead.
   */
  const changeRole = (
    actorId: string,
    userId: string,
    role: Role,
    /** Read before the transaction: provider profiles are the providers module's. */
    hasProviderProfile: boolean,
    options?: Within<UserChange>,
  ): Promise<UserChange> =>
    changeAccount(
      actorId,
      userId,
      async (row, tx) => {
        if (row.role === role) throw refused(`The user is already ${role}`);
        const profile = hasProviderProfile;
        if (row.role === 'provider' && profile)
          throw refused('A provider keeps its role; suspend the account instead');
        if (role === 'provider' && !profile)
          throw refused('Only a user with a provider profile can be a provider', {
            reason: 'no_provider_profile',
          });
        await assertNotLastAdmin(tx, row);
        return { role };
      },
      options,
    );

  return { search, find, suspend, reactivate, changeRole };
};

export type UserAdministration = ReturnType<typeof createUserAdministration>;
