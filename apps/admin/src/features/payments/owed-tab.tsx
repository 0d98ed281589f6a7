import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TPayout, TPayoutOwed } from '@localkart/contracts/admin';
import { formatPaise } from '@localkart/web-kit/format';
import { Button } from '@localkart/web-kit/ui/button';
import { EmptyState, Notice } from '@localkart/web-kit/ui/states';
import { DataTable, type Column } from '../../components/data-table';
import { useListParams } from '../../components/use-list-params';
import { ExportButton } from './export-button';
import { MarkPaidDialog } from './mark-paid-dialog';
import { usePayoutsOwedQuery } from './payments-api';
import { SectionHeading } from './section-heading';

export const OwedTab = () => {
  const { t } = useTranslation();
  const [params, update] = useListParams([]);
  const result = usePayoutsOwedQuery({ page: params.page, limit: 25 });
  const [opened, setOpened] = useState<TPayoutOwed>();
  const [paid, setPaid] = useState<TPayout>();
  // The row as last fetched: after a refusal (the amount moved) the dialog shows the new amount;
  // the row as opened if the provider is no longer owed anything, so the refusal stays readable.
  const paying =
    opened && (result.data?.items.find((row) => row.providerId === opened.providerId) ?? opened);

  const columns: Column<TPayoutOwed>[] = [
    {
      id: 'provider',
      header: t('payments.owed.provider'),
      cell: (row) => (
        <>
          <span className="block font-semibold text-slate-900">{row.businessName}</span>
          <span className="block text-xs text-slate-500">{row.email}</span>
        </>
      ),
    },
    {
      id: 'earnings',
      header: t('payments.owed.earnings'),
      numeric: true,
      cell: (row) => formatPaise(row.earningsPaise),
    },
    {
      id: 'cash',
      header: t('payments.owed.cashHeld'),
      numeric: true,
      cell: (row) => formatPaise(row.cashHeldPaise),
    },
    {
      id: 'owed',
      header: t('payments.owed.owed'),
      numeric: true,
      cell: (row) => <span className="font-bold text-slate-900">{formatPaise(row.owedPaise)}</span>,
    },
    {
      id: 'action',
      header: t('payments.owed.actions'),
      cell: (row) => (
        <Button
          className="px-3 py-1.5"
          aria-label={t('payments.owed.markPaidFor', { name: row.businessName })}
          onClick={() => {
            setPaid(undefined);
            setOpened(row);
          }}
        >
          {t('payments.owed.markPaid')}
        </Button>
      ),
    },
  ];

  return (
    <section>
      <SectionHeading
        title={t('payments.owed.heading')}
        intro={t('payments.owed.intro')}
        action={<ExportButton label={t('payments.owed.export')} query={{ kind: 'owed' }} />}
      />
      {paid && (
        <div className="mb-4">
          <Notice tone="success">
            {t('payments.markPaid.done', {
              amount: formatPaise(paid.amountPaise),
              name: paid.businessName,
              reference: paid.bankReference,
            })}
          </Notice>
        </div>
      )}
      {result.data?.items.length === 0 && params.page === 1 ? (
        <EmptyState title={t('payments.owed.empty')} />
      ) : (
        <DataTable
          caption={t('payments.owed.caption')}
          columns={columns}
          rowKey={(row) => row.providerId}
          result={result}
          page={params.page}
          onPage={(page) => update({ page })}
        />
      )}
      <MarkPaidDialog
        // A fresh form for each provider.
        key={opened?.providerId ?? 'none'}
        owed={paying}
        onPaid={(payout) => {
          setPaid(payout);
          setOpened(undefined);
        }}
        onCancel={() => setOpened(undefined)}
      />
    </section>
  );
};
