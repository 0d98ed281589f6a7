import type { TNotificationType } from '@localkart/contracts/notifications';

export type Language = 'en' | 'hi';

/** Who a notification is for, as much as rendering it needs. */
export type Reader = { language: Language; timeZone: string };

export type PaymentMethod = 'wallet' | 'online' | 'cash';
export type DocumentType = 'license' | 'certificate' | 'insurance';
export type CancelledBy = 'customer' | 'provider' | 'admin';
export type MessageKind = 'text' | 'image' | 'file' | 'location';

/** The facts each kind of notification is written from. */
export type NotificationFacts =
  | { type: 'booking_requested'; service: string; startsAt: Date }
  | { type: 'booking_confirmed'; service: string; startsAt: Date }
  | { type: 'booking_rescheduled'; service: string; startsAt: Date }
  | { type: 'booking_updated'; service: string; startsAt: Date }
  | { type: 'booking_started'; service: string }
  | { type: 'booking_completed'; service: string }
  | {
      type: 'booking_cancelled';
      service: string;
      startsAt: Date;
      by: CancelledBy;
      reason: string | null;
    }
  | { type: 'message_received'; senderName: string; kind: MessageKind; preview: string }
  | { type: 'review_received'; service: string; rating: number }
  | { type: 'payment_received'; service: string; amountPaise: number; method: PaymentMethod }
  | { type: 'payment_receipt'; service: string; amountPaise: number; method: PaymentMethod }
  | { type: 'payment_refunded'; service: string; amountPaise: number }
  | { type: 'document_verified'; document: DocumentType }
  | { type: 'document_rejected'; document: DocumentType; reason: string | null };

export type NotificationText = { title: string; body: string };

const locale = (language: Language) => (language === 'hi' ? 'hi-IN' : 'en-IN');

/** The start in the reader's own time zone, in their language's words. */
const when = (reader: Reader, at: Date) =>
  new Intl.DateTimeFormat(locale(reader.language), {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: reader.timeZone,
  }).format(at);

const money = (reader: Reader, paise: number) =>
  new Intl.NumberFormat(locale(reader.language), { style: 'currency', currency: 'INR' }).format(
    paise / 100,
  );

/** Free text from people (reasons, previews) is cut short; it is escaped where it is shown. */
const excerpt = (text: string, max = 160) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

const PAID_BY = {
  en: { wallet: 'from the wallet', online: 'online', cash: 'in cash' },
  hi: { wallet: 'वॉलेट से', online: 'ऑनलाइन', cash: 'नकद' },
} as const;
const DOCUMENT = {
  en: { license: 'licence', certificate: 'certificate', insurance: 'insurance document' },
  hi: { license: 'लाइसेंस', certificate: 'प्रमाणपत्र', insurance: 'बीमा दस्तावेज़' },
} as const;
const CANCELLER = {
  en: { customer: 'the customer', provider: 'the provider', admin: 'LocalKart' },
  hi: { customer: 'ग्राहक', provider: 'सेवा प्रदाता', admin: 'LocalKart' },
} as const;
const ATTACHMENT = {
  en: { text: '', image: 'Sent a photo', file: 'Sent a file', location: 'Shared a location' },
  hi: { text: '', image: 'फ़ोटो भेजी', file: 'फ़ाइल भेजी', location: 'लोकेशन भेजी' },
} as const;

const english = (facts: NotificationFacts, reader: Reader): NotificationText => {
  switch (facts.type) {
    case 'booking_requested':
      return {
        title: 'New booking request',
        body: `You have a new booking request for ${facts.service} on ${when(reader, facts.startsAt)}. Please confirm or decline it.`,
      };
    case 'booking_confirmed':
      return {
        title: 'Booking confirmed',
        body: `Your booking for ${facts.service} on ${when(reader, facts.startsAt)} is confirmed.`,
      };
    case 'booking_rescheduled':
      return {
        title: 'Booking rescheduled',
        body: `The customer moved the booking for ${facts.service} to ${when(reader, facts.startsAt)}.`,
      };
    case 'booking_updated':
      return {
        title: 'Booking details changed',
        body: `The customer changed the details of the booking for ${facts.service} on ${when(reader, facts.startsAt)}.`,
      };
    case 'booking_started':
      return {
        title: 'Service started',
        body: `The provider has started work on ${facts.service}.`,
      };
    case 'booking_completed':
      return {
        title: 'Service completed',
        body: `${facts.service} is complete. Tell others how it went by writing a review.`,
      };
    case 'booking_cancelled':
      return {
        title: 'Booking cancelled',
        body: `The booking for ${facts.service} on ${when(reader, facts.startsAt)} was cancelled by ${CANCELLER.en[facts.by]}.${facts.reason ? ` Reason: ${excerpt(facts.reason)}` : ''}`,
      };
    case 'message_received':
      return {
        title: `New message from ${facts.senderName}`,
        body: excerpt(facts.preview) || ATTACHMENT.en[facts.kind],
      };
    case 'review_received':
      return {
        title: 'New review',
        body: `A customer rated your ${facts.service} ${facts.rating} out of 5.`,
      };
    case 'payment_received':
      return {
        title: 'Payment received',
        body: `${money(reader, facts.amountPaise)} was paid ${PAID_BY.en[facts.method]} for the booking of ${facts.service}.`,
      };
    case 'payment_receipt':
      return {
        title: 'Payment receipt',
        body: `You paid ${money(reader, facts.amountPaise)} ${PAID_BY.en[facts.method]} for ${facts.service}.`,
      };
    case 'payment_refunded':
      return {
        title: 'Refund issued',
        body: `${money(reader, facts.amountPaise)} for your booking of ${facts.service} has been refunded.`,
      };
    case 'document_verified':
      return {
        title: 'Document verified',
        body: `Your ${DOCUMENT.en[facts.document]} has been verified.`,
      };
    case 'document_rejected':
      return {
        title: 'Document rejected',
        body: `Your ${DOCUMENT.en[facts.document]} was not accepted.${facts.reason ? ` Reason: ${excerpt(facts.reason)}.` : ''} Please upload a new one.`,
      };
  }
};

const hindi = (facts: NotificationFacts, reader: Reader): NotificationText => {
  switch (facts.type) {
    case 'booking_requested':
      return {
        title: 'नई बुकिंग का अनुरोध',
        body: `${when(reader, facts.startsAt)} पर ${facts.service} के लिए नई बुकिंग का अनुरोध आया है। कृपया इसे स्वीकार या अस्वीकार करें।`,
      };
    case 'booking_confirmed':
      return {
        title: 'बुकिंग पक्की हो गई',
        body: `${when(reader, facts.startsAt)} पर ${facts.service} की आपकी बुकिंग पक्की हो गई है।`,
      };
    case 'booking_rescheduled':
      return {
        title: 'बुकिंग का समय बदला गया',
        body: `ग्राहक ने ${facts.service} की बुकिंग का समय बदलकर ${when(reader, facts.startsAt)} कर दिया है।`,
      };
    case 'booking_updated':
      return {
        title: 'बुकिंग का विवरण बदला गया',
        body: `ग्राहक ने ${when(reader, facts.startsAt)} पर ${facts.service} की बुकिंग का विवरण बदला है।`,
      };
    case 'booking_started':
      return {
        title: 'काम शुरू हो गया',
        body: `सेवा प्रदाता ने ${facts.service} का काम शुरू कर दिया है।`,
      };
    case 'booking_completed':
      return {
        title: 'काम पूरा हो गया',
        body: `${facts.service} का काम पूरा हो गया है। समीक्षा लिखकर दूसरों को अपना अनुभव बताएँ।`,
      };
    case 'booking_cancelled':
      return {
        title: 'बुकिंग रद्द हो गई',
        body: `${when(reader, facts.startsAt)} पर ${facts.service} की बुकिंग ${CANCELLER.hi[facts.by]} ने रद्द कर दी है।${facts.reason ? ` कारण: ${excerpt(facts.reason)}` : ''}`,
      };
    case 'message_received':
      return {
        title: `${facts.senderName} का नया संदेश`,
        body: excerpt(facts.preview) || ATTACHMENT.hi[facts.kind],
      };
    case 'review_received':
      return {
        title: 'नई समीक्षा',
        body: `एक ग्राहक ने आपकी ${facts.service} सेवा को 5 में से ${facts.rating} स्टार दिए हैं।`,
      };
    case 'payment_received':
      return {
        title: 'भुगतान मिला',
        body: `${facts.service} की बुकिंग के लिए ${money(reader, facts.amountPaise)} का भुगतान ${PAID_BY.hi[facts.method]} हुआ है।`,
      };
    case 'payment_receipt':
      return {
        title: 'भुगतान की रसीद',
        body: `आपने ${facts.service} के लिए ${money(reader, facts.amountPaise)} का भुगतान ${PAID_BY.hi[facts.method]} किया है।`,
      };
    case 'payment_refunded':
      return {
        title: 'रिफ़ंड हो गया',
        body: `${facts.service} की बुकिंग के ${money(reader, facts.amountPaise)} आपको वापस कर दिए गए हैं।`,
      };
    case 'document_verified':
      return {
        title: 'दस्तावेज़ सत्यापित हो गया',
        body: `आपका ${DOCUMENT.hi[facts.document]} सत्यापित हो गया है।`,
      };
    case 'document_rejected':
      return {
        title: 'दस्तावेज़ स्वीकार नहीं हुआ',
        body: `आपका ${DOCUMENT.hi[facts.document]} स्वीकार नहीं किया गया।${facts.reason ? ` कारण: ${excerpt(facts.reason)}।` : ''} कृपया नया दस्तावेज़ अपलोड करें।`,
      };
  }
};

/** Title and body in the reader's language; times in the reader's time zone. */
export const renderNotification = (
  facts: NotificationFacts,
  reader: Reader,
): NotificationText & { type: TNotificationType } => ({
  type: facts.type,
  ...(reader.language === 'hi' ? hindi(facts, reader) : english(facts, reader)),
});
