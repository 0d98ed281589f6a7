import type { TAdminUserDetail } from '@localkart/contracts/admin';

export type Role = TAdminUserDetail['role'];
export const ROLES: readonly Role[] = ['customer', 'provider', 'admin'];

/**
 * The roles the API would let this user be given (its rules, so the screen offers no refusal):
 * `provider` only to someone with a provider profile, and a provider with its profile keeps its
 * role (it is suspended instead). Nobody changes their own account.
 */
export const roleChoices = (
  user: Pick<TAdminUserDetail, 'id' | 'role' | 'provider'>,
  adminId: string | undefined,
): Role[] => {
  if (user.id === adminId) return [];
  if (user.role === 'provider' && user.provider) return [];
  return ROLES.filter((role) => role !== user.role && (role !== 'provider' || !!user.provider));
};
