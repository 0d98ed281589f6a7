import { useTranslation } from 'react-i18next';
import type { TBookingQuote } from '@localkart/contracts/bookings';
import { formatDateTime, formatPaise } from '@localkart/web-kit/format';

export const PriceBreakdown = ({ quote }: { quote: TBookingQuote }) => {
  const { t, i18n } = useTranslation();
  const { pricing, cancellationPolicy: policy } = quote;
  return (
    <div className="space-y-3 text-sm">
      <dl className="space-y-1.5">
        <div className="flex justify-between">
          <dt className="text-slate-600">
            {pricing.unit === 'hour'
              ? t('booking.perHourLine', {
                  price: formatPaise(pricing.unitPricePaise),
                  hours: quote.service.estimatedDuration,
                })
              : t(`units.${pricing.unit}`)}
          </dt>
          <dd>{formatPaise(pricing.basePricePaise)}</dd>
        </div>
        {pricing.additionalChargesPaise > 0 && (
          <div className="flex justify-between">
            <dt className="text-slate-600">{t('booking.extras')}</dt>
            <dd>{formatPaise(pricing.additionalChargesPaise)}</dd>
          </div>
        )}
        <div className="flex justify-between border-t border-slate-200 pt-2 text-base font-bold">
          <dt>{t('booking.total')}</dt>
          <dd data-testid="quote-total">{formatPaise(pricing.totalAmountPaise)}</dd>
        </div>
      </dl>
      <div className="rounded-lg bg-slate-50 p-3 text-xs text-slate-600">
        <p className="font-semibold text-slate-700">{t('booking.cancellationPolicy')}</p>
        <p className="mt-1">
          {policy.feeBps === 0
            ? t('booking.freeAlways')
            : t('booking.policyLine', {
                hours: policy.freeCancellationHours,
                percent: policy.feeBps / 100,
                until: formatDateTime(policy.freeUntil, i18n.language),
              })}
        </p>
      </div>
    </div>
  );
};
