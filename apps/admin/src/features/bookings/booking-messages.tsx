import { useTranslation } from 'react-i18next';
import type { TAdminBookingDetail } from '@localkart/contracts/admin';
import { formatDateTime } from '@localkart/web-kit/format';

/**
 * The chat between the parties as the API returns it (its latest page), read top to bottom in
 * the order it was written: the customer's messages on the left, the provider's on the right.
 */
export const BookingMessages = ({ detail }: { detail: TAdminBookingDetail }) => {
  const { t, i18n } = useTranslation();
  const { booking, messages } = detail;
  if (messages.messages.length === 0)
    return <p className="text-slate-600">{t('bookings.messages.none')}</p>;
  const inOrder = [...messages.messages].reverse();
  return (
    <div className="space-y-3">
      {messages.nextCursor && (
        <p className="text-xs text-slate-500">
          {t('bookings.messages.latestOnly', { count: messages.messages.length })}
        </p>
      )}
      <ol className="space-y-2 rounded-lg bg-slate-50 p-3">
        {inOrder.map((message) => {
          const fromCustomer = message.senderId === booking.customerId;
          return (
            <li key={message.id} className={`flex ${fromCustomer ? '' : 'justify-end'}`}>
              <div
                className={`max-w-[85%] rounded-xl px-3 py-2 shadow-sm ${fromCustomer ? 'bg-white' : 'bg-teal-50'}`}
              >
                <p className="text-xs font-semibold text-slate-600">
                  {t(fromCustomer ? 'bookings.roles.customer' : 'bookings.roles.provider')}
                  <span className="font-normal text-slate-500">
                    {' · '}
                    {formatDateTime(message.createdAt, i18n.language, booking.schedule.timeZone)}
                  </span>
                </p>
                {message.content && (
                  <p className="mt-1 whitespace-pre-line break-words text-slate-900">
                    {message.content}
                  </p>
                )}
                {message.location && (
                  <p className="mt-1 text-slate-700">
                    {t('bookings.messages.location', {
                      latitude: message.location.latitude.toFixed(5),
                      longitude: message.location.longitude.toFixed(5),
                    })}
                  </p>
                )}
                {message.attachments.length > 0 && (
                  <ul className="mt-1 space-y-0.5 text-xs text-slate-600">
                    {message.attachments.map((file) => (
                      <li key={file.id}>
                        <span aria-hidden="true">📎 </span>
                        {t('bookings.messages.attachment', {
                          name: file.filename,
                          size: Math.max(1, Math.round(file.size / 1024)),
                        })}
                      </li>
                    ))}
                  </ul>
                )}
              </div>
            </li>
          );
        })}
      </ol>
    </div>
  );
};
