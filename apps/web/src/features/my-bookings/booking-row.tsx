import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TBooking } from '@localkart/contracts/bookings';
import { formatDateTime, formatPaise } from '@localkart/web-kit/format';
import { StatusBadge } from './status-badge';
import { api } from '../../api/api';

/** One booking in a list, linking to its detail page. */
export const BookingRow = ({ booking }: { booking: TBooking }) => {
  const { t, i18n } = useTranslation();
  const { data: conversations } = api.useConversationsQuery();
  const unread =
    conversations?.find((conversation) => conversation.bookingId === booking.id)?.unreadCount ?? 0;
  return (
    <li>
      <Link
        to={`/bookings/${booking.id}`}
        className="flex flex-wrap items-center justify-between gap-3 rounded-2xl border border-slate-200 bg-white p-4 shadow-sm hover:border-teal-300"
      >
        <div className="min-w-0">
          <p className="truncate font-semibold text-slate-900">{booking.service.title}</p>
          <p className="text-sm text-slate-600">
            {formatDateTime(booking.schedule.startsAt, i18n.language, booking.schedule.timeZone)}
          </p>
          <p className="mt-0.5 truncate text-xs text-slate-500">{booking.location.address}</p>
        </div>
        <div className="flex items-center gap-3">
          <span className="font-semibold">{formatPaise(booking.pricing.totalAmountPaise)}</span>
          {unread > 0 && (
            <span
              className="rounded-full bg-red-600 px-2 py-0.5 text-xs font-bold text-white"
              data-testid="unread-messages"
            >
              {t('chat.unread', { count: unread })}
            </span>
          )}
          <StatusBadge status={booking.status} />
          <span className="sr-only">{t('bookings.open')}</span>
        </div>
      </Link>
    </li>
  );
};
