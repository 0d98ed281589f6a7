import { useTranslation } from 'react-i18next';
import type { TBookingStatus } from '@localkart/contracts/bookings';

const STATUSES: (TBookingStatus | undefined)[] = [
  undefined,
  'pending',
  'confirmed',
  'in_progress',
  'completed',
  'cancelled',
];

export const StatusTabs = ({
  value,
  onChange,
}: {
  value: TBookingStatus | undefined;
  onChange: (status: TBookingStatus | undefined) => void;
}) => {
  const { t } = useTranslation();
  return (
    <div
      role="tablist"
      aria-label={t('bookings.filter')}
      className="mb-4 flex gap-1 overflow-x-auto"
    >
      {STATUSES.map((status) => (
        <button
          key={status ?? 'all'}
          type="button"
          role="tab"
          aria-selected={value === status}
          onClick={() => onChange(status)}
          className={`whitespace-nowrap rounded-full px-3 py-1.5 text-sm font-medium ${value === status ? 'bg-teal-700 text-white' : 'bg-white text-slate-600 ring-1 ring-inset ring-slate-200 hover:bg-slate-50'}`}
        >
          {status ? t(`status.${status}`) : t('bookings.all')}
        </button>
      ))}
    </div>
  );
};
