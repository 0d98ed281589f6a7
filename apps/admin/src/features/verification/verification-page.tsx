import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@localkart/web-kit/format';
import { Badge, PageTitle } from '@localkart/web-kit/ui/card';
import { DataTable, type Column } from '../../components/data-table';
import { useListParams } from '../../components/use-list-params';
import type { TVerificationQueueItem } from '@localkart/contracts/admin';
import { ProviderDrawer } from './provider-drawer';
import { useVerificationQueueQuery } from './verification-api';

const VerificationPage = () => {
  const { t, i18n } = useTranslation();
  const [params, update] = useListParams(['order', 'provider'] as const);
  const order = params.order === 'desc' ? 'desc' : 'asc';
  const result = useVerificationQueueQuery({ page: params.page, limit: 20, order });

  const columns: Column<TVerificationQueueItem>[] = [
    {
      id: 'business',
      header: t('verification.columns.business'),
      cell: (row) => <span className="font-semibold text-slate-900">{row.businessName}</span>,
    },
    {
      id: 'owner',
      header: t('verification.columns.owner'),
      cell: (row) => (
        <>
          <span className="block">{row.ownerName}</span>
          <span className="block text-xs text-slate-500">{row.email}</span>
        </>
      ),
    },
    {
      id: 'pending',
      header: t('verification.columns.pending'),
      numeric: true,
      cell: (row) => row.pendingDocuments,
    },
    {
      id: 'waitingSince',
      header: t('verification.columns.waitingSince'),
      // The queue sorts only by its oldest pending upload; the API's `order` is this column.
      sortKey: 'oldestPendingAt',
      cell: (row) => formatDateTime(row.oldestPendingAt, i18n.language),
    },
    {
      id: 'status',
      header: t('verification.columns.status'),
      cell: (row) => (
        <span className="flex flex-wrap gap-1">
          {row.isVerified ? (
            <Badge tone="green">{t('verification.verified')}</Badge>
          ) : (
            <Badge>{t('verification.unverified')}</Badge>
          )}
          {!row.isActive && <Badge tone="red">{t('verification.suspended')}</Badge>}
        </span>
      ),
    },
  ];

  return (
    <>
      <PageTitle title={t('verification.title')} subtitle={t('verification.subtitle')} />
      <DataTable
        caption={t('verification.caption')}
        emptyTitle={t('verification.empty')}
        columns={columns}
        rowKey={(row) => row.providerId}
        rowLabel={(row) => row.businessName}
        result={result}
        page={params.page}
        onPage={(page) => update({ page, provider: undefined })}
        sort={{ key: 'oldestPendingAt', order }}
        onSort={(sort) => update({ order: sort.order })}
        onOpen={(row) => update({ provider: row.providerId, page: params.page })}
      />
      <ProviderDrawer
        providerId={params.provider}
        onClose={() => update({ provider: undefined, page: params.page })}
      />
    </>
  );
};

export default VerificationPage;
