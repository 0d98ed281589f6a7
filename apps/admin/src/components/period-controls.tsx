import { useTranslation } from 'react-i18next';
import type { TAnalyticsGranularity } from '@localkart/contracts/provider-analytics';
import { Button } from '@localkart/web-kit/ui/button';
import { TextField } from '@localkart/web-kit/ui/field';
import { Spinner } from '@localkart/web-kit/ui/states';

/** Day / week / month, and the date range (applied together on submit). */
export const PeriodControls = ({
  granularity,
  granularities,
  from,
  to,
  busy,
  onChange,
}: {
  granularity: TAnalyticsGranularity;
  granularities: readonly TAnalyticsGranularity[];
  from: string | undefined;
  to: string | undefined;
  busy: boolean;
  onChange: (changes: { granularity?: string; from?: string; to?: string }) => void;
}) => {
  const { t } = useTranslation();
  return (
    <form
      aria-label={t('dashboard.controls.label')}
      className="flex flex-wrap items-end gap-4 rounded-xl border border-slate-200 bg-white p-4 shadow-sm"
      // Fresh fields once the report names its own range (the API's default, the last 30 days).
      key={`${from ?? ''}|${to ?? ''}`}
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        const text = (value: FormDataEntryValue | null) => (typeof value === 'string' ? value : '');
        onChange({ from: text(form.get('from')), to: text(form.get('to')) });
      }}
    >
      <div role="group" aria-label={t('dashboard.controls.granularity')} className="space-y-1.5">
        <span aria-hidden="true" className="block text-sm font-medium text-slate-700">
          {t('dashboard.controls.granularity')}
        </span>
        <div className="inline-flex rounded-lg bg-slate-100 p-1 text-sm font-semibold">
          {granularities.map((value) => (
            <button
              key={value}
              type="button"
              aria-pressed={granularity === value}
              onClick={() => onChange({ granularity: value })}
              className={`rounded-md px-3 py-1.5 focus-visible:outline-2 focus-visible:outline-teal-600 ${granularity === value ? 'bg-white text-teal-800 shadow-sm' : 'text-slate-600 hover:text-slate-900'}`}
            >
              {t(`dashboard.controls.${value}`)}
            </button>
          ))}
        </div>
      </div>
      <div className="w-44">
        <TextField
          name="from"
          type="date"
          label={t('dashboard.controls.from')}
          defaultValue={from}
        />
      </div>
      <div className="w-44">
        <TextField name="to" type="date" label={t('dashboard.controls.to')} defaultValue={to} />
      </div>
      <Button type="submit">{t('common.apply')}</Button>
      {busy && (
        <span className="pb-3 text-teal-700">
          <Spinner small />
        </span>
      )}
    </form>
  );
};
