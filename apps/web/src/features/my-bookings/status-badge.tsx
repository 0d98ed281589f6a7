import { useTranslation } from 'react-i18next';
import type { TBookingStatus } from '@localkart/contracts/bookings';
import { Badge } from '@localkart/web-kit/ui/card';

const tones = {
  pending: 'amber',
  confirmed: 'sky',
  in_progress: 'teal',
  completed: 'green',
  cancelled: 'red',
} as const;

export const StatusBadge = ({ status }: { status: TBookingStatus }) => {
  const { t } = useTranslation();
  return (
    <span data-testid="booking-status" data-status={status}>
      <Badge tone={tones[status]}>{t(`status.${status}`)}</Badge>
    </span>
  );
};
