import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifications } from '../../db/schema/notifications';
import { insertTestUser, mailsTo, signIn } from '../../test-support/accounts';
import { eventually } from '../../test-support/http';
import { startTestApp, type TestApp } from '../../test-support/test-app';
import {
  bookableProvider,
  bookingBody,
  createBooking,
  istDate,
} from '../bookings/bookings-test-support';
import { MESSAGE_TO_OFFLINE_CHANNEL, type MessageToOffline } from '../messages/messages.service';
import { auth, seedTestTaxonomy, signedInCustomer } from '../providers/provider-test-support';
import { createNotifyDocumentReviewed } from './document-notifications';
import { createNotificationsService } from './notifications.service';
import {
  notificationsOf,
  recordingMailer,
  settle,
  waitForMails,
  waitForNotification,
} from './notifications-test-support';

/** `notifyDocumentReviewed` as the admin verification endpoints will call it. */
const notifierOf = (app: TestApp) => {
  const { database, pubsub, jobs, logger } = app.runtime;
  return createNotifyDocumentReviewed(
    createNotificationsService({ db: database.db, pubsub, jobs, logger }),
  );
};

const providerAccount = async (app: TestApp, language: 'en' | 'hi' = 'en') => {
  const user = await insertTestUser(app, { role: 'provider', language });
  const session = await signIn(app, user.email);
  return { userId: user.id, email: user.email, token: session.accessToken };
};

// One app for the file (starting one costs seconds): the mailer misbehaves for chosen addresses.
const flaky = new Set<string>();
const broken = new Set<string>();
const slow = new Set<string>();
const mailer = recordingMailer({
  failures: (to) => (flaky.has(to) ? 2 : broken.has(to) ? Number.POSITIVE_INFINITY : 0),
  delayMs: (to) => (slow.has(to) ? 3000 : 0),
});
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ mailer, env: { JOB_ATTEMPTS: '4', JOB_BACKOFF_MS: '200' } });
  await seedTestTaxonomy(app);
  // Start-up migrates a fresh database: slow on a loaded machine.
}, 180_000);
afterAll(() => app.close());

const attemptsTo = (email: string) =>
  mailer.attempts.filter((attempt) => attempt.to === email).map((attempt) => attempt.at);

describe('document verification notifications', () => {
  it('when a document is verified, then the provider is told and e-mailed once, however often it is called', async () => {
    const provider = await providerAccount(app);
    const notify = notifierOf(app);
    const decision = {
      providerUserId: provider.userId,
      documentId: randomUUID(),
      documentType: 'license' as const,
      status: 'verified' as const,
      reviewedAt: new Date('2026-11-20T10:00:00Z'),
    };
    const first = await notify(decision);
    expect(first).toMatchObject({
      type: 'document_verified',
      title: 'Document verified',
      body: 'Your licence has been verified.',
      data: { documentId: decision.documentId },
    });
    expect(await notify(decision)).toBeUndefined();
    expect((await notificationsOf(app, provider)).data).toHaveLength(1);
    const [mail] = await waitForMails(mailer, provider.email);
    expect(mail).toMatchObject({ subject: 'LocalKart: Document verified' });
    await settle();
    expect(mailer.sent.filter((m) => m.to === provider.email)).toHaveLength(1);
  });

  it('when a Hindi-speaking provider’s document is rejected, then the reason reaches them in Hindi, escaped in HTML', async () => {
    const provider = await providerAccount(app, 'hi');
    await notifierOf(app)({
      providerUserId: provider.userId,
      documentId: randomUUID(),
      documentType: 'insurance',
      status: 'rejected',
      reason: 'Photo is blurred & cut <off>',
      reviewedAt: new Date(),
    });
    const rejected = await waitForNotification(app, provider, 'document_rejected');
    expect(rejected.title).toBe('दस्तावेज़ स्वीकार नहीं हुआ');
    expect(rejected.body).toBe(
      'आपका बीमा दस्तावेज़ स्वीकार नहीं किया गया। कारण: Photo is blurred & cut <off>। कृपया नया दस्तावेज़ अपलोड करें।',
    );
    const [mail] = await waitForMails(mailer, provider.email);
    expect(mail!.subject).toBe('LocalKart: दस्तावेज़ स्वीकार नहीं हुआ');
    expect(mail!.text).toMatch(/^नमस्ते Arjun,\n/);
    expect(mail!.html).toContain('Photo is blurred &#38; cut &#60;off&#62;');
    expect(mail!.html).not.toMatch(/<off>/);
  });

  it('when the provider turned account e-mails off, then the notification is stored but nothing is sent', async () => {
    const provider = await providerAccount(app);
    await request(app.url)
      .put('/api/users/profile')
      .set(auth(provider))
      .send({ notificationSettings: { emailAccount: false } })
      .expect(200);
    await notifierOf(app)({
      providerUserId: provider.userId,
      documentId: randomUUID(),
      documentType: 'certificate',
      status: 'verified',
      reviewedAt: new Date(),
    });
    await waitForNotification(app, provider, 'document_verified');
    await settle();
    expect(mailer.sent.filter((m) => m.to === provider.email)).toEqual([]);
  });
});

describe('e-mail through the configured Mailer (the outbox without SMTP_URL)', () => {
  let outboxApp: TestApp;
  beforeAll(async () => {
    outboxApp = await startTestApp();
  }, 180_000);
  afterAll(() => outboxApp.close());

  it('when a Hindi-speaking provider’s document is verified, then an .eml in Hindi is written', async () => {
    const provider = await providerAccount(outboxApp, 'hi');
    await notifierOf(outboxApp)({
      providerUserId: provider.userId,
      documentId: randomUUID(),
      documentType: 'license',
      status: 'verified',
      reviewedAt: new Date(),
    });
    const [mail] = await eventually(async () => {
      const mails = await mailsTo(outboxApp, provider.email);
      if (mails.length === 0) throw new Error('no e-mail yet');
      return mails;
    });
    expect(mail!.subject).toBe('LocalKart: दस्तावेज़ सत्यापित हो गया');
    expect(mail!.text).toContain('आपका लाइसेंस सत्यापित हो गया है।');
  });
});

describe('message notifications', () => {
  it('when a message reaches an offline receiver through the messages API, then they are notified with its preview', async () => {
    const provider = await bookableProvider(app);
    const customer = await signedInCustomer(app);
    const bookingId = await createBooking(
      app,
      customer,
      bookingBody(provider, { date: istDate(3) }),
    );
    await request(app.url)
      .post('/api/messages')
      .set(auth(customer))
      .send({ bookingId, content: 'Is 10 am fine?' })
      .expect(201);
    const notified = await waitForNotification(app, provider, 'message_received');
    expect(notified).toMatchObject({
      title: 'New message from Arjun',
      body: 'Is 10 am fine?',
      data: { bookingId },
    });
    expect(notified.data.messageId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('when the event comes twice, then one notification', async () => {
    const sender = await insertTestUser(app, { firstName: 'Meera' });
    const receiver = await providerAccount(app, 'hi');
    const event: MessageToOffline = {
      messageId: randomUUID(),
      bookingId: randomUUID(),
      senderId: sender.id,
      receiverId: receiver.userId,
      type: 'image',
      preview: '',
      createdAt: new Date().toISOString(),
    };
    await app.runtime.pubsub.publish(MESSAGE_TO_OFFLINE_CHANNEL, event);
    await app.runtime.pubsub.publish(MESSAGE_TO_OFFLINE_CHANNEL, event);
    // Malformed events are dropped, never stored.
    await app.runtime.pubsub.publish(MESSAGE_TO_OFFLINE_CHANNEL, { ...event, receiverId: 'x' });
    const notified = await waitForNotification(app, receiver, 'message_received');
    expect(notified).toMatchObject({ title: 'Meera का नया संदेश', body: 'फ़ोटो भेजी' });
    await settle();
    const rows = await app.runtime.database.db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, receiver.userId));
    expect(rows).toHaveLength(1);
  });
});

describe('e-mail delivery in the background', () => {
  const reviewed = (providerUserId: string, status: 'verified' | 'rejected') =>
    notifierOf(app)({
      providerUserId,
      documentId: randomUUID(),
      documentType: 'license',
      status,
      reviewedAt: new Date(),
    });

  it('when the mail server fails twice, then the e-mail is retried with exponential backoff and sent once', async () => {
    const provider = await providerAccount(app);
    flaky.add(provider.email);
    await reviewed(provider.userId, 'verified');
    await waitForMails(mailer, provider.email);
    const times = attemptsTo(provider.email);
    expect(times).toHaveLength(3);
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(190);
    expect(times[2]! - times[1]!).toBeGreaterThanOrEqual(390);
    await settle(600);
    expect(mailer.sent.filter((mail) => mail.to === provider.email)).toHaveLength(1);
  });

  it('when the mail server never answers well, then the attempts stop, the notification stays and the API keeps serving', async () => {
    const provider = await providerAccount(app);
    broken.add(provider.email);
    await reviewed(provider.userId, 'rejected');
    // JOB_ATTEMPTS=4: at 0, +200, +400, +800 ms.
    await eventually(() =>
      attemptsTo(provider.email).length === 4 ? Promise.resolve() : Promise.reject(new Error()),
    );
    await settle(1200);
    expect(attemptsTo(provider.email)).toHaveLength(4);
    expect(mailer.sent.filter((mail) => mail.to === provider.email)).toEqual([]);
    expect((await notificationsOf(app, provider)).data[0]!.type).toBe('document_rejected');
  });

  it('when the mail server is slow, then the request that caused the e-mail is answered at once', async () => {
    const provider = await bookableProvider(app);
    const customer = await signedInCustomer(app);
    slow.add(customer.email);
    const id = await createBooking(app, customer, bookingBody(provider, { date: istDate(4) }));
    const start = performance.now();
    await request(app.url).post(`/api/bookings/${id}/confirm`).set(auth(provider)).expect(200);
    expect(performance.now() - start).toBeLessThan(1000);
    await waitForNotification(app, customer, 'booking_confirmed');
    const listed = performance.now();
    await request(app.url).get('/api/notifications').set(auth(customer)).expect(200);
    expect(performance.now() - listed).toBeLessThan(1000);
    // The e-mail is still on its way, then arrives.
    expect(mailer.sent.filter((mail) => mail.to === customer.email)).toEqual([]);
    await waitForMails(mailer, customer.email);
  });
});
