import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TBookingStatus } from '@localkart/contracts/bookings';
import { api } from '../../api/api';
import { apiMessage } from '@localkart/web-kit/api-error';
import { useLivePollInterval } from '../realtime/live-socket-context';
import { Button } from '@localkart/web-kit/ui/button';
import { PageTitle } from '@localkart/web-kit/ui/card';
import { EmptyState, ErrorState, Loading } from '@localkart/web-kit/ui/states';
import { BookingRow } from './booking-row';
import { StatusTabs } from './status-tabs';

export const MyBookingsPage = () => {
  const pollingInterval = useLivePollInterval();
  const { t } = useTranslation();
  const [status, setStatus] = useState<TBookingStatus>();
  const [page, setPage] = useState(1);
  const { data, isLoading, error, refetch } = api.useMyBookingsQuery(
    { page, ...(status ? { status } : {}) },
    { pollingInterval },
  );
  return (
    <div className="mx-auto max-w-3xl">
      <PageTitle title={t('bookings.title')} />
      <StatusTabs
        value={status}
        onChange={(next) => {
          setStatus(next);
          setPage(1);
        }}
      />
      {isLoading && <Loading />}
      {error && <ErrorState message={apiMessage(error)} onRetry={() => void refetch()} />}
      {data && data.items.length === 0 && (
        <EmptyState title={t('bookings.none')}>
          <Link to="/" className="font-semibold text-teal-800 underline">
            {t('bookings.findSomeone')}
          </Link>
        </EmptyState>
      )}
      {data && data.items.length > 0 && (
        <>
          <ul className="space-y-3">
            {data.items.map((booking) => (
              <BookingRow key={booking.id} booking={booking} />
            ))}
          </ul>
          <div className="mt-4 flex justify-between">
            <Button
              variant="secondary"
              disabled={page === 1}
              onClick={() => setPage((value) => value - 1)}
            >
              {t('common.previous')}
            </Button>
            <Button
              variant="secondary"
              disabled={!data.meta.hasNext}
              onClick={() => setPage((value) => value + 1)}
            >
              {t('common.next')}
            </Button>
          </div>
        </>
      )}
    </div>
  );
};
