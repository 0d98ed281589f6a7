import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCalendarDate, formatClock } from '@localkart/web-kit/format';
import type { Slot } from './slots';

type Props = {
  days: { date: string; slots: Slot[] }[];
  selected: Slot | undefined;
  onSelect: (slot: Slot) => void;
  /** Slots the server said are taken, as `date time`. */
  taken?: ReadonlySet<string>;
};

export const slotKey = (slot: Slot) => `${slot.date} ${slot.time}`;

const chip = (active: boolean) =>
  `shrink-0 rounded-xl px-3 py-2 text-sm font-medium ring-1 ring-inset transition focus-visible:outline-2 focus-visible:outline-teal-600 ${
    active
      ? 'bg-teal-700 text-white ring-teal-700'
      : 'bg-white text-slate-800 ring-slate-300 hover:ring-teal-600'
  }`;

/**
 * A row of days, then the free start times of the chosen day as radio buttons: a week of hourly
 * slots stays one screen tall on a phone.
 */
export const SlotPicker = ({ days, selected, onSelect, taken = new Set() }: Props) => {
  const { t, i18n } = useTranslation();
  const [activeDate, setActiveDate] = useState(selected?.date ?? days[0]?.date);
  const day = days.find((candidate) => candidate.date === activeDate) ?? days[0];
  if (!day) return <p className="text-sm text-slate-600">{t('booking.noSlots')}</p>;
  return (
    <div className="space-y-4">
      <div
        role="group"
        aria-label={t('booking.pickDay')}
        className="-mx-1 flex gap-2 overflow-x-auto px-1 pb-1"
      >
        {days.map((candidate) => (
          <button
            key={candidate.date}
            type="button"
            aria-pressed={candidate.date === day.date}
            onClick={() => setActiveDate(candidate.date)}
            className={chip(candidate.date === day.date)}
          >
            {formatCalendarDate(candidate.date, i18n.language)}
          </button>
        ))}
      </div>
      <div
        role="radiogroup"
        aria-label={t('booking.pickSlot')}
        className="grid grid-cols-3 gap-2 sm:grid-cols-4 md:grid-cols-6"
      >
        {day.slots.map((slot) => {
          const key = slotKey(slot);
          const isSelected = selected !== undefined && slotKey(selected) === key;
          const isTaken = taken.has(key);
          return (
            <button
              key={key}
              type="button"
              role="radio"
              aria-checked={isSelected}
              disabled={isTaken}
              onClick={() => onSelect(slot)}
              className={
                isTaken
                  ? 'cursor-not-allowed rounded-xl px-3 py-2 text-sm text-slate-400 line-through ring-1 ring-inset ring-slate-200'
                  : chip(isSelected)
              }
            >
              {formatClock(slot.time, i18n.language)}
            </button>
          );
        })}
      </div>
    </div>
  );
};
