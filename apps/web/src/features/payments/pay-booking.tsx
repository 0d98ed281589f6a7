import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TBooking } from '@localkart/contracts/bookings';
import { apiMessage } from '@localkart/web-kit/api-error';
import { formatDateTime, formatPaise } from '@localkart/web-kit/format';
import { Button } from '@localkart/web-kit/ui/button';
import { ErrorState } from '@localkart/web-kit/ui/states';
import { api } from '../../api/api';
import { OrderPayment } from './order-payment';

/** The bookings the API lets a customer pay online now (see `POST …/payment-order`). */
export const awaitsOnlinePayment = (booking: TBooking) =>
  booking.payment.method === 'online' &&
  booking.payment.status === 'pending' &&
  ['pending', 'confirmed', 'in_progress'].includes(booking.status);

/**
 * Paying an online booking after it was made: the checkout was closed, or the payment failed.
 * The API hands back the booking's unpaid order (the same one until it is paid), so paying twice
 * from two tabs pays once.
 */
export const PayBooking = ({ booking }: { booking: TBooking }) => {
  const { t, i18n } = useTranslation();
  const [openOrder, { data: order, isLoading, error }] = api.useBookingPaymentOrderMutation();
  const [checkoutOpen, setCheckoutOpen] = useState(false);
  if (!awaitsOnlinePayment(booking)) return null;
  if (order && checkoutOpen)
    return <OrderPayment order={order} onDone={() => setCheckoutOpen(false)} />;
  return (
    <div className="space-y-3 rounded-xl border border-amber-200 bg-amber-50 p-4">
      <p className="text-sm text-amber-900">
        {t('bookings.paymentDue')}{' '}
        {booking.payment.payBy &&
          t('bookings.payBy', {
            time: formatDateTime(booking.payment.payBy, i18n.language, booking.schedule.timeZone),
          })}
      </p>
      <Button
        busy={isLoading}
        onClick={() => void openOrder(booking.id).then((result) => setCheckoutOpen(!result.error))}
      >
        {t('bookings.payNow', { amount: formatPaise(booking.pricing.totalAmountPaise) })}
      </Button>
      {error && <ErrorState message={apiMessage(error)} />}
    </div>
  );
};
