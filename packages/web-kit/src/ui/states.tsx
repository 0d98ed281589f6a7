import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export const Spinner = ({ small = false }: { small?: boolean }) => (
  <span
    aria-hidden="true"
    className={`inline-block animate-spin rounded-full border-2 border-current border-r-transparent ${small ? 'h-4 w-4' : 'h-6 w-6'}`}
  />
);

export const Loading = ({ label }: { label?: string }) => {
  const { t } = useTranslation();
  return (
    <div role="status" className="flex items-center justify-center gap-3 py-12 text-slate-500">
      <Spinner />
      <span>{label ?? t('common.loading')}</span>
    </div>
  );
};

export const ErrorState = ({ message, onRetry }: { message?: string; onRetry?: () => void }) => {
  const { t } = useTranslation();
  return (
    <div
      role="alert"
      className="rounded-xl border border-red-200 bg-red-50 p-4 text-sm text-red-800"
    >
      <p className="font-semibold">{t('common.errorTitle')}</p>
      <p className="mt-1">{message ?? t('common.errorBody')}</p>
      {onRetry && (
        <button
          type="button"
          onClick={onRetry}
          className="mt-3 font-semibold underline underline-offset-2"
        >
          {t('common.retry')}
        </button>
      )}
    </div>
  );
};

export const EmptyState = ({ title, children }: { title: string; children?: ReactNode }) => (
  <div className="rounded-xl border border-dashed border-slate-300 bg-white px-6 py-10 text-center">
    <p className="font-semibold text-slate-700">{title}</p>
    {children && <div className="mt-2 text-sm text-slate-500">{children}</div>}
  </div>
);

export const Notice = ({
  tone = 'info',
  children,
}: {
  tone?: 'info' | 'success' | 'warning';
  children: ReactNode;
}) => {
  const tones = {
    info: 'border-sky-200 bg-sky-50 text-sky-900',
    success: 'border-emerald-200 bg-emerald-50 text-emerald-900',
    warning: 'border-amber-200 bg-amber-50 text-amber-900',
  };
  return (
    <div
      role={tone === 'warning' ? 'alert' : 'status'}
      className={`rounded-xl border p-3 text-sm ${tones[tone]}`}
    >
      {children}
    </div>
  );
};
