import { useTranslation } from 'react-i18next';
import { ZLedgerEntry, type TLedgerEntry } from '@localkart/contracts/admin';
import { formatDateTime } from '@localkart/web-kit/format';
import { Button } from '@localkart/web-kit/ui/button';
import { Notice } from '@localkart/web-kit/ui/states';
import { DataTable, type Column } from '../../components/data-table';
import { FilterBar, IdFilter, SelectFilter } from '../../components/filter-bar';
import { oneOf } from '../../components/form-values';
import { IdText } from '../../components/id-text';
import { useListParams } from '../../components/use-list-params';
import { IdAndDateFields } from './date-filters';
import { SignedMoney } from './money';
import { useLedgerEntriesQuery } from './payments-api';
import { SectionHeading } from './section-heading';

const KINDS = ZLedgerEntry.shape.transactionKind.options;
const FILTERS = ['accountId', 'kind', 'bookingId', 'from', 'to'] as const;

export const EntriesTab = () => {
  const { t, i18n } = useTranslation();
  const [params, update] = useListParams(FILTERS);
  const { page, kind: kindParam, ...filters } = params;
  const kind = oneOf(KINDS, kindParam);
  const result = useLedgerEntriesQuery({ ...filters, ...(kind ? { kind } : {}), page, limit: 25 });

  const columns: Column<TLedgerEntry>[] = [
    {
      id: 'when',
      header: t('payments.entries.when'),
      cell: (row) => (
        <span className="whitespace-nowrap">{formatDateTime(row.createdAt, i18n.language)}</span>
      ),
    },
    {
      id: 'transaction',
      header: t('payments.entries.transaction'),
      cell: (row) => (
        <>
          <span className="block whitespace-nowrap font-medium text-slate-900">
            {t(`payments.transactionKinds.${row.transactionKind}`)}
          </span>
          <IdText id={row.transactionId} />
        </>
      ),
    },
    {
      id: 'description',
      header: t('payments.entries.description'),
      cell: (row) => <span className="line-clamp-2 max-w-xs">{row.description}</span>,
    },
    {
      id: 'account',
      header: t('payments.entries.account'),
      cell: (row) => (
        <>
          <span className="block">{t(`payments.accountKinds.${row.accountKind}`)}</span>
          <IdText id={row.accountId} />
        </>
      ),
    },
    {
      id: 'booking',
      header: t('payments.entries.booking'),
      cell: (row) => (row.bookingId ? <IdText id={row.bookingId} /> : t('common.none')),
    },
    {
      id: 'amount',
      header: t('payments.entries.amount'),
      numeric: true,
      cell: (row) => <SignedMoney paise={row.amountPaise} />,
    },
  ];

  return (
    <section>
      <SectionHeading title={t('payments.entries.heading')} intro={t('payments.entries.intro')} />
      {filters.accountId && (
        <div className="mb-4">
          <Notice>
            <span className="flex flex-wrap items-center justify-between gap-2">
              {t('payments.entries.forAccount', { id: filters.accountId })}
              <Button
                variant="secondary"
                className="px-3 py-1.5"
                onClick={() => update({ accountId: undefined })}
              >
                {t('payments.entries.allAccounts')}
              </Button>
            </span>
          </Notice>
        </div>
      )}
      <DataTable
        caption={t('payments.entries.caption')}
        columns={columns}
        rowKey={(row) => row.id}
        result={result}
        page={page}
        onPage={(next) => update({ page: next })}
        filters={
          <FilterBar
            label={t('payments.entries.filters')}
            names={FILTERS}
            values={params}
            onChange={update}
          >
            <SelectFilter
              widthClass="w-48"
              name="kind"
              label={t('payments.filters.kind')}
              any={t('payments.filters.any')}
              options={KINDS.map((value) => ({
                value,
                label: t(`payments.transactionKinds.${value}`),
              }))}
              defaultValue={kind ?? ''}
            />
            <IdFilter
              widthClass="w-72"
              name="accountId"
              label={t('payments.filters.accountId')}
              hint={t('payments.filters.idHint')}
              defaultValue={filters.accountId}
            />
            <IdAndDateFields
              idName="bookingId"
              idLabel={t('payments.filters.bookingId')}
              values={{ id: filters.bookingId, from: filters.from, to: filters.to }}
            />
          </FilterBar>
        }
      />
    </section>
  );
};
