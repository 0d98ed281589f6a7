import { useTranslation } from 'react-i18next';
import { ZAdminUsersQuery, type TAdminUser } from '@localkart/contracts/admin';
import { formatDate } from '@localkart/web-kit/format';
import { Badge, PageTitle } from '@localkart/web-kit/ui/card';
import { SelectField, TextField } from '@localkart/web-kit/ui/field';
import { acceptedParams } from '../../components/accepted-params';
import { DataTable, FilterBar, type Column } from '../../components/data-table';
import { useListParams } from '../../components/use-list-params';
import { ROLES } from './role-choices';
import { UserBadges } from './user-badges';
import { UserDrawer } from './user-drawer';
import { useAdminUsersQuery } from './users-api';

const FILTERS = ['q', 'role', 'active', 'verified', 'createdFrom', 'createdTo'] as const;
const SORTS = ['sort', 'order'] as const;
const { shape } = ZAdminUsersQuery;

const UsersPage = () => {
  const { t, i18n } = useTranslation();
  const [params, update] = useListParams([...FILTERS, ...SORTS, 'user'] as const);
  const query = acceptedParams(shape, [...FILTERS, ...SORTS], params);
  const result = useAdminUsersQuery({ ...query, page: params.page, limit: 25 });
  // The header arrows show what the API sorts by, its defaults included.
  const sort = {
    key: query.sort ?? shape.sort.parse(undefined),
    order: query.order ?? shape.order.parse(undefined),
  };

  const columns: Column<TAdminUser>[] = [
    {
      id: 'name',
      header: t('users.columns.name'),
      sortKey: 'name',
      cell: (row) => (
        <span className="font-semibold text-slate-900">
          {`${row.firstName} ${row.lastName}`.trim()}
        </span>
      ),
    },
    {
      id: 'email',
      header: t('users.columns.email'),
      sortKey: 'email',
      // A long address may wrap after its @, never inside a word.
      cell: (row) => {
        const at = row.email.lastIndexOf('@');
        return (
          <span>
            {row.email.slice(0, at + 1)}
            <wbr />
            {row.email.slice(at + 1)}
          </span>
        );
      },
    },
    {
      id: 'role',
      header: t('users.columns.role'),
      cell: (row) => (
        <span className="whitespace-nowrap">
          <Badge tone={row.role === 'admin' ? 'sky' : 'slate'}>
            {t(`users.roles.${row.role}`)}
          </Badge>
        </span>
      ),
    },
    { id: 'city', header: t('users.columns.city'), cell: (row) => row.city ?? t('common.none') },
    {
      id: 'status',
      header: t('users.columns.status'),
      cell: (row) => <UserBadges user={row} />,
    },
    {
      id: 'joined',
      header: t('users.columns.joined'),
      sortKey: 'createdAt',
      firstOrder: 'desc',
      cell: (row) => (
        <span className="whitespace-nowrap">{formatDate(row.createdAt, i18n.language)}</span>
      ),
    },
  ];

  return (
    <>
      <PageTitle title={t('users.title')} subtitle={t('users.subtitle')} />
      <DataTable
        caption={t('users.caption')}
        columns={columns}
        rowKey={(row) => row.id}
        rowLabel={(row) => `${row.firstName} ${row.lastName}`.trim() || row.email}
        result={result}
        page={params.page}
        onPage={(page) => update({ page })}
        sort={sort}
        onSort={(next) => update({ sort: next.key, order: next.order })}
        onOpen={(row) => update({ user: row.id, page: params.page })}
        filters={
          <FilterBar
            // Fresh fields when the address changes (back button, a shared link).
            key={FILTERS.map((name) => params[name] ?? '').join('|')}
            label={t('users.filters.label')}
            onApply={(values) =>
              update(Object.fromEntries(FILTERS.map((name) => [name, values[name]])))
            }
            onReset={() => update(Object.fromEntries(FILTERS.map((name) => [name, undefined])))}
          >
            <div className="w-64">
              <TextField
                name="q"
                type="search"
                label={t('users.filters.q')}
                placeholder={t('users.filters.qHint')}
                defaultValue={params.q}
                maxLength={100}
              />
            </div>
            <div className="w-36">
              <SelectField name="role" label={t('users.filters.role')} defaultValue={params.role}>
                <option value="">{t('users.filters.any')}</option>
                {ROLES.map((role) => (
                  <option key={role} value={role}>
                    {t(`users.roles.${role}`)}
                  </option>
                ))}
              </SelectField>
            </div>
            <div className="w-36">
              <SelectField
                name="active"
                label={t('users.filters.status')}
                defaultValue={params.active}
              >
                <option value="">{t('users.filters.any')}</option>
                <option value="true">{t('users.active')}</option>
                <option value="false">{t('users.suspended')}</option>
              </SelectField>
            </div>
            <div className="w-40">
              <SelectField
                name="verified"
                label={t('users.filters.verified')}
                defaultValue={params.verified}
              >
                <option value="">{t('users.filters.any')}</option>
                <option value="true">{t('users.emailVerified')}</option>
                <option value="false">{t('users.emailUnverified')}</option>
              </SelectField>
            </div>
            <div className="w-40">
              <TextField
                name="createdFrom"
                type="date"
                label={t('users.filters.createdFrom')}
                defaultValue={params.createdFrom}
              />
            </div>
            <div className="w-40">
              <TextField
                name="createdTo"
                type="date"
                label={t('users.filters.createdTo')}
                defaultValue={params.createdTo}
              />
            </div>
          </FilterBar>
        }
      />
      <UserDrawer
        userId={params.user}
        onClose={() => update({ user: undefined, page: params.page })}
      />
    </>
  );
};

export default UsersPage;
