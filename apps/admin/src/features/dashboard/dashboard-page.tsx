import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TAnalyticsGranularity } from '@localkart/contracts/provider-analytics';
import type { TPlatformAnalytics } from '@localkart/contracts/admin';
import { formatPaise } from '@localkart/web-kit/format';
import { Card, PageTitle } from '@localkart/web-kit/ui/card';
import { QueryState } from '../../components/page-state';
import { PeriodControls, usePeriodParams } from '../../components/period-controls';
import { BarChart, LineChart, palette } from './charts';
import { useCategoryNames } from '../taxonomy/use-category-names';
import { usePlatformAnalyticsQuery } from './dashboard-api';
import { RankedTable } from './ranked-table';

const GRANULARITIES = ['day', 'week', 'month'] as const satisfies TAnalyticsGranularity[];

const locale = (language: string) => (language === 'hi' ? 'hi-IN' : 'en-IN');

/** A period's first day as a short axis label: "14 Mar", or "Mar 2026" by month. */
const periodLabel = (start: string, granularity: TAnalyticsGranularity, language: string) =>
  new Intl.DateTimeFormat(locale(language), {
    timeZone: 'UTC',
    ...(granularity === 'month'
      ? { month: 'short', year: 'numeric' }
      : { day: 'numeric', month: 'short' }),
  }).format(new Date(`${start}T00:00:00Z`));

const DashboardPage = () => {
  const { t, i18n } = useTranslation();
  const [period, update] = usePeriodParams(GRANULARITIES, 'day');
  const result = usePlatformAnalyticsQuery(period);
  const report = result.data;
  return (
    <>
      <PageTitle
        title={t('dashboard.title')}
        subtitle={
          report
            ? t('dashboard.subtitle', {
                from: report.from,
                to: report.to,
                timeZone: report.timeZone,
              })
            : undefined
        }
      />
      <PeriodControls
        label={t('dashboard.controls.label')}
        granularities={GRANULARITIES}
        granularity={period.granularity}
        from={period.from ?? report?.from}
        to={period.to ?? report?.to}
        busy={result.isFetching}
        onChange={update}
      />
      <div className="mt-6">
        <QueryState result={result}>
          {(analytics) => <Figures analytics={analytics} language={i18n.language} />}
        </QueryState>
      </div>
    </>
  );
};

const Kpi = ({ label, value, detail }: { label: string; value: string; detail: string }) => (
  <Card className="p-4">
    <p className="text-sm font-medium text-slate-600">{label}</p>
    <p className="mt-1 text-2xl font-bold tracking-tight text-slate-900">{value}</p>
    <p className="mt-1 text-xs text-slate-500">{detail}</p>
  </Card>
);

/** A titled panel of the dashboard: a chart, a ranked table, or both. */
const Panel = ({ title, children }: { title: string; children: ReactNode }) => (
  <Card>
    <h2 className="mb-3 font-semibold text-slate-900">{title}</h2>
    {children}
  </Card>
);

const Figures = ({ analytics, language }: { analytics: TPlatformAnalytics; language: string }) => {
  const { t } = useTranslation();
  const { totals, periods, granularity } = analytics;
  const { categoryName } = useCategoryNames();
  const labels = periods.map((period) => periodLabel(period.start, granularity, language));
  const number = (value: number) => new Intl.NumberFormat(locale(language)).format(value);
  const percent = (rate: number | null) =>
    rate === null
      ? t('common.none')
      : new Intl.NumberFormat(locale(language), {
          style: 'percent',
          maximumFractionDigits: 1,
        }).format(rate);
  const summary = (title: string, total: number | string) =>
    t('dashboard.charts.summary', { title, total, count: periods.length });
  return (
    <div className="space-y-6">
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 xl:grid-cols-5">
        <Kpi
          label={t('dashboard.kpi.signups')}
          value={number(totals.signups.customers + totals.signups.providers)}
          detail={t('dashboard.kpi.signupsDetail', {
            customers: number(totals.signups.customers),
            providers: number(totals.signups.providers),
          })}
        />
        <Kpi
          label={t('dashboard.kpi.activeProviders')}
          value={number(totals.activeProviders)}
          detail={t('dashboard.kpi.activeProvidersDetail')}
        />
        <Kpi
          label={t('dashboard.kpi.bookings')}
          value={number(totals.bookings.placed)}
          detail={t('dashboard.kpi.bookingsDetail', {
            completed: number(totals.bookings.completed),
            cancelled: number(totals.bookings.cancelled),
          })}
        />
        <Kpi
          label={t('dashboard.kpi.gmv')}
          value={formatPaise(totals.gmvPaise)}
          detail={t('dashboard.kpi.gmvDetail')}
        />
        <Kpi
          label={t('dashboard.kpi.cancellationRate')}
          value={percent(totals.cancellationRate)}
          detail={t('dashboard.kpi.cancellationDetail')}
        />
      </div>

      <div className="grid grid-cols-1 gap-6 xl:grid-cols-2">
        <Panel title={t('dashboard.charts.signups')}>
          <BarChart
            labels={labels}
            stacked
            summary={summary(
              t('dashboard.charts.signups'),
              number(totals.signups.customers + totals.signups.providers),
            )}
            series={[
              {
                label: t('dashboard.charts.customers'),
                data: periods.map((p) => p.signups.customers),
                color: palette.teal,
              },
              {
                label: t('dashboard.charts.providers'),
                data: periods.map((p) => p.signups.providers),
                color: palette.amber,
              },
            ]}
          />
        </Panel>
        <Panel title={t('dashboard.charts.bookings')}>
          <LineChart
            labels={labels}
            summary={summary(t('dashboard.charts.bookings'), number(totals.bookings.placed))}
            series={[
              {
                label: t('dashboard.charts.placed'),
                data: periods.map((p) => p.bookings.placed),
                color: palette.sky,
              },
              {
                label: t('dashboard.charts.completed'),
                data: periods.map((p) => p.bookings.completed),
                color: palette.teal,
              },
              {
                label: t('dashboard.charts.cancelled'),
                data: periods.map((p) => p.bookings.cancelled),
                color: palette.red,
              },
            ]}
          />
        </Panel>
        <Panel title={t('dashboard.charts.gmv')}>
          <BarChart
            labels={labels}
            summary={summary(t('dashboard.charts.gmv'), formatPaise(totals.gmvPaise))}
            series={[
              // Whole rupees on the axis; paise would read as a hundred times too much.
              {
                label: t('dashboard.charts.gmv'),
                data: periods.map((p) => Math.round(p.gmvPaise / 100)),
                color: palette.teal,
              },
            ]}
          />
        </Panel>
        <Panel title={t('dashboard.charts.activeProviders')}>
          <LineChart
            labels={labels}
            summary={summary(t('dashboard.charts.activeProviders'), number(totals.activeProviders))}
            series={[
              {
                label: t('dashboard.charts.activeProviders'),
                data: periods.map((p) => p.activeProviders),
                color: palette.violet,
              },
            ]}
          />
        </Panel>
        <Panel title={t('dashboard.charts.cancellationRate')}>
          <BarChart
            labels={labels}
            summary={summary(
              t('dashboard.charts.cancellationRate'),
              percent(totals.cancellationRate),
            )}
            series={[
              {
                label: t('dashboard.charts.cancellationRate'),
                // A period without bookings has no rate: a gap, not a zero.
                data: periods.map((p) =>
                  p.cancellationRate === null ? null : Math.round(p.cancellationRate * 1000) / 10,
                ),
                color: palette.red,
              },
            ]}
          />
        </Panel>
        <Panel title={t('dashboard.topCategories')}>
          {analytics.topCategories.length > 0 && (
            <BarChart
              horizontal
              labels={analytics.topCategories.map((row) => categoryName(row.categorySlug))}
              summary={t('dashboard.topCategories')}
              series={[
                {
                  label: t('dashboard.columns.bookings'),
                  data: analytics.topCategories.map((row) => row.bookings),
                  color: palette.sky,
                },
              ]}
            />
          )}
          <RankedTable
            caption={t('dashboard.topCategories')}
            columns={[
              t('dashboard.columns.category'),
              t('dashboard.columns.bookings'),
              t('dashboard.columns.gmv'),
            ]}
            rows={analytics.topCategories.map((row) => [
              categoryName(row.categorySlug),
              number(row.bookings),
              formatPaise(row.gmvPaise),
            ])}
          />
        </Panel>
      </div>

      <div className="grid grid-cols-1 gap-6 xl:grid-cols-2">
        <Panel title={t('dashboard.topCities')}>
          <RankedTable
            caption={t('dashboard.topCities')}
            columns={[
              t('dashboard.columns.city'),
              t('dashboard.columns.bookings'),
              t('dashboard.columns.gmv'),
            ]}
            rows={analytics.topCities.map((row) => [
              row.city,
              number(row.bookings),
              formatPaise(row.gmvPaise),
            ])}
          />
        </Panel>
        <Card>
          <h2 className="font-semibold text-slate-900">{t('dashboard.misses')}</h2>
          <p className="mb-3 mt-1 text-xs text-slate-500">{t('dashboard.missesHint')}</p>
          <RankedTable
            caption={t('dashboard.misses')}
            columns={[t('dashboard.columns.query'), t('dashboard.columns.count')]}
            rows={analytics.searchesWithoutResults.map((row) => [row.query, number(row.count)])}
          />
        </Card>
      </div>
    </div>
  );
};

export default DashboardPage;
