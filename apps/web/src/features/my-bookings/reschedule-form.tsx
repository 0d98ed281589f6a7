import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TBooking } from '@localkart/contracts/bookings';
import { api } from '../../api/api';
import { apiMessage } from '@localkart/web-kit/api-error';
import { Button } from '@localkart/web-kit/ui/button';
import { ErrorState, Loading } from '@localkart/web-kit/ui/states';
import { SlotPicker } from '../booking/slot-picker';
import { slotsByDay, type Slot } from '../booking/slots';

/** A new time for a pending booking, from the provider's real weekly hours. */
export const RescheduleForm = ({ booking, onDone }: { booking: TBooking; onDone: () => void }) => {
  const { t } = useTranslation();
  const { data: provider, isLoading } = api.usePublicProviderQuery(booking.providerId);
  const [slot, setSlot] = useState<Slot>();
  const [reschedule, state] = api.useRescheduleMutation();
  if (isLoading || !provider) return <Loading />;
  const days = slotsByDay({
    availability: provider.availability,
    unavailableDates: provider.unavailableDates.filter((day) => day.allDay).map((day) => day.date),
    timeZone: provider.timeZone,
    durationMinutes: Math.round(booking.service.estimatedDuration * 60),
    now: new Date(),
  });
  const save = async () => {
    if (!slot) return;
    const result = await reschedule({
      id: booking.id,
      body: { schedule: { preferredDate: slot.date, preferredTime: slot.time } },
    });
    if (!result.error) onDone();
  };
  return (
    <div className="space-y-4">
      <SlotPicker days={days} selected={slot} onSelect={setSlot} />
      {state.error && <ErrorState message={apiMessage(state.error)} />}
      <div className="flex gap-2">
        <Button busy={state.isLoading} disabled={!slot} onClick={() => void save()}>
          {t('bookings.saveTime')}
        </Button>
        <Button variant="ghost" onClick={onDone}>
          {t('common.cancel')}
        </Button>
      </div>
    </div>
  );
};
