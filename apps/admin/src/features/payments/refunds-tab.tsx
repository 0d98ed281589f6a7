import { useTranslation } from 'react-i18next';
import type { TRefund } from '@localkart/contracts/admin';
import { formatDateTime, formatPaise } from '@localkart/web-kit/format';
import { DataTable, type Column } from '../../components/data-table';
import { FilterBar } from '../../components/filter-bar';
import { IdText } from '../../components/id-text';
import { useListParams } from '../../components/use-list-params';
import { IdAndDateFields } from './date-filters';
import { useRefundsQuery } from './payments-api';
import { SectionHeading } from './section-heading';

const FILTERS = ['bookingId', 'from', 'to'] as const;

export const RefundsTab = () => {
  const { t, i18n } = useTranslation();
  const [params, update] = useListParams(FILTERS);
  const { page, ...filters } = params;
  const result = useRefundsQuery({ ...filters, page, limit: 25 });

  const columns: Column<TRefund>[] = [
    {
      id: 'when',
      header: t('payments.refunds.when'),
      cell: (row) => (
        <span className="whitespace-nowrap">{formatDateTime(row.createdAt, i18n.language)}</span>
      ),
    },
    {
      id: 'booking',
      header: t('payments.refunds.booking'),
      cell: (row) => (row.bookingId ? <IdText id={row.bookingId} /> : t('common.none')),
    },
    {
      id: 'legs',
      header: t('payments.refunds.legs'),
      cell: (row) => (
        <ul className="space-y-0.5">
          {row.legs.map((leg, index) => (
            <li key={index} className="flex flex-wrap gap-x-2">
              <span>{t(`payments.accountKinds.${leg.accountKind}`)}</span>
              {leg.ownerId && <IdText id={leg.ownerId} />}
              <span className="font-medium tabular-nums">{formatPaise(leg.amountPaise)}</span>
            </li>
          ))}
        </ul>
      ),
    },
    {
      id: 'gateway',
      header: t('payments.refunds.gateway'),
      cell: ({ gatewayRefund: sent }) =>
        !sent ? (
          t('common.none')
        ) : sent.status === 'failed' ? (
          <span className="text-red-700">
            {t('payments.refunds.gatewayFailed', { error: sent.lastError ?? '' })}
          </span>
        ) : sent.status === 'pending' ? (
          sent.attempts === 0 ? (
            t('payments.refunds.gatewayPending')
          ) : (
            t('payments.refunds.gatewayRetrying', { count: sent.attempts })
          )
        ) : (
          t('payments.refunds.gatewaySent')
        ),
    },
    {
      id: 'amount',
      header: t('payments.refunds.amount'),
      numeric: true,
      cell: (row) => <span className="font-semibold">{formatPaise(row.amountPaise)}</span>,
    },
  ];

  return (
    <section>
      <SectionHeading title={t('payments.refunds.heading')} intro={t('payments.refunds.intro')} />
      <DataTable
        caption={t('payments.refunds.caption')}
        columns={columns}
        rowKey={(row) => row.transactionId}
        result={result}
        page={page}
        onPage={(next) => update({ page: next })}
        filters={
          <FilterBar
            label={t('payments.refunds.filters')}
            names={FILTERS}
            values={params}
            onChange={update}
          >
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
