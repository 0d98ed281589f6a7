import { useTranslation } from 'react-i18next';
import { ZAdminBookingsQuery } from '@localkart/contracts/admin';
import { ZBookingStatus, type TBooking } from '@localkart/contracts/bookings';
import { formatDate, formatDateTime, formatPaise } from '@localkart/web-kit/format';
import { PageTitle } from '@localkart/web-kit/ui/card';
import { acceptedParams, appliedSort } from '../../components/accepted-params';
import { DataTable, type Column } from '../../components/data-table';
import {
  DateFilter,
  FilterBar,
  IdFilter,
  SelectFilter,
  TextFilter,
} from '../../components/filter-bar';
import { useListParams } from '../../components/use-list-params';
import { BookingDrawer } from './booking-drawer';
import { StatusBadge } from './booking-status';
import { useAdminBookingsQuery } from './bookings-api';

const FILTERS = ['status', 'from', 'to', 'city', 'providerId', 'customerId'] as const;
const SORTS = ['sort', 'order'] as const;
const { shape } = ZAdminBookingsQuery;

const BookingsPage = () => {
  const { t, i18n } = useTranslation();
  const [params, update] = useListParams([...FILTERS, ...SORTS, 'booking'] as const);
  const query = acceptedParams(shape, [...FILTERS, ...SORTS], params);
  const result = useAdminBookingsQuery({ ...query, page: params.page, limit: 25 });

  const columns: Column<TBooking>[] = [
    {
      id: 'service',
      header: t('bookings.columns.service'),
      cell: (row) => (
        <>
          <span className="block font-semibold text-slate-900">{row.service.title}</span>
          <span className="block font-mono text-xs text-slate-500">{row.id.slice(0, 8)}</span>
        </>
      ),
    },
    {
      id: 'startsAt',
      header: t('bookings.columns.startsAt'),
      sortKey: 'startsAt',
      firstOrder: 'desc',
      cell: (row) => (
        <span className="whitespace-nowrap">
          {formatDateTime(row.schedule.startsAt, i18n.language, row.schedule.timeZone)}
        </span>
      ),
    },
    {
      id: 'status',
      header: t('bookings.columns.status'),
      cell: (row) => <StatusBadge status={row.status} />,
    },
    {
      id: 'payment',
      header: t('bookings.columns.payment'),
      cell: (row) => (
        <>
          <span className="block">{t(`bookings.methods.${row.payment.method}`)}</span>
          <span className="block text-xs text-slate-500">
            {t(`bookings.paymentStatuses.${row.payment.status}`)}
          </span>
        </>
      ),
    },
    {
      id: 'total',
      header: t('bookings.columns.total'),
      sortKey: 'total',
      firstOrder: 'desc',
      numeric: true,
      cell: (row) => formatPaise(row.pricing.totalAmountPaise),
    },
    {
      id: 'createdAt',
      header: t('bookings.columns.createdAt'),
      sortKey: 'createdAt',
      firstOrder: 'desc',
      cell: (row) => (
        <span className="whitespace-nowrap">{formatDate(row.createdAt, i18n.language)}</span>
      ),
    },
  ];

  return (
    <>
      <PageTitle title={t('bookings.title')} subtitle={t('bookings.subtitle')} />
      <DataTable
        caption={t('bookings.caption')}
        columns={columns}
        rowKey={(row) => row.id}
        rowLabel={(row) =>
          `${row.service.title}, ${formatDateTime(row.schedule.startsAt, i18n.language, row.schedule.timeZone)}`
        }
        result={result}
        page={params.page}
        onPage={(page) => update({ page })}
        sort={appliedSort(shape, query)}
        onSort={(next) => update({ sort: next.key, order: next.order })}
        onOpen={(row) => update({ booking: row.id, page: params.page })}
        filters={
          <FilterBar
            label={t('bookings.filters.label')}
            names={FILTERS}
            values={params}
            onChange={update}
          >
            <SelectFilter
              widthClass="w-40"
              name="status"
              label={t('bookings.filters.status')}
              any={t('bookings.filters.any')}
              options={ZBookingStatus.options.map((status) => ({
                value: status,
                label: t(`bookings.statuses.${status}`),
              }))}
              defaultValue={params.status}
            />
            <DateFilter name="from" label={t('bookings.filters.from')} defaultValue={params.from} />
            <DateFilter name="to" label={t('bookings.filters.to')} defaultValue={params.to} />
            <TextFilter
              widthClass="w-40"
              name="city"
              label={t('bookings.filters.city')}
              defaultValue={params.city}
              minLength={2}
              maxLength={60}
            />
            <IdFilter
              widthClass="w-80"
              name="providerId"
              label={t('bookings.filters.providerId')}
              hint={t('bookings.filters.idHint')}
              defaultValue={params.providerId}
            />
            <IdFilter
              widthClass="w-80"
              name="customerId"
              label={t('bookings.filters.customerId')}
              hint={t('bookings.filters.idHint')}
              defaultValue={params.customerId}
            />
          </FilterBar>
        }
      />
      <BookingDrawer
        bookingId={params.booking}
        onClose={() => update({ booking: undefined, page: params.page })}
      />
    </>
  );
};

export default BookingsPage;
