import { useTranslation } from 'react-i18next';
import type { TBookingStatus } from '@localkart/contracts/bookings';
import { Badge } from '@localkart/web-kit/ui/card';

/** The statuses `POST /api/admin/bookings/{id}/cancel` accepts; others get its 409. */
const FORCE_CANCELLABLE: readonly TBookingStatus[] = ['pending', 'confirmed'];

export const canForceCancel = (status: TBookingStatus) => FORCE_CANCELLABLE.includes(status);

const tones = {
  pending: 'amber',
  confirmed: 'sky',
  in_progress: 'teal',
  completed: 'green',
  cancelled: 'red',
} as const satisfies Record<TBookingStatus, string>;

export const StatusBadge = ({ status }: { status: TBookingStatus }) => {
  const { t } = useTranslation();
  return <Badge tone={tones[status]}>{t(`bookings.statuses.${status}`)}</Badge>;
};
