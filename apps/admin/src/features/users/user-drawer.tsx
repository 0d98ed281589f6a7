import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TAdminUserDetail } from '@localkart/contracts/admin';
import { errorMessage } from '@localkart/web-kit/api-error';
import { formatDate } from '@localkart/web-kit/format';
import { Button, buttonClass } from '@localkart/web-kit/ui/button';
import { Badge } from '@localkart/web-kit/ui/card';
import { SelectField } from '@localkart/web-kit/ui/field';
import { Notice } from '@localkart/web-kit/ui/states';
import { useSession } from '../../app/store';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { DetailItem } from '../../components/detail-item';
import { Drawer } from '../../components/drawer';
import { QueryState } from '../../components/page-state';
import { roleChoices, type Role } from './role-choices';
import { UserBadges } from './user-badges';
import {
  useAdminUserQuery,
  useChangeUserRoleMutation,
  useSetUserActiveMutation,
} from './users-api';

type Pending = { kind: 'suspend' | 'reactivate' } | { kind: 'role'; role: Role };

const nameOf = (user: Pick<TAdminUserDetail, 'firstName' | 'lastName' | 'email'>) =>
  `${user.firstName} ${user.lastName}`.trim() || user.email;

/** A user's account, with suspend, reactivate and change of role. */
export const UserDrawer = ({
  userId,
  onClose,
}: {
  userId: string | undefined;
  onClose: () => void;
}) => {
  const { t } = useTranslation();
  const result = useAdminUserQuery(userId ?? '', { skip: !userId });
  const user = result.data && result.data.id === userId ? result.data : undefined;
  return (
    <Drawer
      open={!!userId}
      title={user ? nameOf(user) : t('common.loading')}
      subtitle={user && <span className="break-all">{user.email}</span>}
      onClose={onClose}
    >
      {userId && (
        <QueryState result={result}>
          {/* Keyed: another user starts without the last one's pending action or notice. */}
          {(detail) => <UserDetail key={detail.id} user={detail} />}
        </QueryState>
      )}
    </Drawer>
  );
};

const UserDetail = ({ user }: { user: TAdminUserDetail }) => {
  const { t, i18n } = useTranslation();
  const { user: admin } = useSession();
  const [pending, setPending] = useState<Pending>();
  const [done, setDone] = useState<string>();
  const [setActive, activeState] = useSetUserActiveMutation();
  const [changeRole, roleState] = useChangeUserRoleMutation();
  const self = user.id === admin?.id;
  const choices = roleChoices(user, admin?.id);
  const [picked, setPicked] = useState<Role>();
  // After a change the choices are the new role's: a stale pick falls back to the first.
  const newRole = picked && choices.includes(picked) ? picked : choices[0];
  const name = nameOf(user);
  const role = (value: Role) => t(`users.roles.${value}`);

  const confirm = async (reason: string | undefined) => {
    if (!pending || !reason) return;
    const result =
      pending.kind === 'role'
        ? await changeRole({ userId: user.id, role: pending.role, reason })
        : await setActive({ userId: user.id, active: pending.kind === 'reactivate', reason });
    if (result.error) return;
    setDone(
      pending.kind === 'role'
        ? t('users.done.role', { role: role(pending.role) })
        : t(`users.done.${pending.kind}`),
    );
    setPending(undefined);
  };

  const dialog =
    pending &&
    {
      suspend: {
        title: t('users.suspendDialog.title', { name }),
        body: t('users.suspendDialog.body'),
        confirm: t('users.suspendDialog.confirm'),
        destructive: true,
      },
      reactivate: {
        title: t('users.reactivateDialog.title', { name }),
        body: t('users.reactivateDialog.body'),
        confirm: t('users.reactivateDialog.confirm'),
        destructive: false,
      },
      role: {
        title: t('users.roleDialog.title', { name }),
        body:
          pending.kind === 'role'
            ? t(pending.role === 'admin' ? 'users.roleDialog.toAdmin' : 'users.roleDialog.body', {
                from: role(user.role),
                to: role(pending.role),
              })
            : '',
        confirm: t('users.roleDialog.confirm'),
        // Granting or taking away admin is the change that matters most.
        destructive: user.role === 'admin' || (pending.kind === 'role' && pending.role === 'admin'),
      },
    }[pending.kind];
  const actionState = pending?.kind === 'role' ? roleState : activeState;

  return (
    <div className="space-y-6 text-sm">
      <div className="flex flex-wrap gap-1">
        <Badge tone={user.role === 'admin' ? 'sky' : 'slate'}>{role(user.role)}</Badge>
        <UserBadges user={user} />
      </div>
      {done && <Notice tone="success">{done}</Notice>}

      <dl className="grid grid-cols-1 gap-x-6 gap-y-3 sm:grid-cols-2">
        <DetailItem label={t('users.detail.phone')}>{user.phone ?? t('common.none')}</DetailItem>
        <DetailItem label={t('users.detail.joined')}>
          {formatDate(user.createdAt, i18n.language)}
        </DetailItem>
        <DetailItem label={t('users.detail.language')}>
          {user.language === 'hi' ? <span lang="hi">हिन्दी</span> : 'English'}
        </DetailItem>
        <DetailItem label={t('users.detail.timeZone')}>{user.timeZone}</DetailItem>
        <DetailItem label={t('users.detail.address')} wide>
          {user.location
            ? `${user.location.address}, ${user.location.city}, ${user.location.state} ${user.location.pincode}`
            : (user.city ?? t('common.none'))}
        </DetailItem>
        <DetailItem label={t('users.detail.id')} wide>
          <span className="font-mono text-xs">{user.id}</span>
        </DetailItem>
      </dl>

      {user.provider && (
        <section aria-labelledby="user-provider" className="space-y-2">
          <h3 id="user-provider" className="text-base font-bold text-slate-900">
            {t('users.detail.provider')}
          </h3>
          <div className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-slate-200 p-3">
            <div className="space-y-1">
              <p className="font-semibold text-slate-900">{user.provider.businessName}</p>
              <span className="flex flex-wrap gap-1">
                {user.provider.isVerified ? (
                  <Badge tone="green">{t('users.detail.providerVerified')}</Badge>
                ) : (
                  <Badge>{t('users.detail.providerUnverified')}</Badge>
                )}
                {!user.provider.isActive && <Badge tone="red">{t('users.detail.hidden')}</Badge>}
              </span>
            </div>
            <Link
              to={`/verification?provider=${user.provider.id}`}
              className={buttonClass('secondary', 'px-3 py-1.5')}
            >
              {t('users.detail.openProvider')}
            </Link>
          </div>
        </section>
      )}

      <section aria-labelledby="user-bookings" className="space-y-2">
        <h3 id="user-bookings" className="text-base font-bold text-slate-900">
          {t('users.detail.bookings')}
        </h3>
        <div className="flex flex-wrap gap-2">
          <Link
            to={`/bookings?customerId=${user.id}`}
            className={buttonClass('secondary', 'px-3 py-1.5')}
          >
            {t('users.detail.bookingsAsCustomer')}
          </Link>
          {user.provider && (
            <Link
              to={`/bookings?providerId=${user.provider.id}`}
              className={buttonClass('secondary', 'px-3 py-1.5')}
            >
              {t('users.detail.bookingsAsProvider')}
            </Link>
          )}
        </div>
      </section>

      <section aria-labelledby="user-actions" className="space-y-4 border-t border-slate-200 pt-5">
        <h3 id="user-actions" className="text-base font-bold text-slate-900">
          {t('users.detail.actions')}
        </h3>
        {self ? (
          <Notice>{t('users.self')}</Notice>
        ) : (
          <>
            <div>
              {user.isActive ? (
                <Button variant="danger" onClick={() => setPending({ kind: 'suspend' })}>
                  {t('users.suspend')}
                </Button>
              ) : (
                <Button onClick={() => setPending({ kind: 'reactivate' })}>
                  {t('users.reactivate')}
                </Button>
              )}
            </div>
            {choices.length === 0 || !newRole ? (
              <p className="text-slate-600">{t('users.providerKeepsRole')}</p>
            ) : (
              <form
                className="flex flex-wrap items-end gap-2"
                onSubmit={(event) => {
                  event.preventDefault();
                  setPending({ kind: 'role', role: newRole });
                }}
              >
                <div className="w-48">
                  <SelectField
                    label={t('users.newRole', { role: role(user.role) })}
                    value={newRole}
                    onChange={(event) =>
                      setPicked(choices.find((choice) => choice === event.target.value))
                    }
                  >
                    {choices.map((choice) => (
                      <option key={choice} value={choice}>
                        {role(choice)}
                      </option>
                    ))}
                  </SelectField>
                </div>
                <Button type="submit" variant="secondary">
                  {t('users.changeRole')}
                </Button>
              </form>
            )}
          </>
        )}
      </section>

      <ConfirmDialog
        open={!!pending}
        title={dialog?.title ?? ''}
        message={dialog?.body}
        confirmLabel={dialog?.confirm ?? ''}
        reason="required"
        destructive={dialog?.destructive}
        busy={actionState.isLoading}
        error={errorMessage(actionState.error, t('common.errorBody'))}
        onConfirm={(reason) => void confirm(reason)}
        onCancel={() => {
          setPending(undefined);
          activeState.reset();
          roleState.reset();
        }}
      />
    </div>
  );
};
