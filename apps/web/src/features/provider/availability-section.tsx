import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TAvailabilitySlot, TProviderProfile } from '@localkart/contracts/providers';
import { api } from '../../api/api';
import { apiMessage } from '@localkart/web-kit/api-error';
import { Button } from '@localkart/web-kit/ui/button';
import { Card } from '@localkart/web-kit/ui/card';
import { inputClass } from '@localkart/web-kit/ui/field';
import { ErrorState, Notice } from '@localkart/web-kit/ui/states';

const DAYS = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const;
type Day = (typeof DAYS)[number];
type DayHours = { on: boolean; start: string; end: string };

/** One working window per day: the common case, and what fits a phone screen. */
const toWeek = (slots: TAvailabilitySlot[]) =>
  Object.fromEntries(
    DAYS.map((day) => {
      const slot = slots.find((candidate) => candidate.day === day);
      return [
        day,
        slot
          ? { on: true, start: slot.start, end: slot.end }
          : { on: false, start: '09:00', end: '18:00' },
      ];
    }),
  ) as Record<Day, DayHours>;

export const AvailabilitySection = ({ profile }: { profile: TProviderProfile }) => {
  const { t } = useTranslation();
  const [week, setWeek] = useState(() => toWeek(profile.availability));
  const [save, { isLoading, isSuccess, error }] = api.useReplaceAvailabilityMutation();
  const setDay = (day: Day, change: Partial<DayHours>) =>
    setWeek((current) => ({ ...current, [day]: { ...current[day], ...change } }));
  const submit = () =>
    void save(
      DAYS.filter((day) => week[day].on).map((day) => ({
        day,
        start: week[day].start,
        end: week[day].end,
      })),
    );
  return (
    <Card>
      <h2 className="text-lg font-semibold">{t('setup.hours')}</h2>
      <ul className="mt-3 space-y-2">
        {DAYS.map((day) => (
          <li
            key={day}
            className="grid grid-cols-[110px_1fr] items-center gap-3 sm:grid-cols-[140px_1fr]"
          >
            <label className="flex items-center gap-2 text-sm font-medium">
              <input
                type="checkbox"
                className="h-4 w-4 accent-teal-700"
                checked={week[day].on}
                onChange={(event) => setDay(day, { on: event.target.checked })}
              />
              {t(`days.${day}`)}
            </label>
            {week[day].on ? (
              <div className="flex items-center gap-2">
                <input
                  type="time"
                  aria-label={t('setup.from', { day: t(`days.${day}`) })}
                  className={inputClass}
                  value={week[day].start}
                  onChange={(event) => setDay(day, { start: event.target.value })}
                />
                <span className="text-slate-400">–</span>
                <input
                  type="time"
                  aria-label={t('setup.to', { day: t(`days.${day}`) })}
                  className={inputClass}
                  value={week[day].end}
                  onChange={(event) => setDay(day, { end: event.target.value })}
                />
              </div>
            ) : (
              <span className="text-sm text-slate-400">{t('setup.closed')}</span>
            )}
          </li>
        ))}
      </ul>
      <div className="mt-4 space-y-3">
        {error && <ErrorState message={apiMessage(error)} />}
        {isSuccess && <Notice tone="success">{t('setup.saved')}</Notice>}
        <Button busy={isLoading} onClick={submit}>
          {t('setup.saveHours')}
        </Button>
      </div>
    </Card>
  );
};
