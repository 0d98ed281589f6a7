import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TBooking } from '@localkart/contracts/bookings';
import type { TMessage } from '@localkart/contracts/messages';
import { useSession } from '../../app/store';
import { apiMessage } from '@localkart/web-kit/api-error';
import { formatDateTime } from '@localkart/web-kit/format';
import { Button } from '@localkart/web-kit/ui/button';
import { Card } from '@localkart/web-kit/ui/card';
import { inputClass } from '@localkart/web-kit/ui/field';
import { ErrorState, Loading } from '@localkart/web-kit/ui/states';
import { AuthImage } from './auth-image';
import { useChat } from './use-chat';

const Bubble = ({ message, mine }: { message: TMessage; mine: boolean }) => {
  const { t, i18n } = useTranslation();
  return (
    <li className={`flex ${mine ? 'justify-end' : 'justify-start'}`}>
      <div
        className={`max-w-[80%] rounded-2xl px-3 py-2 text-sm shadow-sm ${mine ? 'rounded-br-sm bg-teal-700 text-white' : 'rounded-bl-sm bg-white text-slate-800 ring-1 ring-slate-200'}`}
      >
        {message.attachments.map((attachment) =>
          attachment.contentType.startsWith('image/') ? (
            <AuthImage key={attachment.id} src={attachment.url} alt={t('chat.photo')} />
          ) : (
            <p key={attachment.id} className="underline">
              {attachment.filename}
            </p>
          ),
        )}
        {message.content && <p className="whitespace-pre-line break-words">{message.content}</p>}
        <p className={`mt-1 text-[11px] ${mine ? 'text-teal-100' : 'text-slate-400'}`}>
          {formatDateTime(message.createdAt, i18n.language)}
          {mine && (
            <span data-testid="read-receipt">
              {' '}
              · {message.isRead ? t('chat.seen') : t('chat.sent')}
            </span>
          )}
        </p>
      </div>
    </li>
  );
};

/** The booking's chat between customer and provider: live, with typing and read receipts. */
export const BookingChat = ({ booking }: { booking: TBooking }) => {
  const { t } = useTranslation();
  const { user } = useSession();
  const { query, otherTyping, sendText, sendImage, typing } = useChat(booking.id);
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  const [failed, setFailed] = useState(false);
  const file = useRef<HTMLInputElement>(null);
  const stopTyping = useRef<ReturnType<typeof setTimeout>>(undefined);
  const closed = booking.status === 'cancelled';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const content = text.trim();
    if (!content) return;
    setSending(true);
    const ok = await sendText(content);
    setSending(false);
    setFailed(!ok);
    if (ok) {
      setText('');
      typing(false);
    }
  };
  const onType = (value: string) => {
    setText(value);
    typing(true);
    clearTimeout(stopTyping.current);
    stopTyping.current = setTimeout(() => typing(false), 2_000);
  };
  const onFile = async (picked: File | undefined) => {
    if (!picked) return;
    setSending(true);
    setFailed(!(await sendImage(picked, text.trim())));
    setSending(false);
    setText('');
  };

  const messages = [...(query.data?.messages ?? [])].reverse();
  return (
    <Card>
      <h2 className="mb-3 text-lg font-semibold">{t('chat.title')}</h2>
      {query.isLoading && <Loading />}
      {query.error && (
        <ErrorState message={apiMessage(query.error)} onRetry={() => void query.refetch()} />
      )}
      {query.data && (
        <ul
          aria-live="polite"
          aria-label={t('chat.title')}
          className="max-h-96 space-y-2 overflow-y-auto rounded-xl bg-slate-50 p-3"
        >
          {messages.length === 0 && (
            <li className="py-6 text-center text-sm text-slate-500">{t('chat.empty')}</li>
          )}
          {messages.map((message) => (
            <Bubble key={message.id} message={message} mine={message.senderId === user?.id} />
          ))}
        </ul>
      )}
      <p className="h-5 pt-1 text-xs text-slate-500" aria-live="polite">
        {otherTyping ? t('chat.typing') : ''}
      </p>
      {closed ? (
        <p className="text-sm text-slate-500">{t('chat.closed')}</p>
      ) : (
        <form onSubmit={(event) => void submit(event)} className="mt-1 flex items-center gap-2">
          <input
            ref={file}
            type="file"
            accept="image/jpeg,image/png,image/webp"
            className="sr-only"
            aria-label={t('chat.attach')}
            onChange={(event) => {
              void onFile(event.target.files?.[0]);
              event.target.value = '';
            }}
          />
          <Button
            variant="secondary"
            aria-label={t('chat.attach')}
            title={t('chat.attach')}
            onClick={() => file.current?.click()}
          >
            <svg
              aria-hidden="true"
              viewBox="0 0 24 24"
              className="h-5 w-5"
              fill="none"
              stroke="currentColor"
              strokeWidth="2"
            >
              <path d="m21.4 11.1-9.2 9.2a6 6 0 0 1-8.5-8.5l9.2-9.2a4 4 0 0 1 5.7 5.7l-9.2 9.2a2 2 0 0 1-2.8-2.8l8.5-8.5" />
            </svg>
          </Button>
          <label htmlFor="chat-input" className="sr-only">
            {t('chat.message')}
          </label>
          <input
            id="chat-input"
            className={inputClass}
            placeholder={t('chat.placeholder')}
            value={text}
            maxLength={2000}
            onChange={(event) => onType(event.target.value)}
          />
          <Button type="submit" busy={sending} disabled={!text.trim()}>
            {t('chat.send')}
          </Button>
        </form>
      )}
      {failed && (
        <p role="alert" className="mt-2 text-xs text-red-700">
          {t('chat.failed')}
        </p>
      )}
    </Card>
  );
};
