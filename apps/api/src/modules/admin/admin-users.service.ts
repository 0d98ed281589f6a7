import type {
  TAdminUser,
  TAdminUserDetail,
  TAdminUsersQuery,
  TChangeRoleRequest,
} from '@localkart/contracts/admin';
import type { ProviderVerification } from '../providers/provider-verification.service';
import type { ProvidersService } from '../providers/providers.service';
import type { UserAdministration, UserChange } from '../users/user-administration.service';
import type { PhoneProtection } from '../users/phone-protection';
import type { UserRow } from '../users/users.repo';
import { metaOf, pageOf } from './admin-page';
import { ADMIN_TIME_ZONE, type Actor, type AuditLog } from './audit-log.service';

type ProviderSummary = TAdminUserDetail['provider'];

/** The part of an account an audit entry keeps: its state, never its secrets. */
const auditState = (row: UserRow) => ({
  role: row.role,
  isActive: row.isActive,
  isVerified: row.isVerified,
});

/**
 * Admins' work on accounts: search and view, suspend and reactivate (sessions ended, sockets
 * closed, the provider taken out of or put back into search), change role. Each change is in
 * the audit log with the account's state before and after.
 */
export const createAdminUsers = ({
  users,
  verification,
  providers,
  phones,
  audit,
  disconnect,
}: {
  users: UserAdministration;
  verification: Pick<ProviderVerification, 'providerOfUser' | 'providerIdsOfUsers'>;
  providers: Pick<ProvidersService, 'announce'>;
  phones: PhoneProtection;
  audit: AuditLog;
  /** Closes the user's live sockets in every API process. */
  disconnect: (userId: string) => Promise<void>;
}) => {
  const toDetail = (row: UserRow, provider: ProviderSummary): TAdminUserDetail => ({
    id: row.id,
    email: row.email,
    role: row.role,
    firstName: row.firstName,
    lastName: row.lastName,
    city: row.city,
    isActive: row.isActive,
    isVerified: row.isVerified,
    providerId: provider?.id ?? null,
    createdAt: row.createdAt.toISOString(),
    phone: phones.reveal(row),
    language: row.language,
    timeZone: row.timeZone,
    location:
      row.address && row.city && row.state && row.pincode
        ? { address: row.address, city: row.city, state: row.state, pincode: row.pincode }
        : null,
    provider,
  });

  const search = async (query: TAdminUsersQuery) => {
    const { rows, total } = await users.search(
      { ...query, timeZone: ADMIN_TIME_ZONE },
      { sort: query.sort, order: query.order },
      pageOf(query),
    );
    const providerIds = await verification.providerIdsOfUsers(rows.map((row) => row.id));
    const views: TAdminUser[] = rows.map((row) => ({
      ...row,
      providerId: providerIds.get(row.id) ?? null,
      createdAt: row.createdAt.toISOString(),
    }));
    return { users: views, meta: metaOf(query, total) };
  };

  const get = async (userId: string) =>
    toDetail(await users.find(userId), await verification.providerOfUser(userId));

  const audited = (actor: Actor, action: string, reason: string) =>
    audit.within(actor, ({ before, after }: UserChange) => ({
      action,
      targetType: 'user',
      targetId: after.id,
      before: auditState(before),
      after: auditState(after),
      reason,
    }));

  /** After commit: a provider's presence in search follows its account. */
  const finish = async ({ before, after }: UserChange): Promise<TAdminUserDetail> => {
    const provider = await verification.providerOfUser(after.id);
    if (provider && before.isActive !== after.isActive) await providers.announce(provider.id);
    return toDetail(after, provider);
  };

  const suspend = async (actor: Actor, userId: string, reason: string) => {
    const change = await users.suspend(
      actor.userId,
      userId,
      audited(actor, 'user.suspend', reason),
    );
    await disconnect(userId);
    return finish(change);
  };

  const reactivate = async (actor: Actor, userId: string, reason: string) =>
    finish(await users.reactivate(actor.userId, userId, audited(actor, 'user.reactivate', reason)));

  const changeRole = async (actor: Actor, userId: string, { role, reason }: TChangeRoleRequest) =>
    finish(
      await users.changeRole(
        actor.userId,
        userId,
        role,
        (await verification.providerOfUser(userId)) !== null,
        audited(actor, 'user.change_role', reason),
      ),
    );

  return { search, get, suspend, reactivate, changeRole };
};

export type AdminUsers = ReturnType<typeof createAdminUsers>;
