import { useTranslation } from 'react-i18next';
import { ZAdminUsersQuery, type TAdminUser } from '@localkart/contracts/admin';
import { formatDate } from '@localkart/web-kit/format';
import { Badge, PageTitle } from '@localkart/web-kit/ui/card';
import { acceptedParams, appliedSort } from '../../components/accepted-params';
import { DataTable, type Column } from '../../components/data-table';
import { DateFilter, FilterBar, SelectFilter, TextFilter } from '../../components/filter-bar';
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
        sort={appliedSort(shape, query)}
        onSort={(next) => update({ sort: next.key, order: next.order })}
        onOpen={(row) => update({ user: row.id, page: params.page })}
        filters={
          <FilterBar
            label={t('users.filters.label')}
            names={FILTERS}
            values={params}
            onChange={update}
          >
            <TextFilter
              widthClass="w-64"
              name="q"
              type="search"
              label={t('users.filters.q')}
              placeholder={t('users.filters.qHint')}
              defaultValue={params.q}
              maxLength={100}
            />
            <SelectFilter
              widthClass="w-36"
              name="role"
              label={t('users.filters.role')}
              any={t('users.filters.any')}
              options={ROLES.map((role) => ({ value: role, label: t(`users.roles.${role}`) }))}
              defaultValue={params.role}
            />
            <SelectFilter
              widthClass="w-36"
              name="active"
              label={t('users.filters.status')}
              any={t('users.filters.any')}
              options={[
                { value: 'true', label: t('users.active') },
                { value: 'false', label: t('users.suspended') },
              ]}
              defaultValue={params.active}
            />
            <SelectFilter
              widthClass="w-40"
              name="verified"
              label={t('users.filters.verified')}
              any={t('users.filters.any')}
              options={[
                { value: 'true', label: t('users.emailVerified') },
                { value: 'false', label: t('users.emailUnverified') },
              ]}
              defaultValue={params.verified}
            />
            <DateFilter
              name="createdFrom"
              label={t('users.filters.createdFrom')}
              defaultValue={params.createdFrom}
            />
            <DateFilter
              name="createdTo"
              label={t('users.filters.createdTo')}
              defaultValue={params.createdTo}
            />
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
