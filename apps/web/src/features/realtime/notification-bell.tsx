import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TNotification } from '@localkart/contracts/notifications';
import { api } from '../../api/api';
import { formatDateTime } from '@localkart/web-kit/format';
import { Loading } from '@localkart/web-kit/ui/states';

/** Where a notification leads: its booking when it has one. */
const linkOf = (notification: TNotification) =>
  notification.data.bookingId ? `/bookings/${notification.data.bookingId}` : undefined;

const NotificationList = ({ onClose }: { onClose: () => void }) => {
  const { t, i18n } = useTranslation();
  const { data, isLoading } = api.useNotificationsQuery();
  const [markRead] = api.useMarkNotificationReadMutation();
  const [readAll] = api.useReadAllNotificationsMutation();
  return (
    <div
      className="absolute right-0 mt-2 w-80 max-w-[calc(100vw-2rem)] rounded-xl border border-slate-200 bg-white shadow-lg"
      onKeyDown={(event) => event.key === 'Escape' && onClose()}
    >
      <div className="flex items-center justify-between border-b border-slate-100 px-4 py-2">
        <p className="text-sm font-semibold">{t('notifications.title')}</p>
        <button
          type="button"
          className="text-xs font-semibold text-teal-800 hover:underline"
          onClick={() => void readAll()}
        >
          {t('notifications.readAll')}
        </button>
      </div>
      {isLoading && <Loading />}
      {data && data.length === 0 && (
        <p className="px-4 py-6 text-center text-sm text-slate-500">{t('notifications.none')}</p>
      )}
      <ul className="max-h-96 overflow-y-auto">
        {data?.map((notification) => {
          const to = linkOf(notification);
          const body = (
            <>
              <p
                className={`text-sm ${notification.readAt ? 'text-slate-600' : 'font-semibold text-slate-900'}`}
              >
                {notification.title}
              </p>
              <p className="text-xs text-slate-500">{notification.body}</p>
              <p className="mt-0.5 text-[11px] text-slate-400">
                {formatDateTime(notification.createdAt, i18n.language)}
              </p>
            </>
          );
          const open = () => {
            if (!notification.readAt) void markRead(notification.id);
            onClose();
          };
          return (
            <li key={notification.id} className="border-b border-slate-50 last:border-0">
              {to ? (
                <Link to={to} onClick={open} className="block px-4 py-3 hover:bg-slate-50">
                  {body}
                </Link>
              ) : (
                <button
                  type="button"
                  onClick={open}
                  className="block w-full px-4 py-3 text-left hover:bg-slate-50"
                >
                  {body}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
};

/** The bell with the unread count, kept live by the socket's `notification` event. */
export const NotificationBell = () => {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const { data } = api.useUnreadNotificationsQuery();
  const count = data?.unreadCount ?? 0;
  return (
    <div className="relative">
      <button
        type="button"
        aria-expanded={open}
        aria-label={t('notifications.bell', { count })}
        onClick={() => setOpen((value) => !value)}
        className="relative flex h-9 w-9 items-center justify-center rounded-full text-slate-600 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-teal-600"
      >
        <svg
          aria-hidden="true"
          viewBox="0 0 24 24"
          className="h-5 w-5"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
        >
          <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
          <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
        </svg>
        {count > 0 && (
          <span
            data-testid="unread-notifications"
            className="absolute -right-0.5 -top-0.5 min-w-5 rounded-full bg-red-600 px-1 text-center text-[11px] font-bold leading-5 text-white"
          >
            {count > 99 ? '99+' : count}
          </span>
        )}
      </button>
      {open && <NotificationList onClose={() => setOpen(false)} />}
    </div>
  );
};
