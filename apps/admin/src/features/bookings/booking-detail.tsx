import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TAdminBookingDetail } from '@localkart/contracts/admin';
import { formatDateTime, formatPaise } from '@localkart/web-kit/format';
import { DetailItem } from '../../components/detail-item';
import { useCategoryNames } from '../taxonomy/use-category-names';
import { BookingMessages } from './booking-messages';
import { StatusBadge } from './booking-status';

const Section = ({ id, title, children }: { id: string; title: string; children: ReactNode }) => (
  <section aria-labelledby={id} className="space-y-3">
    <h3 id={id} className="text-base font-bold text-slate-900">
      {title}
    </h3>
    {children}
  </section>
);

const linkClass =
  'font-medium text-teal-800 underline underline-offset-2 hover:text-teal-950 focus-visible:outline-2 focus-visible:outline-teal-600';

/** The booking's facts, money, cancellation and every status change, then its chat. */
export const BookingDetail = ({ detail }: { detail: TAdminBookingDetail }) => {
  const { t, i18n } = useTranslation();
  const { booking, history } = detail;
  const zone = booking.schedule.timeZone;
  const when = (iso: string) => formatDateTime(iso, i18n.language, zone);
  const { pricing, payment, cancellation } = booking;
  const { categoryName, subcategoryName } = useCategoryNames();
  const { category, subcategory } = booking.service;

  return (
    <div className="space-y-6 text-sm">
      <dl className="grid grid-cols-1 gap-x-6 gap-y-3 sm:grid-cols-2">
        <DetailItem label={t('bookings.detail.when')} wide>
          {when(booking.schedule.startsAt)} – {when(booking.schedule.endsAt)}
          <span className="block text-xs font-normal text-slate-500">{zone}</span>
        </DetailItem>
        <DetailItem label={t('bookings.detail.duration')}>
          {t('bookings.detail.hours', { count: booking.service.estimatedDuration })}
        </DetailItem>
        <DetailItem label={t('bookings.detail.category')}>
          {categoryName(category)}
          {subcategory && ` / ${subcategoryName(category, subcategory)}`}
        </DetailItem>
        <DetailItem label={t('bookings.detail.booked')}>{when(booking.createdAt)}</DetailItem>
        <DetailItem label={t('bookings.detail.description')} wide>
          <span className="font-normal whitespace-pre-line">{booking.service.description}</span>
        </DetailItem>
        <DetailItem label={t('bookings.detail.address')} wide>
          {booking.location.address}
          {booking.location.instructions && (
            <span className="block font-normal text-slate-600">
              {booking.location.instructions}
            </span>
          )}
        </DetailItem>
        <DetailItem label={t('bookings.detail.customer')}>
          <Link to={`/users?user=${booking.customerId}`} className={linkClass}>
            {t('bookings.detail.openCustomer')}
          </Link>
          <span className="block font-mono text-xs font-normal text-slate-500">
            {booking.customerId}
          </span>
        </DetailItem>
        <DetailItem label={t('bookings.detail.provider')}>
          <Link to={`/verification?provider=${booking.providerId}`} className={linkClass}>
            {t('bookings.detail.openProvider')}
          </Link>
          <span className="block font-mono text-xs font-normal text-slate-500">
            {booking.providerId}
          </span>
        </DetailItem>
        <DetailItem label={t('bookings.detail.id')} wide>
          <span className="font-mono text-xs">{booking.id}</span>
        </DetailItem>
      </dl>

      <Section id="booking-money" title={t('bookings.detail.money')}>
        <dl className="grid grid-cols-2 gap-x-6 gap-y-2 rounded-lg border border-slate-200 p-3 sm:grid-cols-3">
          <DetailItem
            label={t('bookings.detail.unitPrice', { unit: t(`bookings.units.${pricing.unit}`) })}
          >
            {formatPaise(pricing.unitPricePaise)}
          </DetailItem>
          <DetailItem label={t('bookings.detail.basePrice')}>
            {formatPaise(pricing.basePricePaise)}
          </DetailItem>
          <DetailItem label={t('bookings.detail.extras')}>
            {formatPaise(pricing.additionalChargesPaise)}
          </DetailItem>
          <DetailItem label={t('bookings.detail.total')}>
            <span className="text-base font-bold">{formatPaise(pricing.totalAmountPaise)}</span>
          </DetailItem>
          <DetailItem label={t('bookings.detail.payment')}>
            {t(`bookings.methods.${payment.method}`)} ·{' '}
            {t(`bookings.paymentStatuses.${payment.status}`)}
          </DetailItem>
          {payment.transactionId && (
            <DetailItem label={t('bookings.detail.transaction')}>
              <span className="font-mono text-xs break-all">{payment.transactionId}</span>
            </DetailItem>
          )}
        </dl>
      </Section>

      {booking.status === 'cancelled' && (
        <Section id="booking-cancellation" title={t('bookings.detail.cancellation')}>
          <dl className="grid grid-cols-1 gap-x-6 gap-y-2 rounded-lg border border-red-200 bg-red-50/50 p-3 sm:grid-cols-2">
            <DetailItem label={t('bookings.detail.cancelledBy')}>
              {cancellation.cancelledBy
                ? t(`bookings.roles.${cancellation.cancelledBy}`)
                : t('common.none')}
            </DetailItem>
            <DetailItem label={t('bookings.detail.fee')}>
              {formatPaise(cancellation.feePaise)}
            </DetailItem>
            <DetailItem label={t('bookings.detail.reason')} wide>
              <span className="font-normal whitespace-pre-line">
                {cancellation.reason ?? t('common.none')}
              </span>
            </DetailItem>
          </dl>
        </Section>
      )}

      <Section id="booking-history" title={t('bookings.detail.history')}>
        {history.length === 0 ? (
          <p className="text-slate-600">{t('bookings.detail.noHistory')}</p>
        ) : (
          <ol className="space-y-3 border-l-2 border-slate-200 pl-4">
            {history.map((entry, index) => (
              <li key={`${entry.createdAt}-${index}`} className="space-y-1">
                <p className="flex flex-wrap items-center gap-2">
                  {entry.fromStatus && (
                    <>
                      <StatusBadge status={entry.fromStatus} />
                      <span aria-hidden="true">→</span>
                      <span className="sr-only">{t('bookings.detail.to')}</span>
                    </>
                  )}
                  <StatusBadge status={entry.toStatus} />
                </p>
                <p className="text-xs text-slate-500">
                  {t('bookings.detail.by', {
                    role: t(`bookings.roles.${entry.actorRole}`),
                    when: when(entry.createdAt),
                  })}
                </p>
                {entry.reason && (
                  <p className="whitespace-pre-line text-slate-700">{entry.reason}</p>
                )}
              </li>
            ))}
          </ol>
        )}
      </Section>

      <Section id="booking-messages" title={t('bookings.messages.title')}>
        <BookingMessages detail={detail} />
      </Section>
    </div>
  );
};
