import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  BarElement,
  CategoryScale,
  Chart as ChartJS,
  Legend,
  LinearScale,
  LineElement,
  PointElement,
  Tooltip,
  Filler,
} from 'chart.js';
import { Bar, Line } from 'react-chartjs-2';
import type { TAnalyticsGranularity } from '@localkart/contracts/provider-analytics';
import { api } from '../../api/api';
import { apiMessage } from '@localkart/web-kit/api-error';
import { formatCalendarDate, formatPaise } from '@localkart/web-kit/format';
import { Card, PageTitle } from '@localkart/web-kit/ui/card';
import { SelectField } from '@localkart/web-kit/ui/field';
import { ErrorState, Loading } from '@localkart/web-kit/ui/states';
import { ProviderNav } from './provider-nav';

ChartJS.register(
  CategoryScale,
  LinearScale,
  BarElement,
  LineElement,
  PointElement,
  Tooltip,
  Legend,
  Filler,
);

const Stat = ({ label, value }: { label: string; value: string }) => (
  <Card className="p-4">
    <p className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</p>
    <p className="mt-1 text-2xl font-bold text-slate-900">{value}</p>
  </Card>
);

const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 100)}%`);

export const AnalyticsPage = () => {
  const { t, i18n } = useTranslation();
  const [granularity, setGranularity] = useState<TAnalyticsGranularity>('day');
  const { data, isLoading, error, refetch } = api.useAnalyticsQuery({ granularity });
  const weekdayNames = [
    'sunday',
    'monday',
    'tuesday',
    'wednesday',
    'thursday',
    'friday',
    'saturday',
  ] as const;
  return (
    <div>
      <PageTitle
        title={t('analytics.title')}
        subtitle={
          data
            ? `${formatCalendarDate(data.from, i18n.language)} – ${formatCalendarDate(data.to, i18n.language)}`
            : undefined
        }
      />
      <ProviderNav />
      <div className="mb-4 w-48">
        <SelectField
          label={t('analytics.granularity')}
          value={granularity}
          onChange={(event) => setGranularity(event.target.value as TAnalyticsGranularity)}
        >
          {(['day', 'week', 'month'] as const).map((value) => (
            <option key={value} value={value}>
              {t(`analytics.by.${value}`)}
            </option>
          ))}
        </SelectField>
      </div>
      {isLoading && <Loading />}
      {error && <ErrorState message={apiMessage(error)} onRetry={() => void refetch()} />}
      {data && (
        <div className="space-y-6">
          <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
            <Stat label={t('analytics.bookings')} value={String(data.totals.bookings.total)} />
            <Stat
              label={t('analytics.earnings')}
              value={formatPaise(data.totals.revenue.netPaise)}
            />
            <Stat label={t('analytics.completion')} value={percent(data.totals.completionRate)} />
            <Stat label={t('analytics.repeat')} value={percent(data.totals.repeatCustomerShare)} />
          </div>
          <div className="grid gap-6 lg:grid-cols-2">
            <Card>
              <h2 className="mb-3 font-semibold">{t('analytics.revenueChart')}</h2>
              <Line
                aria-label={t('analytics.revenueChart')}
                role="img"
                data={{
                  labels: data.periods.map((period) =>
                    formatCalendarDate(period.start, i18n.language),
                  ),
                  datasets: [
                    {
                      label: t('analytics.gross'),
                      data: data.periods.map((period) => period.revenue.grossPaise / 100),
                      borderColor: '#0f766e',
                      backgroundColor: 'rgba(15,118,110,0.12)',
                      fill: true,
                      tension: 0.3,
                    },
                    {
                      label: t('analytics.net'),
                      data: data.periods.map((period) => period.revenue.netPaise / 100),
                      borderColor: '#f59e0b',
                      tension: 0.3,
                    },
                  ],
                }}
                options={{
                  responsive: true,
                  plugins: { legend: { position: 'bottom' } },
                  scales: {
                    y: {
                      beginAtZero: true,
                      ticks: { callback: (value) => formatPaise(Number(value) * 100) },
                    },
                  },
                }}
              />
            </Card>
            <Card>
              <h2 className="mb-3 font-semibold">{t('analytics.bookingsChart')}</h2>
              <Bar
                aria-label={t('analytics.bookingsChart')}
                role="img"
                data={{
                  labels: data.periods.map((period) =>
                    formatCalendarDate(period.start, i18n.language),
                  ),
                  datasets: [
                    {
                      label: t('status.completed'),
                      data: data.periods.map((period) => period.bookings.completed),
                      backgroundColor: '#10b981',
                    },
                    {
                      label: t('status.confirmed'),
                      data: data.periods.map(
                        (period) => period.bookings.confirmed + period.bookings.inProgress,
                      ),
                      backgroundColor: '#0ea5e9',
                    },
                    {
                      label: t('status.pending'),
                      data: data.periods.map((period) => period.bookings.pending),
                      backgroundColor: '#f59e0b',
                    },
                    {
                      label: t('status.cancelled'),
                      data: data.periods.map((period) => period.bookings.cancelled),
                      backgroundColor: '#ef4444',
                    },
                  ],
                }}
                options={{
                  responsive: true,
                  plugins: { legend: { position: 'bottom' } },
                  scales: {
                    x: { stacked: true },
                    y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } },
                  },
                }}
              />
            </Card>
            <Card>
              <h2 className="mb-3 font-semibold">{t('analytics.weekdays')}</h2>
              <Bar
                aria-label={t('analytics.weekdays')}
                role="img"
                data={{
                  labels: weekdayNames.map((day) => t(`days.${day}`)),
                  datasets: [
                    {
                      label: t('analytics.bookings'),
                      data: weekdayNames.map(
                        (_, index) =>
                          data.weekdays.find((entry) => entry.weekday === index)?.bookings ?? 0,
                      ),
                      backgroundColor: '#14b8a6',
                    },
                  ],
                }}
                options={{
                  responsive: true,
                  plugins: { legend: { display: false } },
                  scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
                }}
              />
            </Card>
            <Card>
              <h2 className="mb-3 font-semibold">{t('analytics.money')}</h2>
              <dl className="space-y-2 text-sm">
                <div className="flex justify-between">
                  <dt className="text-slate-600">{t('analytics.gross')}</dt>
                  <dd className="font-semibold">{formatPaise(data.totals.revenue.grossPaise)}</dd>
                </div>
                <div className="flex justify-between">
                  <dt className="text-slate-600">
                    {t('analytics.commission', { percent: data.commissionBps / 100 })}
                  </dt>
                  <dd>−{formatPaise(data.totals.revenue.commissionPaise)}</dd>
                </div>
                <div className="flex justify-between border-t border-slate-200 pt-2 text-base">
                  <dt className="font-semibold">{t('analytics.net')}</dt>
                  <dd className="font-bold">{formatPaise(data.totals.revenue.netPaise)}</dd>
                </div>
                <div className="flex justify-between pt-2">
                  <dt className="text-slate-600">{t('analytics.rating')}</dt>
                  <dd>
                    {data.totals.rating.average?.toFixed(2) ?? '—'} ({data.totals.rating.count})
                  </dd>
                </div>
                <div className="flex justify-between">
                  <dt className="text-slate-600">{t('analytics.customers')}</dt>
                  <dd>{data.totals.customers}</dd>
                </div>
              </dl>
            </Card>
          </div>
        </div>
      )}
    </div>
  );
};
