import { useTranslation } from 'react-i18next';
import type { TAuditEntry } from '@localkart/contracts/admin';
import { formatDateTime } from '@localkart/web-kit/format';
import { Drawer } from '../../components/drawer';
import { auditDiff } from './audit-diff';

/** One audit entry: who, when, why, and its before/after as a field-by-field diff. */
export const AuditEntryDrawer = ({
  entry,
  onClose,
}: {
  entry: TAuditEntry | undefined;
  onClose: () => void;
}) => {
  const { t, i18n } = useTranslation();
  return (
    <Drawer
      open={!!entry}
      title={
        entry ? t('auditLog.entry.title', { action: entry.action, target: entry.targetType }) : ''
      }
      onClose={onClose}
    >
      {entry && (
        <div className="space-y-6 text-sm">
          <dl className="grid grid-cols-1 gap-x-6 gap-y-3 sm:grid-cols-2">
            <div>
              <dt className="text-slate-500">{t('auditLog.entry.when')}</dt>
              <dd className="font-medium">{formatDateTime(entry.createdAt, i18n.language)}</dd>
            </div>
            <div>
              <dt className="text-slate-500">{t('auditLog.entry.admin')}</dt>
              <dd className="break-all font-medium">{entry.actorEmail || t('auditLog.system')}</dd>
            </div>
            <div className="sm:col-span-2">
              <dt className="text-slate-500">{t('auditLog.entry.target')}</dt>
              <dd className="break-all font-mono text-xs">
                {entry.targetType} · {entry.targetId}
              </dd>
            </div>
            <div className="sm:col-span-2">
              <dt className="text-slate-500">{t('auditLog.entry.reason')}</dt>
              <dd className="whitespace-pre-line">{entry.reason ?? t('common.none')}</dd>
            </div>
            {entry.requestId && (
              <div className="sm:col-span-2">
                <dt className="text-slate-500">{t('auditLog.entry.requestId')}</dt>
                <dd className="break-all font-mono text-xs">{entry.requestId}</dd>
              </div>
            )}
          </dl>
          <Changes entry={entry} />
          <details className="rounded-lg border border-slate-200">
            <summary className="cursor-pointer px-3 py-2 font-medium text-slate-700 focus-visible:outline-2 focus-visible:outline-teal-600">
              {t('auditLog.entry.raw')}
            </summary>
            <pre className="overflow-x-auto border-t border-slate-200 bg-slate-50 p-3 text-xs">
              {JSON.stringify({ before: entry.before, after: entry.after }, null, 2)}
            </pre>
          </details>
        </div>
      )}
    </Drawer>
  );
};

const Changes = ({ entry }: { entry: TAuditEntry }) => {
  const { t } = useTranslation();
  const rows = auditDiff(entry.before, entry.after);
  return (
    <section aria-labelledby="audit-changes" className="space-y-2">
      <h3 id="audit-changes" className="text-base font-bold text-slate-900">
        {t('auditLog.entry.changes')}
      </h3>
      {rows.length === 0 ? (
        <p className="text-slate-600">{t('auditLog.entry.noChanges')}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200">
          <table className="min-w-full divide-y divide-slate-200 text-xs">
            <thead className="bg-slate-50 text-left text-slate-600">
              <tr>
                <th scope="col" className="px-3 py-2">
                  {t('auditLog.entry.field')}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t('auditLog.entry.before')}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t('auditLog.entry.after')}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((row) => (
                <tr key={row.field} className={row.changed ? 'bg-amber-50' : 'text-slate-500'}>
                  <th scope="row" className="px-3 py-2 text-left font-mono font-medium">
                    {row.field}
                  </th>
                  <td
                    className={`break-all px-3 py-2 font-mono ${row.changed ? 'text-red-800 line-through decoration-red-300' : ''}`}
                  >
                    {row.before}
                  </td>
                  <td
                    className={`break-all px-3 py-2 font-mono ${row.changed ? 'font-semibold text-emerald-800' : ''}`}
                  >
                    {row.after}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
};
