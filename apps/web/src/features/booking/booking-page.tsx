import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { TBooking, TCreateBookingRequest } from '@localkart/contracts/bookings';
import type { TPublicProviderProfile } from '@localkart/contracts/providers';
import { api } from '../../api/api';
import { useSession } from '../../app/store';
import { apiCode, apiMessage, fieldErrors } from '@localkart/web-kit/api-error';
import { formatCalendarDate, formatClock, formatPaise } from '@localkart/web-kit/format';
import { useIdempotencyKey } from '../../lib/idempotency';
import { buttonClass, Button } from '@localkart/web-kit/ui/button';
import { Card, PageTitle } from '@localkart/web-kit/ui/card';
import { SelectField, TextArea } from '@localkart/web-kit/ui/field';
import { ErrorState, Loading, Notice } from '@localkart/web-kit/ui/states';
import { OrderPayment } from '../payments/order-payment';
import { AddressPicker, type Address } from './address-picker';
import { PriceBreakdown } from './price-breakdown';
import { SlotPicker, slotKey } from './slot-picker';
import { slotsByDay, type Slot } from './slots';

type Method = TCreateBookingRequest['paymentMethod'];

const Step = ({
  number,
  title,
  children,
}: {
  number: number;
  title: string;
  children: React.ReactNode;
}) => (
  <Card>
    <h2 className="mb-4 flex items-center gap-3 text-lg font-semibold">
      <span
        aria-hidden="true"
        className="flex h-7 w-7 items-center justify-center rounded-full bg-teal-700 text-sm text-white"
      >
        {number}
      </span>
      {title}
    </h2>
    {children}
  </Card>
);

const Confirmation = ({ booking }: { booking: TBooking }) => {
  const { t, i18n } = useTranslation();
  const [paid, setPaid] = useState(false);
  const order = booking.payment.order;
  return (
    <div className="mx-auto max-w-lg space-y-4">
      <Card className="text-center">
        <p aria-hidden="true" className="text-4xl">
          ✓
        </p>
        <h1 className="mt-2 text-2xl font-bold">{t('booking.requested')}</h1>
        <p className="mt-2 text-slate-600">
          {t('booking.requestedBody', {
            date: formatCalendarDate(booking.schedule.preferredDate, i18n.language),
            time: formatClock(booking.schedule.preferredTime, i18n.language),
          })}
        </p>
        <p className="mt-2 text-lg font-semibold">
          {formatPaise(booking.pricing.totalAmountPaise)}
        </p>
      </Card>
      {order && order.status === 'created' && !paid && (
        <OrderPayment order={order} onDone={() => setPaid(true)} />
      )}
      <Link to={`/bookings/${booking.id}`} className={buttonClass('primary', 'w-full')}>
        {t('booking.viewBooking')}
      </Link>
    </div>
  );
};

const BookingForm = ({ provider }: { provider: TPublicProviderProfile }) => {
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  const [serviceId, setServiceId] = useState(provider.services[0]?.id ?? '');
  const service = provider.services.find((candidate) => candidate.id === serviceId);
  const [description, setDescription] = useState('');
  const [hours, setHours] = useState(1);
  const [slot, setSlot] = useState<Slot>();
  const [taken, setTaken] = useState<Set<string>>(new Set());
  const centre = user?.location?.coordinates ??
    provider.serviceAreas[0]?.centre ?? { lat: 12.9716, lng: 77.5946 };
  const [address, setAddress] = useState<Address>({
    address: user?.location?.address ?? '',
    instructions: '',
    lat: centre.lat,
    lng: centre.lng,
  });
  const [method, setMethod] = useState<Method>('cash');
  const [quote, quoteState] = api.useQuoteMutation();
  const [create, creation] = api.useCreateBookingMutation();
  const { key } = useIdempotencyKey();

  const days = useMemo(
    () =>
      slotsByDay({
        availability: provider.availability,
        unavailableDates: provider.unavailableDates
          .filter((day) => day.allDay)
          .map((day) => day.date),
        timeZone: provider.timeZone,
        durationMinutes: Math.round((service?.unit === 'hour' ? hours : 1) * 60),
        now: new Date(),
      }),
    [provider, service?.unit, hours],
  );

  // Quoted once the job, time and address are there: the quote runs every check of a booking.
  const request: TCreateBookingRequest | undefined =
    service && slot && description.trim().length >= 3 && address.address.trim().length >= 3
      ? {
          providerId: provider.id,
          service: {
            serviceId: service.id,
            category: service.categorySlug,
            subcategory: service.subcategorySlug,
            description: description.trim(),
            ...(service.unit === 'hour' ? { estimatedDuration: hours } : {}),
          },
          location: {
            address: address.address.trim(),
            coordinates: [address.lng, address.lat],
            ...(address.instructions.trim() ? { instructions: address.instructions.trim() } : {}),
          },
          schedule: { preferredDate: slot.date, preferredTime: slot.time },
          paymentMethod: method,
        }
      : undefined;

  // Price and policy follow every change; the same checks as booking, nothing created.
  const requestJson = JSON.stringify(request);
  useEffect(() => {
    if (!request) return;
    void quote(request).then((result) => {
      if (result.data && !result.data.slotFree && slot)
        setTaken((current) => new Set(current).add(slotKey(slot)));
    });
    // requestJson stands for the request's content.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [requestJson]);

  if (creation.data) return <Confirmation booking={creation.data} />;

  const errors = { ...fieldErrors(quoteState.error), ...fieldErrors(creation.error) };
  const slotTaken = !!slot && taken.has(slotKey(slot));
  const ready = !!request && !slotTaken && !!quoteState.data && !quoteState.error;
  const submit = () => {
    if (request) void create({ body: request, idempotencyKey: key });
  };
  const walletShort = apiCode(creation.error) === 'CONFLICT' && method === 'wallet';

  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_340px]">
      <div className="space-y-6">
        <Step number={1} title={t('booking.stepService')}>
          <div className="space-y-4">
            <SelectField
              label={t('booking.service')}
              value={serviceId}
              onChange={(event) => setServiceId(event.target.value)}
            >
              {provider.services.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {candidate.title} — {formatPaise(candidate.basePricePaise)}{' '}
                  {t(`units.${candidate.unit}`)}
                </option>
              ))}
            </SelectField>
            {service?.unit === 'hour' && (
              <SelectField
                label={t('booking.hours')}
                value={String(hours)}
                onChange={(event) => setHours(Number(event.target.value))}
              >
                {[1, 1.5, 2, 3, 4].map((value) => (
                  <option key={value} value={value}>
                    {t('booking.hoursOption', { count: value })}
                  </option>
                ))}
              </SelectField>
            )}
            <TextArea
              label={t('booking.describeJob')}
              rows={3}
              placeholder={t('booking.describeJobPlaceholder')}
              value={description}
              onChange={(event) => setDescription(event.target.value)}
              error={errors['service.description']}
            />
          </div>
        </Step>
        <Step number={2} title={t('booking.stepTime')}>
          <SlotPicker days={days} selected={slot} onSelect={setSlot} taken={taken} />
          {slotTaken && (
            <p role="alert" className="mt-3 text-sm font-medium text-red-700">
              {t('booking.slotTaken')}
            </p>
          )}
          {errors['schedule.preferredTime'] && (
            <p role="alert" className="mt-3 text-sm text-red-700">
              {errors['schedule.preferredTime']}
            </p>
          )}
        </Step>
        <Step number={3} title={t('booking.stepAddress')}>
          <AddressPicker value={address} onChange={setAddress} errors={errors} />
        </Step>
        <Step number={4} title={t('booking.stepPayment')}>
          <fieldset className="grid gap-2 sm:grid-cols-3">
            <legend className="sr-only">{t('booking.stepPayment')}</legend>
            {(['cash', 'wallet', 'online'] as const).map((option) => (
              <label
                key={option}
                className={`cursor-pointer rounded-xl border p-3 text-sm ${method === option ? 'border-teal-600 bg-teal-50 ring-1 ring-teal-600' : 'border-slate-200 hover:border-slate-300'}`}
              >
                <input
                  type="radio"
                  name="payment"
                  value={option}
                  checked={method === option}
                  onChange={() => setMethod(option)}
                  className="sr-only"
                />
                <span className="block font-semibold">{t(`booking.methods.${option}`)}</span>
                <span className="block text-xs text-slate-500">
                  {t(`booking.methodHints.${option}`)}
                </span>
              </label>
            ))}
          </fieldset>
          {method === 'online' && (
            <p className="mt-3 text-xs font-medium text-amber-800">{t('booking.onlineNote')}</p>
          )}
        </Step>
      </div>
      <aside className="space-y-4 lg:sticky lg:top-24 lg:self-start">
        <Card>
          <h2 className="mb-3 font-semibold">{t('booking.summary')}</h2>
          <p className="text-sm font-medium">{provider.businessName}</p>
          {slot && (
            <p className="text-sm text-slate-600">
              {formatCalendarDate(slot.date, i18n.language)} ·{' '}
              {formatClock(slot.time, i18n.language)}
            </p>
          )}
          <div className="mt-4">
            {!request && <p className="text-sm text-slate-500">{t('booking.pickToQuote')}</p>}
            {request && quoteState.isLoading && <Loading label={t('booking.pricing')} />}
            {request && quoteState.data && <PriceBreakdown quote={quoteState.data} />}
            {request &&
              quoteState.error &&
              Object.keys(fieldErrors(quoteState.error)).length === 0 && (
                <ErrorState message={apiMessage(quoteState.error)} />
              )}
          </div>
          {walletShort && (
            <div className="mt-3">
              <Notice tone="warning">
                {t('booking.walletShort')}{' '}
                <Link className="underline" to="/wallet">
                  {t('nav.wallet')}
                </Link>
              </Notice>
            </div>
          )}
          {creation.error &&
            !walletShort &&
            Object.keys(fieldErrors(creation.error)).length === 0 && (
              <div className="mt-3">
                <ErrorState message={apiMessage(creation.error)} />
              </div>
            )}
          <Button
            className="mt-4 w-full"
            disabled={!ready}
            busy={creation.isLoading}
            onClick={submit}
          >
            {t('booking.confirm')}
          </Button>
        </Card>
      </aside>
    </div>
  );
};

export const BookingPage = () => {
  const { t } = useTranslation();
  const { providerId = '' } = useParams();
  const { data: provider, isLoading, error, refetch } = api.usePublicProviderQuery(providerId);
  if (isLoading) return <Loading />;
  if (error || !provider)
    return <ErrorState message={apiMessage(error)} onRetry={() => void refetch()} />;
  return (
    <div>
      <PageTitle title={t('booking.title', { name: provider.businessName })} />
      <BookingForm provider={provider} />
    </div>
  );
};
