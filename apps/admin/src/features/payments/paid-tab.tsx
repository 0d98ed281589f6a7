import { useTranslation } from 'react-i18next';
import type { TPayout } from '@localkart/contracts/admin';
import { formatDateTime, formatPaise } from '@localkart/web-kit/format';
import { DataTable, type Column } from '../../components/data-table';
import { FilterBar } from '../../components/filter-bar';
import { IdText } from '../../components/id-text';
import { useListParams } from '../../components/use-list-params';
import { IdAndDateFields } from './date-filters';
import { ExportButton } from './export-button';
import { usePayoutsQuery } from './payments-api';
import { SectionHeading } from './section-heading';

const FILTERS = ['providerId', 'from', 'to'] as const;

export const PaidTab = () => {
  const { t, i18n } = useTranslation();
  const [params, update] = useListParams(FILTERS);
  const { page, ...filters } = params;
  const result = usePayoutsQuery({ ...filters, page, limit: 25 });

  const columns: Column<TPayout>[] = [
    {
      id: 'when',
      header: t('payments.paid.when'),
      cell: (row) => (
        <span className="whitespace-nowrap">{formatDateTime(row.createdAt, i18n.language)}</span>
      ),
    },
    {
      id: 'provider',
      header: t('payments.paid.provider'),
      cell: (row) => (
        <>
          <span className="block font-semibold text-slate-900">{row.businessName}</span>
          <IdText id={row.providerId} />
        </>
      ),
    },
    {
      id: 'reference',
      header: t('payments.paid.bankReference'),
      cell: (row) => <span className="font-mono text-xs">{row.bankReference}</span>,
    },
    {
      id: 'transaction',
      header: t('payments.paid.transaction'),
      cell: (row) => <IdText id={row.transactionId} />,
    },
    {
      id: 'amount',
      header: t('payments.paid.amount'),
      numeric: true,
      cell: (row) => <span className="font-semibold">{formatPaise(row.amountPaise)}</span>,
    },
  ];

  return (
    <section>
      <SectionHeading
        title={t('payments.paid.heading')}
        intro={t('payments.paid.intro')}
        action={
          <ExportButton
            label={t('payments.paid.export')}
            query={{
              kind: 'paid',
              ...(filters.from ? { from: filters.from } : {}),
              ...(filters.to ? { to: filters.to } : {}),
            }}
          />
        }
      />
      <DataTable
        caption={t('payments.paid.caption')}
        columns={columns}
        rowKey={(row) => row.transactionId}
        result={result}
        page={page}
        onPage={(next) => update({ page: next })}
        filters={
          <FilterBar
            label={t('payments.paid.filters')}
            names={FILTERS}
            values={params}
            onChange={update}
          >
            <IdAndDateFields
              idName="providerId"
              idLabel={t('payments.filters.providerId')}
              values={{ id: filters.providerId, from: filters.from, to: filters.to }}
            />
          </FilterBar>
        }
      />
    </section>
  );
};
