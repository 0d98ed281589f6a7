import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ZLedgerAccount, type TLedgerAccount } from '@localkart/contracts/admin';
import { formatDate, formatPaise } from '@localkart/web-kit/format';
import { DataTable, type Column } from '../../components/data-table';
import { FilterBar, IdFilter, SelectFilter } from '../../components/filter-bar';
import { oneOf } from '../../components/form-values';
import { IdText } from '../../components/id-text';
import { useListParams } from '../../components/use-list-params';
import { useLedgerAccountsQuery } from './payments-api';
import { SectionHeading } from './section-heading';

const KINDS = ZLedgerAccount.shape.kind.options;
const SORTS = ['balance', 'createdAt'] as const;
const FILTERS = ['kind', 'ownerId'] as const;

export const AccountsTab = () => {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [params, update] = useListParams([...FILTERS, 'sort', 'order'] as const);
  const sort = oneOf(SORTS, params.sort) ?? 'createdAt';
  const order = params.order === 'asc' ? 'asc' : 'desc';
  const kind = oneOf(KINDS, params.kind);
  const result = useLedgerAccountsQuery({
    page: params.page,
    limit: 25,
    sort,
    order,
    ...(kind ? { kind } : {}),
    ...(params.ownerId ? { ownerId: params.ownerId } : {}),
  });

  const columns: Column<TLedgerAccount>[] = [
    {
      id: 'kind',
      header: t('payments.accounts.kind'),
      cell: (row) => (
        <>
          <span className="block font-medium text-slate-900">
            {t(`payments.accountKinds.${row.kind}`)}
          </span>
          <IdText id={row.id} />
        </>
      ),
    },
    {
      id: 'owner',
      header: t('payments.accounts.owner'),
      cell: (row) => (row.ownerId ? <IdText id={row.ownerId} /> : t('payments.accounts.platform')),
    },
    {
      id: 'created',
      header: t('payments.accounts.created'),
      sortKey: 'createdAt',
      firstOrder: 'desc',
      cell: (row) => formatDate(row.createdAt, i18n.language),
    },
    {
      id: 'balance',
      header: t('payments.accounts.balance'),
      sortKey: 'balance',
      firstOrder: 'desc',
      numeric: true,
      cell: (row) => <span className="font-semibold">{formatPaise(row.balancePaise)}</span>,
    },
  ];

  return (
    <section>
      <SectionHeading title={t('payments.accounts.heading')} intro={t('payments.accounts.intro')} />
      <DataTable
        caption={t('payments.accounts.caption')}
        columns={columns}
        rowKey={(row) => row.id}
        rowLabel={(row) =>
          t('payments.accounts.openLabel', {
            kind: t(`payments.accountKinds.${row.kind}`),
            id: row.id,
          })
        }
        result={result}
        page={params.page}
        onPage={(page) => update({ page })}
        sort={{ key: sort, order }}
        onSort={(next) => update({ sort: next.key, order: next.order })}
        onOpen={(row) => void navigate(`/payments/entries?accountId=${row.id}`)}
        filters={
          <FilterBar
            label={t('payments.accounts.filters')}
            names={FILTERS}
            values={params}
            onChange={update}
          >
            <SelectFilter
              widthClass="w-56"
              name="kind"
              label={t('payments.filters.kind')}
              any={t('payments.filters.any')}
              options={KINDS.map((value) => ({
                value,
                label: t(`payments.accountKinds.${value}`),
              }))}
              defaultValue={kind ?? ''}
            />
            <IdFilter
              widthClass="w-80"
              name="ownerId"
              label={t('payments.filters.ownerId')}
              hint={t('payments.filters.idHint')}
              defaultValue={params.ownerId}
            />
          </FilterBar>
        }
      />
    </section>
  );
};
