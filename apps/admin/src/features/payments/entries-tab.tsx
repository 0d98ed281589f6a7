import { useTranslation } from 'react-i18next';
import { ZLedgerEntry, type TLedgerEntry } from '@localkart/contracts/admin';
import { formatDateTime } from '@localkart/web-kit/format';
import { Button } from '@localkart/web-kit/ui/button';
import { SelectField, TextField } from '@localkart/web-kit/ui/field';
import { Notice } from '@localkart/web-kit/ui/states';
import { DataTable, FilterBar, type Column } from '../../components/data-table';
import { oneOf, UUID_PATTERN } from '../../components/form-values';
import { IdText } from '../../components/id-text';
import { useListParams } from '../../components/use-list-params';
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
            key={FILTERS.map((name) => params[name] ?? '').join('|')}
            label={t('payments.entries.filters')}
            onApply={(values) =>
              update(Object.fromEntries(FILTERS.map((name) => [name, values[name]])))
            }
            onReset={() => update(Object.fromEntries(FILTERS.map((name) => [name, undefined])))}
          >
            <div className="w-48">
              <SelectField name="kind" label={t('payments.filters.kind')} defaultValue={kind ?? ''}>
                <option value="">{t('payments.filters.any')}</option>
                {KINDS.map((value) => (
                  <option key={value} value={value}>
                    {t(`payments.transactionKinds.${value}`)}
                  </option>
                ))}
              </SelectField>
            </div>
            <div className="w-72">
              <TextField
                name="accountId"
                label={t('payments.filters.accountId')}
                title={t('payments.filters.idHint')}
                defaultValue={filters.accountId}
                pattern={UUID_PATTERN}
              />
            </div>
            <div className="w-72">
              <TextField
                name="bookingId"
                label={t('payments.filters.bookingId')}
                title={t('payments.filters.idHint')}
                defaultValue={filters.bookingId}
                pattern={UUID_PATTERN}
              />
            </div>
            <div className="w-40">
              <TextField
                name="from"
                type="date"
                label={t('payments.filters.from')}
                defaultValue={filters.from}
              />
            </div>
            <div className="w-40">
              <TextField
                name="to"
                type="date"
                label={t('payments.filters.to')}
                defaultValue={filters.to}
              />
            </div>
          </FilterBar>
        }
      />
    </section>
  );
};
