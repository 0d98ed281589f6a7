import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TBooking } from '@localkart/contracts/bookings';
import { errorMessage } from '@localkart/web-kit/api-error';
import { formatDateTime, formatPaise } from '@localkart/web-kit/format';
import { Button } from '@localkart/web-kit/ui/button';
import { Notice } from '@localkart/web-kit/ui/states';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { Drawer } from '../../components/drawer';
import { QueryState } from '../../components/page-state';
import { BookingDetail } from './booking-detail';
import { canForceCancel, StatusBadge } from './booking-status';
import { useAdminBookingQuery, useForceCancelBookingMutation } from './bookings-api';

/** A booking for a dispute: its details, status history and chat, and the force-cancel. */
export const BookingDrawer = ({
  bookingId,
  onClose,
}: {
  bookingId: string | undefined;
  onClose: () => void;
}) => {
  const { t, i18n } = useTranslation();
  const result = useAdminBookingQuery(bookingId ?? '', { skip: !bookingId });
  const booking = result.data?.booking.id === bookingId ? result.data?.booking : undefined;
  return (
    <Drawer
      open={!!bookingId}
      title={booking ? booking.service.title : t('common.loading')}
      subtitle={
        booking && (
          <span className="flex flex-wrap items-center gap-2">
            <StatusBadge status={booking.status} />
            {formatDateTime(booking.schedule.startsAt, i18n.language, booking.schedule.timeZone)}
          </span>
        )
      }
      footer={
        booking && (
          // Keyed: another booking starts without this one's dialog, error or notice.
          <ForceCancel key={booking.id} booking={booking} />
        )
      }
      onClose={onClose}
    >
      {bookingId && (
        <QueryState result={result}>{(detail) => <BookingDetail detail={detail} />}</QueryState>
      )}
    </Drawer>
  );
};

/** The drawer's footer: the force-cancel while the API allows it, then what it refunded. */
const ForceCancel = ({ booking }: { booking: TBooking }) => {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [cancel, state] = useForceCancelBookingMutation();
  const refunded = state.data?.refundedPaise;

  if (refunded !== undefined)
    return (
      <Notice tone="success">
        {refunded > 0
          ? t('bookings.cancelled', { amount: formatPaise(refunded) })
          : t('bookings.cancelledNothingHeld')}
      </Notice>
    );
  if (booking.status === 'cancelled')
    return <p className="text-sm text-slate-600">{t('bookings.alreadyCancelled')}</p>;
  if (!canForceCancel(booking.status))
    return <p className="text-sm text-slate-600">{t('bookings.notCancellable')}</p>;

  const confirm = async (reason: string | undefined) => {
    if (!reason) return;
    const result = await cancel({ bookingId: booking.id, reason });
    if (!result.error) setOpen(false);
  };
  const money = {
    total: formatPaise(booking.pricing.totalAmountPaise),
    method: t(`bookings.methods.${booking.payment.method}`),
  };

  return (
    <>
      <Button variant="danger" onClick={() => setOpen(true)}>
        {t('bookings.forceCancel')}
      </Button>
      <ConfirmDialog
        open={open}
        title={t('bookings.cancelDialog.title')}
        message={
          booking.payment.status === 'paid'
            ? t('bookings.cancelDialog.refund', money)
            : t('bookings.cancelDialog.nothingPaid', money)
        }
        confirmLabel={t('bookings.cancelDialog.confirm')}
        reason="required"
        busy={state.isLoading}
        error={errorMessage(state.error, t('common.errorBody'))}
        onConfirm={(reason) => void confirm(reason)}
        onCancel={() => {
          setOpen(false);
          state.reset();
        }}
      />
    </>
  );
};
