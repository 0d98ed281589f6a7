import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { TBooking } from '@localkart/contracts/bookings';
import { api } from '../../api/api';
import { useSession } from '../../app/store';
import { apiMessage } from '@localkart/web-kit/api-error';
import { formatDateTime, formatPaise } from '@localkart/web-kit/format';
import { useLivePollInterval } from '../realtime/live-socket-context';
import { Card } from '@localkart/web-kit/ui/card';
import { ErrorState, Loading } from '@localkart/web-kit/ui/states';
import { CustomerActions, ProviderActions } from './booking-actions';
import { PayBooking } from '../payments/pay-booking';
import { ReviewForm } from './review-form';
import { StatusBadge } from './status-badge';
import { BookingChat } from '../chat/booking-chat';

const Row = ({ label, children }: { label: string; children: React.ReactNode }) => (
  <div className="grid grid-cols-[120px_1fr] gap-3 py-2 text-sm sm:grid-cols-[160px_1fr]">
    <dt className="text-slate-500">{label}</dt>
    <dd className="text-slate-800">{children}</dd>
  </div>
);

const Details = ({ booking }: { booking: TBooking }) => {
  const { t, i18n } = useTranslation();
  return (
    <dl className="divide-y divide-slate-100">
      <Row label={t('bookings.when')}>
        {formatDateTime(booking.schedule.startsAt, i18n.language, booking.schedule.timeZone)}
      </Row>
      <Row label={t('bookings.job')}>
        <span className="whitespace-pre-line">{booking.service.description}</span>
      </Row>
      <Row label={t('booking.address')}>
        {booking.location.address}
        {booking.location.instructions && (
          <span className="block text-slate-500">{booking.location.instructions}</span>
        )}
      </Row>
      <Row label={t('booking.total')}>
        <span className="font-semibold">{formatPaise(booking.pricing.totalAmountPaise)}</span>
        {booking.pricing.additionalChargesPaise > 0 && (
          <span className="text-slate-500">
            {' '}
            ({t('booking.extras')}: {formatPaise(booking.pricing.additionalChargesPaise)})
          </span>
        )}
      </Row>
      <Row label={t('bookings.payment')}>
        {t(`booking.methods.${booking.payment.method}`)} ·{' '}
        {t(`bookings.paymentStatus.${booking.payment.status}`)}
      </Row>
      {booking.status === 'cancelled' && (
        <Row label={t('bookings.cancelled')}>
          {booking.cancellation.cancelledBy && t(`roles.${booking.cancellation.cancelledBy}`)}
          {booking.cancellation.feePaise > 0 &&
            ` · ${t('bookings.feeKept', { fee: formatPaise(booking.cancellation.feePaise) })}`}
        </Row>
      )}
    </dl>
  );
};

export const BookingDetailPage = () => {
  const pollingInterval = useLivePollInterval();
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { user } = useSession();
  const { data: booking, isLoading, error, refetch } = api.useBookingQuery(id, { pollingInterval });
  if (isLoading) return <Loading />;
  if (error || !booking)
    return <ErrorState message={apiMessage(error)} onRetry={() => void refetch()} />;
  const isProvider = user?.role === 'provider' && user.id !== booking.customerId;
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <Link
        to={isProvider ? '/provider' : '/bookings'}
        className="text-sm font-medium text-teal-800 hover:underline"
      >
        ← {t('common.back')}
      </Link>
      <Card>
        <div className="mb-2 flex flex-wrap items-start justify-between gap-3">
          <div>
            <h1 className="text-xl font-bold sm:text-2xl">{booking.service.title}</h1>
            {!isProvider && (
              <Link
                to={`/providers/${booking.providerId}`}
                className="text-sm text-teal-800 hover:underline"
              >
                {t('bookings.providerPage')}
              </Link>
            )}
          </div>
          <StatusBadge status={booking.status} />
        </div>
        <Details booking={booking} />
        <div className="mt-4 border-t border-slate-100 pt-4">
          {isProvider ? (
            <ProviderActions booking={booking} />
          ) : (
            <div className="space-y-4">
              <PayBooking booking={booking} />
              <CustomerActions booking={booking} />
            </div>
          )}
        </div>
      </Card>
      {!isProvider && booking.status === 'completed' && (
        <Card>
          <h2 className="mb-3 text-lg font-semibold">{t('review.title')}</h2>
          <ReviewForm bookingId={booking.id} />
        </Card>
      )}
      <BookingChat booking={booking} />
    </div>
  );
};
