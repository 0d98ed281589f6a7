import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TBooking } from '@localkart/contracts/bookings';
import { api } from '../../api/api';
import { apiMessage } from '@localkart/web-kit/api-error';
import { formatPaise } from '@localkart/web-kit/format';
import { Button } from '@localkart/web-kit/ui/button';
import { TextField } from '@localkart/web-kit/ui/field';
import { ErrorState } from '@localkart/web-kit/ui/states';
import { RescheduleForm } from './reschedule-form';

type Action = 'confirm' | 'start' | 'complete' | 'cancel';

const useAction = (booking: TBooking) => {
  const [run, state] = api.useBookingActionMutation();
  const act = (action: Action, body?: Record<string, string | number>) =>
    void run({ id: booking.id, action, ...(body ? { body } : {}) });
  return { act, state };
};

/** What the customer may do now: reschedule while pending, cancel while pending or confirmed. */
export const CustomerActions = ({ booking }: { booking: TBooking }) => {
  const { t } = useTranslation();
  const { act, state } = useAction(booking);
  const [rescheduling, setRescheduling] = useState(false);
  const canCancel = booking.status === 'pending' || booking.status === 'confirmed';
  if (rescheduling)
    return <RescheduleForm booking={booking} onDone={() => setRescheduling(false)} />;
  if (!canCancel) return null;
  const fee = booking.cancellation.policy.feeIfCancelledNowPaise;
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-2">
        {booking.status === 'pending' && (
          <Button variant="secondary" onClick={() => setRescheduling(true)}>
            {t('bookings.reschedule')}
          </Button>
        )}
        <Button variant="danger" busy={state.isLoading} onClick={() => act('cancel')}>
          {t('bookings.cancel')}
        </Button>
      </div>
      <p className="text-xs text-slate-500">
        {fee > 0 ? t('bookings.cancelFee', { fee: formatPaise(fee) }) : t('bookings.cancelFree')}
      </p>
      {state.error && <ErrorState message={apiMessage(state.error)} />}
    </div>
  );
};

/** The provider's side: confirm (or propose another time), start, complete, cancel. */
export const ProviderActions = ({ booking }: { booking: TBooking }) => {
  const { t } = useTranslation();
  const { act, state } = useAction(booking);
  const [proposing, setProposing] = useState(false);
  const [date, setDate] = useState(booking.schedule.preferredDate);
  const [time, setTime] = useState(booking.schedule.preferredTime);
  const [extra, setExtra] = useState('');
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-2">
        {booking.status === 'pending' && (
          <>
            <Button busy={state.isLoading} onClick={() => act('confirm')}>
              {t('providerSide.confirm')}
            </Button>
            <Button variant="secondary" onClick={() => setProposing((value) => !value)}>
              {t('providerSide.propose')}
            </Button>
          </>
        )}
        {booking.status === 'confirmed' && (
          <Button busy={state.isLoading} onClick={() => act('start')}>
            {t('providerSide.start')}
          </Button>
        )}
        {(booking.status === 'pending' || booking.status === 'confirmed') && (
          <Button variant="danger" busy={state.isLoading} onClick={() => act('cancel')}>
            {t('providerSide.decline')}
          </Button>
        )}
      </div>
      {booking.status === 'in_progress' && (
        <div className="flex flex-wrap items-end gap-2">
          <div className="w-48">
            <TextField
              label={t('providerSide.extraCharges')}
              inputMode="numeric"
              placeholder="₹0"
              value={extra}
              onChange={(event) => setExtra(event.target.value.replace(/\D/g, ''))}
            />
          </div>
          <Button
            busy={state.isLoading}
            onClick={() =>
              act('complete', extra ? { additionalChargesPaise: Number(extra) * 100 } : undefined)
            }
          >
            {t('providerSide.complete')}
          </Button>
        </div>
      )}
      {proposing && booking.status === 'pending' && (
        <div className="flex flex-wrap items-end gap-2 rounded-xl bg-slate-50 p-3">
          <TextField
            label={t('providerSide.date')}
            type="date"
            value={date}
            onChange={(event) => setDate(event.target.value)}
          />
          <TextField
            label={t('providerSide.time')}
            type="time"
            step={900}
            value={time}
            onChange={(event) => setTime(event.target.value)}
          />
          <Button
            busy={state.isLoading}
            onClick={() => act('confirm', { confirmedDate: date, confirmedTime: time })}
          >
            {t('providerSide.confirmAt')}
          </Button>
        </div>
      )}
      {state.error && <ErrorState message={apiMessage(state.error)} />}
    </div>
  );
};
