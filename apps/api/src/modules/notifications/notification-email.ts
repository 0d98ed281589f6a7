import type { TNotificationType } from '@localkart/contracts/notifications';
import type { MailMessage } from '../../platform/mail/mailer';
import type { Language } from './notification-texts';

export const NOTIFICATION_EMAIL_JOB = 'notification-email';

/** One job per notification (BullMQ ids may not contain `:`). */
export const notificationEmailJobId = (notificationId: string) => `email-${notificationId}`;

export type EmailCategory = 'emailBookings' | 'emailPayments' | 'emailAccount';

/** The kinds important enough for an e-mail, each under the setting that can turn it off. */
const EMAIL_CATEGORIES: Partial<Record<TNotificationType, EmailCategory>> = {
  booking_confirmed: 'emailBookings',
  booking_cancelled: 'emailBookings',
  payment_received: 'emailPayments',
  payment_receipt: 'emailPayments',
  payment_refunded: 'emailPayments',
  document_verified: 'emailAccount',
  document_rejected: 'emailAccount',
};

export const emailCategoryOf = (type: TNotificationType): EmailCategory | undefined =>
  EMAIL_CATEGORIES[type];

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const WORDS = {
  en: {
    greeting: (name: string) => `Hello ${name},`,
    open: 'Open LocalKart',
    footer:
      'You get this e-mail because of your notification settings. You can turn it off in your profile.',
  },
  hi: {
    greeting: (name: string) => `नमस्ते ${name},`,
    open: 'LocalKart खोलें',
    footer: 'यह ई-मेल आपकी सूचना सेटिंग के कारण भेजा गया है। आप इसे अपनी प्रोफ़ाइल में बंद कर सकते हैं।',
  },
} as const;

/**
 * The e-mail of a notification, in the language it was written in: its title is the subject and
 * its body the message. Every piece of text is escaped in the HTML part (names and reasons come
 * from users).
 */
export const notificationEmail = ({
  to,
  firstName,
  language,
  title,
  body,
  appUrl,
}: {
  to: string;
  firstName: string;
  language: Language;
  title: string;
  body: string;
  appUrl: string;
}): MailMessage => {
  const words = WORDS[language];
  const link = appUrl.replace(/\/+$/, '');
  const lines = [words.greeting(firstName), body];
  return {
    to,
    subject: `LocalKart: ${title}`,
    text: [...lines, '', `${words.open}: ${link}`, '', words.footer].join('\n'),
    html: [
      ...lines.map((line) => `<p>${escapeHtml(line)}</p>`),
      `<p><a href="${escapeHtml(link)}">${escapeHtml(words.open)}</a></p>`,
      `<p style="color:#666;font-size:12px">${escapeHtml(words.footer)}</p>`,
    ].join(''),
  };
};
