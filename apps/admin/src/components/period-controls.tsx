import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@localkart/web-kit/ui/button';
import { TextField } from '@localkart/web-kit/ui/field';
import { Spinner } from '@localkart/web-kit/ui/states';
import { oneOf } from './form-values';
import { useListParams } from './use-list-params';

type Range = { from: string | undefined; to: string | undefined };

/**
 * A report's period in the address: its granularity (`fallback` unless one of `granularities`
 * is set) and the date range, only when set, so the API's default range applies.
 */
export const usePeriodParams = <G extends string>(granularities: readonly G[], fallback: G) => {
  const [params, update] = useListParams(['granularity', 'from', 'to'] as const);
  const period = {
    granularity: oneOf(granularities, params.granularity) ?? fallback,
    ...(params.from ? { from: params.from } : {}),
    ...(params.to ? { to: params.to } : {}),
  };
  return [period, update] as const;
};

/**
 * Day / week / month, and the date range (applied together on submit). `validate` checks a range
 * before it applies (its messages by field, none when it may go), in place of the browser's check.
 */
export const PeriodControls = <G extends 'day' | 'week' | 'month'>({
  label,
  granularities,
  granularity,
  from,
  to,
  busy,
  validate,
  onChange,
}: {
  /** The form's accessible name. */
  label: string;
  granularities: readonly G[];
  granularity: G;
  from: string | undefined;
  to: string | undefined;
  busy: boolean;
  validate?: (range: Range) => Record<string, string>;
  onChange: (changes: { granularity?: string; from?: string; to?: string }) => void;
}) => {
  const { t } = useTranslation();
  const [errors, setErrors] = useState<Record<string, string>>({});
  return (
    <form
      aria-label={label}
      // Fresh fields once the report names its own range (the API's default, the last 30 days).
      key={`${from ?? ''}|${to ?? ''}`}
      noValidate={validate !== undefined}
      className="flex flex-wrap items-start gap-4 rounded-xl border border-slate-200 bg-white p-4 shadow-sm"
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        const text = (name: string) => {
          const value = form.get(name);
          return typeof value === 'string' && value !== '' ? value : undefined;
        };
        const range: Range = { from: text('from'), to: text('to') };
        const found = validate?.(range) ?? {};
        setErrors(found);
        if (Object.keys(found).length === 0)
          onChange({ from: range.from ?? '', to: range.to ?? '' });
      }}
    >
      <div role="group" aria-label={t('period.granularity')} className="space-y-1.5">
        <span aria-hidden="true" className="block text-sm font-medium text-slate-700">
          {t('period.granularity')}
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
              {t(`period.${value}`)}
            </button>
          ))}
        </div>
      </div>
      <div className="w-44">
        <TextField
          name="from"
          type="date"
          label={t('period.from')}
          defaultValue={from}
          error={errors.from}
        />
      </div>
      <div className="w-44">
        <TextField
          name="to"
          type="date"
          label={t('period.to')}
          defaultValue={to}
          error={errors.to}
        />
      </div>
      <div className="flex items-center gap-3 pt-7">
        <Button type="submit">{t('common.apply')}</Button>
        {busy && (
          <span className="text-teal-700">
            <Spinner small />
          </span>
        )}
      </div>
    </form>
  );
};
