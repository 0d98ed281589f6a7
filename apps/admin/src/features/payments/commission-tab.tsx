import { useTranslation } from 'react-i18next';
import {
  ZCommissionReport,
  ZReportQuery,
  type TCommissionReport,
} from '@localkart/contracts/admin';
import { formatPaise } from '@localkart/web-kit/format';
import { Card } from '@localkart/web-kit/ui/card';
import { messagesByPath } from '../../components/form-values';
import { QueryState } from '../../components/page-state';
import { PeriodControls, usePeriodParams } from '../../components/period-controls';
import { periodLabel } from './period-label';
import { useCommissionReportQuery } from './payments-api';
import { SectionHeading } from './section-heading';

const GRANULARITIES = ZCommissionReport.shape.granularity.options;
type Figures = TCommissionReport['totals'];

export const CommissionTab = () => {
  const { t } = useTranslation();
  const [period, update] = usePeriodParams(GRANULARITIES, 'day');
  const result = useCommissionReportQuery(period);
  const report = result.data;
  return (
    <section>
      <SectionHeading
        title={t('payments.commission.heading')}
        intro={t('payments.commission.intro')}
      />
      <PeriodControls
        label={t('payments.commission.controls')}
        granularities={GRANULARITIES}
        granularity={period.granularity}
        // Once the report names its range (the API's default, the last 30 days), the fields show it.
        from={period.from ?? report?.from}
        to={period.to ?? report?.to}
        busy={result.isFetching}
        // The API's own rules (order, at most 731 days), checked before asking.
        validate={(range) => {
          const parsed = ZReportQuery.safeParse({ granularity: period.granularity, ...range });
          return parsed.success ? {} : messagesByPath(parsed.error.issues);
        }}
        onChange={update}
      />
      <div className="mt-6">
        <QueryState result={result}>{(data) => <Report report={data} />}</QueryState>
      </div>
    </section>
  );
};

const FIGURES = [
  { key: 'settledBookings', label: 'settledBookings', money: false },
  { key: 'settledPaise', label: 'settled', money: true },
  { key: 'commissionPaise', label: 'commission', money: true },
  { key: 'providerEarningsPaise', label: 'providerEarnings', money: true },
  { key: 'refundedPaise', label: 'refunded', money: true },
] as const satisfies { key: keyof Figures; label: string; money: boolean }[];

const Report = ({ report }: { report: TCommissionReport }) => {
  const { t, i18n } = useTranslation();
  const show = (figures: Figures, figure: (typeof FIGURES)[number]) =>
    figure.money
      ? formatPaise(figures[figure.key])
      : new Intl.NumberFormat(i18n.language === 'hi' ? 'hi-IN' : 'en-IN').format(
          figures[figure.key],
        );
  return (
    <div className="space-y-6">
      <p className="text-sm text-slate-600">
        {t('payments.commission.range', {
          from: periodLabel(report.from, 'day', i18n.language),
          to: periodLabel(report.to, 'day', i18n.language),
          timeZone: report.timeZone,
        })}
      </p>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5">
        {FIGURES.map((figure) => (
          <Card key={figure.key} className="p-4">
            <p className="text-sm font-medium text-slate-600">
              {t(`payments.commission.${figure.label}`)}
            </p>
            <p
              className={`mt-1 text-2xl font-bold tracking-tight ${figure.key === 'commissionPaise' ? 'text-teal-800' : 'text-slate-900'}`}
            >
              {show(report.totals, figure)}
            </p>
          </Card>
        ))}
      </div>
      {report.periods.length === 0 ? (
        <p className="text-sm text-slate-600">{t('payments.commission.empty')}</p>
      ) : (
        <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <caption className="sr-only">{t('payments.commission.caption')}</caption>
            <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-600">
              <tr>
                <th scope="col" className="px-4 py-3 font-semibold">
                  {t('payments.commission.period')}
                </th>
                {FIGURES.map((figure) => (
                  <th key={figure.key} scope="col" className="px-4 py-3 text-right font-semibold">
                    {t(`payments.commission.${figure.label}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {report.periods.map((period) => (
                <tr
                  key={period.start}
                  // Quiet periods fade, so the ones with money stand out in a long range.
                  className={
                    period.settledBookings === 0 && period.refundedPaise === 0
                      ? 'text-slate-400'
                      : 'text-slate-800'
                  }
                >
                  <th scope="row" className="whitespace-nowrap px-4 py-2.5 text-left font-medium">
                    {periodLabel(period.start, report.granularity, i18n.language)}
                  </th>
                  {FIGURES.map((figure) => (
                    <td key={figure.key} className="px-4 py-2.5 text-right tabular-nums">
                      {show(period, figure)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
            <tfoot className="border-t-2 border-slate-200 bg-slate-50 font-semibold">
              <tr>
                <th scope="row" className="px-4 py-2.5 text-left">
                  {t('payments.commission.total')}
                </th>
                {FIGURES.map((figure) => (
                  <td key={figure.key} className="px-4 py-2.5 text-right tabular-nums">
                    {show(report.totals, figure)}
                  </td>
                ))}
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </div>
  );
};
