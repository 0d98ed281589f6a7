import type { MailMessage } from '../../platform/mail/mailer';

type Language = 'en' | 'hi';
type Recipient = { email: string; firstName: string; language: Language };

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const message = (
  to: Recipient,
  {
    subject,
    lines,
    link,
    action,
  }: { subject: string; lines: string[]; link: string; action: string },
): MailMessage => ({
  to: to.email,
  subject,
  text: [...lines, '', `${action}: ${link}`].join('\n'),
  html: `${lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('')}<p><a href="${escapeHtml(link)}">${escapeHtml(action)}</a></p>`,
});

/** Verification e-mail in the user's language (English or Hindi). */
export const verificationEmail = (to: Recipient, link: string, validHours: number): MailMessage =>
  to.language === 'hi'
    ? message(to, {
        subject: 'LocalKart: अपना ई-मेल पता पक्का करें',
        lines: [
          `नमस्ते ${to.firstName},`,
          'LocalKart पर आपका स्वागत है! अपना ई-मेल पता पक्का करने के लिए नीचे दिए लिंक पर क्लिक करें।',
          `यह लिंक ${validHours} घंटे तक काम करेगा। अगर आपने खाता नहीं बनाया, तो इस ई-मेल को अनदेखा करें।`,
        ],
        link,
        action: 'ई-मेल पक्का करें',
      })
    : message(to, {
        subject: 'LocalKart: confirm your e-mail address',
        lines: [
          `Hello ${to.firstName},`,
          'Welcome to LocalKart! Please confirm your e-mail address with the link below.',
          `The link works for ${validHours} hours. If you did not sign up, ignore this e-mail.`,
        ],
        link,
        action: 'Confirm e-mail',
      });

/** Password reset e-mail in the user's language. */
export const passwordResetEmail = (
  to: Recipient,
  link: string,
  validMinutes: number,
): MailMessage =>
  to.language === 'hi'
    ? message(to, {
        subject: 'LocalKart: पासवर्ड बदलें',
        lines: [
          `नमस्ते ${to.firstName},`,
          'आपके LocalKart खाते का पासवर्ड बदलने का अनुरोध मिला है।',
          `यह लिंक ${validMinutes} मिनट तक और सिर्फ़ एक बार काम करेगा। अगर यह अनुरोध आपने नहीं किया, तो इस ई-मेल को अनदेखा करें।`,
        ],
        link,
        action: 'नया पासवर्ड चुनें',
      })
    : message(to, {
        subject: 'LocalKart: reset your password',
        lines: [
          `Hello ${to.firstName},`,
          'We received a request to reset the password of your LocalKart account.',
          `The link works once, for ${validMinutes} minutes. If you did not ask for this, ignore this e-mail.`,
        ],
        link,
        action: 'Choose a new password',
      });
