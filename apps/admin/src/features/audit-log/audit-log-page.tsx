import { useTranslation } from 'react-i18next';
import type { TAuditEntry } from '@localkart/contracts/admin';
import { formatDateTime } from '@localkart/web-kit/format';
import { PageTitle } from '@localkart/web-kit/ui/card';
import { DataTable, type Column } from '../../components/data-table';
import { DateFilter, FilterBar, TextFilter } from '../../components/filter-bar';
import { useListParams } from '../../components/use-list-params';
import { AuditEntryDrawer } from './audit-entry-drawer';
import { useAuditLogQuery } from './audit-log-api';

const FILTERS = ['action', 'targetType', 'targetId', 'actorId', 'from', 'to'] as const;

const AuditLogPage = () => {
  const { t, i18n } = useTranslation();
  const [params, update] = useListParams([...FILTERS, 'entry'] as const);
  const { entry: openId, page, ...filters } = params;
  const result = useAuditLogQuery({ ...filters, page, limit: 25 });
  const open = result.data?.items.find((item) => item.id === openId);

  const columns: Column<TAuditEntry>[] = [
    {
      id: 'when',
      header: t('auditLog.columns.when'),
      cell: (row) => (
        <span className="whitespace-nowrap">{formatDateTime(row.createdAt, i18n.language)}</span>
      ),
    },
    {
      id: 'admin',
      header: t('auditLog.columns.admin'),
      cell: (row) => row.actorEmail || t('auditLog.system'),
    },
    {
      id: 'action',
      header: t('auditLog.columns.action'),
      cell: (row) => (
        <code className="rounded bg-slate-100 px-1.5 py-0.5 text-xs">{row.action}</code>
      ),
    },
    {
      id: 'target',
      header: t('auditLog.columns.target'),
      cell: (row) => (
        <>
          <span className="block font-medium">{row.targetType}</span>
          <span className="block font-mono text-xs text-slate-500">{row.targetId}</span>
        </>
      ),
    },
    {
      id: 'reason',
      header: t('auditLog.columns.reason'),
      cell: (row) => (
        <span className="line-clamp-2 max-w-xs">{row.reason ?? t('common.none')}</span>
      ),
    },
  ];

  return (
    <>
      <PageTitle title={t('auditLog.title')} subtitle={t('auditLog.subtitle')} />
      <DataTable
        caption={t('auditLog.caption')}
        columns={columns}
        rowKey={(row) => row.id}
        rowLabel={(row) => `${row.action} ${row.targetType}`}
        result={result}
        page={page}
        onPage={(next) => update({ page: next })}
        onOpen={(row) => update({ entry: row.id, page })}
        filters={
          <FilterBar
            label={t('auditLog.filters.label')}
            names={FILTERS}
            values={filters}
            onChange={update}
          >
            <TextFilter
              widthClass="w-44"
              name="action"
              label={t('auditLog.filters.action')}
              placeholder={t('auditLog.filters.actionHint')}
              defaultValue={filters.action}
              pattern="[a-z_.]{2,64}"
            />
            <TextFilter
              widthClass="w-40"
              name="targetType"
              label={t('auditLog.filters.targetType')}
              placeholder={t('auditLog.filters.targetTypeHint')}
              defaultValue={filters.targetType}
              pattern="[a-z_]{2,32}"
            />
            <TextFilter
              widthClass="w-72"
              name="targetId"
              label={t('auditLog.filters.targetId')}
              defaultValue={filters.targetId}
            />
            <TextFilter
              widthClass="w-72"
              name="actorId"
              label={t('auditLog.filters.actorId')}
              defaultValue={filters.actorId}
            />
            <DateFilter
              name="from"
              label={t('auditLog.filters.from')}
              defaultValue={filters.from}
            />
            <DateFilter name="to" label={t('auditLog.filters.to')} defaultValue={filters.to} />
          </FilterBar>
        }
      />
      <AuditEntryDrawer entry={open} onClose={() => update({ entry: undefined, page })} />
    </>
  );
};

export default AuditLogPage;
