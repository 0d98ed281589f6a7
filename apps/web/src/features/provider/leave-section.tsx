import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/api';
import { apiMessage } from '@localkart/web-kit/api-error';
import { formatCalendarDate } from '@localkart/web-kit/format';
import { Button } from '@localkart/web-kit/ui/button';
import { Card } from '@localkart/web-kit/ui/card';
import { SelectField, TextField } from '@localkart/web-kit/ui/field';
import { ErrorState, Loading } from '@localkart/web-kit/ui/states';

export const LeaveSection = () => {
  const { t, i18n } = useTranslation();
  const { data, isLoading } = api.useExceptionsQuery();
  const [add, adding] = api.useAddExceptionMutation();
  const [remove] = api.useDeleteExceptionMutation();
  const [date, setDate] = useState('');
  const [reason, setReason] = useState<'leave' | 'holiday' | 'other'>('leave');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void add({ date, allDay: true, reason });
  };
  return (
    <Card>
      <h2 className="text-lg font-semibold">{t('setup.leave')}</h2>
      {isLoading && <Loading />}
      {data && data.length === 0 && (
        <p className="mt-2 text-sm text-slate-500">{t('setup.noLeave')}</p>
      )}
      <ul className="mt-2 divide-y divide-slate-100">
        {data?.map((exception) => (
          <li key={exception.id} className="flex items-center justify-between py-2 text-sm">
            <span>
              {formatCalendarDate(exception.date, i18n.language)} ·{' '}
              {t(`setup.reasons.${exception.reason}`)}
            </span>
            <Button variant="ghost" onClick={() => void remove(exception.id)}>
              {t('common.delete')}
            </Button>
          </li>
        ))}
      </ul>
      <form
        onSubmit={submit}
        className="mt-3 grid gap-3 rounded-xl bg-slate-50 p-4 sm:grid-cols-[1fr_1fr_auto] sm:items-end"
      >
        <TextField
          label={t('providerSide.date')}
          type="date"
          value={date}
          onChange={(event) => setDate(event.target.value)}
        />
        <SelectField
          label={t('setup.reason')}
          value={reason}
          onChange={(event) => setReason(event.target.value as typeof reason)}
        >
          {(['leave', 'holiday', 'other'] as const).map((value) => (
            <option key={value} value={value}>
              {t(`setup.reasons.${value}`)}
            </option>
          ))}
        </SelectField>
        <Button type="submit" busy={adding.isLoading} disabled={!date}>
          {t('setup.addLeave')}
        </Button>
      </form>
      {adding.error && (
        <div className="mt-3">
          <ErrorState message={apiMessage(adding.error)} />
        </div>
      )}
    </Card>
  );
};
