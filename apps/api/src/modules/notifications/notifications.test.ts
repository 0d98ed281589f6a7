import { eq } from 'drizzle-orm';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifications } from '../../db/schema/notifications';
import { eventually } from '../../test-support/http';
import { startTestApp, type TestApp } from '../../test-support/test-app';
import { BOOKING_STATUS_CHANNEL } from '../bookings/bookings.service';
import {
  bookableProvider,
  bookingBody,
  createBooking,
  istDate,
  topUpWallet,
} from '../bookings/bookings-test-support';
import {
  auth,
  seedTestTaxonomy,
  signedInCustomer,
  type SignedIn,
} from '../providers/provider-test-support';
import { insertTestBooking } from '../reviews/review-test-support';
import { NOTIFICATION_CREATED_CHANNEL, type NotificationCreated } from './notification-created';
import {
  notificationsOf,
  recordingMailer,
  settle,
  waitForMails,
  waitForNotification,
} from './notifications-test-support';

// One app for the file: starting one costs seconds.
let app: TestApp;
const mailer = recordingMailer();
beforeAll(async () => {
  app = await startTestApp({ env: { AUTH_RATE_LIMIT_MAX: '1000' }, mailer });
  await seedTestTaxonomy(app);
  // Start-up migrates a fresh database: slow on a loaded machine.
}, 180_000);
afterAll(() => app.close());

describe('notifications', () => {
  let day = 2;
  const nextDate = () => istDate((day += 1));

  const db = () => app.runtime.database.db;
  const act = (who: { token: string }, id: string, action: string, body: object = {}) =>
    request(app.url).post(`/api/bookings/${id}/${action}`).set(auth(who)).send(body);
  const rowsOf = (userId: string) =>
    db().select().from(notifications).where(eq(notifications.userId, userId));
  const typesOf = async (userId: string) => (await rowsOf(userId)).map((row) => row.type).sort();

  /** Records every booking event, to deliver them a second time. */
  const recordBookingEvents = async () => {
    const events: unknown[] = [];
    const stop = await app.runtime.pubsub.subscribe(BOOKING_STATUS_CHANNEL, (event) =>
      events.push(event),
    );
    return { events, stop };
  };

  it('when a cash booking goes from request to completion, then each party is told once, even when every event is delivered twice', async () => {
    const provider = await bookableProvider(app);
    const customer = await signedInCustomer(app);
    const recorded = await recordBookingEvents();
    const id = await createBooking(app, customer, bookingBody(provider, { date: nextDate() }));

    const request_ = await waitForNotification(app, provider, 'booking_requested');
    expect(request_).toMatchObject({
      title: 'New booking request',
      data: { bookingId: id },
      readAt: null,
    });
    expect(request_.body).toMatch(/^You have a new booking request for tap repair on /);

    await act(provider, id, 'confirm').expect(200);
    const confirmed = await waitForNotification(app, customer, 'booking_confirmed');
    expect(confirmed.body).toMatch(/^Your booking for tap repair on .+ is confirmed\.$/);
    await act(provider, id, 'start').expect(200);
    await waitForNotification(app, customer, 'booking_started');
    await act(provider, id, 'complete').expect(200);
    await waitForNotification(app, customer, 'booking_completed');
    const receipt = await waitForNotification(app, customer, 'payment_receipt');
    expect(receipt.body).toBe('You paid ₹299.00 in cash for tap repair.');
    const received = await waitForNotification(app, provider, 'payment_received');
    expect(received.body).toBe('₹299.00 was paid in cash for the booking of tap repair.');
    expect(received.data).toEqual({ bookingId: id, transactionId: receipt.data.transactionId });

    const expectedCustomer = [
      'booking_completed',
      'booking_confirmed',
      'booking_started',
      'payment_receipt',
    ];
    const expectedProvider = ['booking_requested', 'payment_received'];
    expect(await typesOf(customer.userId)).toEqual(expectedCustomer);
    expect(await typesOf(provider.userId)).toEqual(expectedProvider);

    // Redelivery (or a second API process hearing the same event) adds nothing.
    await recorded.stop();
    expect(recorded.events).toHaveLength(4);
    for (const event of recorded.events)
      await app.runtime.pubsub.publish(BOOKING_STATUS_CHANNEL, event);
    await settle();
    expect(await typesOf(customer.userId)).toEqual(expectedCustomer);
    expect(await typesOf(provider.userId)).toEqual(expectedProvider);

    // E-mail only for the important ones: confirmation and payment, once each.
    await waitForMails(mailer, customer.email, 2);
    await waitForMails(mailer, provider.email, 1);
    await settle();
    const toCustomer = mailer.sent.filter((mail) => mail.to === customer.email);
    expect(toCustomer.map((mail) => mail.subject).sort()).toEqual([
      'LocalKart: Booking confirmed',
      'LocalKart: Payment receipt',
    ]);
    expect(toCustomer[0]!.text).toMatch(/^Hello Arjun,\n/);
    expect(mailer.sent.filter((mail) => mail.to === provider.email)).toHaveLength(1);
  });

  it('when the customer reschedules or edits a pending booking, then the provider is told which', async () => {
    const provider = await bookableProvider(app);
    const customer = await signedInCustomer(app);
    const id = await createBooking(app, customer, bookingBody(provider, { date: nextDate() }));
    await request(app.url)
      .put(`/api/bookings/${id}`)
      .set(auth(customer))
      .send({ schedule: { preferredDate: nextDate(), preferredTime: '15:30' } })
      .expect(200);
    const moved = await waitForNotification(app, provider, 'booking_rescheduled');
    expect(moved.body).toMatch(/^The customer moved the booking for tap repair to .+3:30\s?pm\.$/i);
    await request(app.url)
      .put(`/api/bookings/${id}`)
      .set(auth(customer))
      .send({ description: 'Bathroom tap too, please' })
      .expect(200);
    await waitForNotification(app, provider, 'booking_updated');
    expect(await typesOf(customer.userId)).toEqual([]);
  });

  it('when one party cancels, then the other is told with the reason; a prepaid booking’s refund reaches the customer', async () => {
    const provider = await bookableProvider(app);
    const customer = await signedInCustomer(app);
    await topUpWallet(app, customer, 100_000);
    const paid = await createBooking(app, customer, {
      ...bookingBody(provider, { date: nextDate() }),
      paymentMethod: 'wallet',
    });
    await waitForNotification(app, customer, 'payment_receipt');
    const held = await waitForNotification(app, provider, 'payment_received');
    expect(held.body).toBe('₹299.00 was paid from the wallet for the booking of tap repair.');
    await act(customer, paid, 'cancel', { reason: 'Fixed it <myself>' }).expect(200);
    const cancelled = await waitForNotification(app, provider, 'booking_cancelled');
    expect(cancelled.body).toMatch(/cancelled by the customer\. Reason: Fixed it <myself>$/);
    const refund = await waitForNotification(app, customer, 'payment_refunded');
    expect(refund.body).toBe('₹299.00 for your booking of tap repair has been refunded.');
    expect((await typesOf(customer.userId)).includes('booking_cancelled')).toBe(false);

    const other = await createBooking(app, customer, bookingBody(provider, { date: nextDate() }));
    await act(provider, other, 'cancel', { reason: 'Unwell today' }).expect(200);
    const byProvider = await waitForNotification(app, customer, 'booking_cancelled');
    expect(byProvider.body).toMatch(/cancelled by the provider\. Reason: Unwell today$/);

    // The refund e-mail escapes what the customer typed in the HTML part.
    const [mail] = (await waitForMails(mailer, provider.email, 2)).filter((m) =>
      m.subject.includes('cancelled'),
    );
    expect(mail!.html).toContain('Fixed it &#60;myself&#62;');
    expect(mail!.html).not.toContain('<myself>');
    expect(mail!.text).toContain('Fixed it <myself>');
  });

  it('when an online booking is paid, then the provider hears of it and the customer gets a receipt', async () => {
    const provider = await bookableProvider(app);
    const customer = await signedInCustomer(app);
    const res = await request(app.url)
      .post('/api/bookings')
      .set(auth(customer))
      .send({ ...bookingBody(provider, { date: nextDate() }), paymentMethod: 'online' })
      .expect(201);
    const { gatewayOrderId } = res.body.data.payment.order as { gatewayOrderId: string };
    await request(app.url)
      .post(`/api/payments/test-gateway/orders/${gatewayOrderId}/pay`)
      .set(auth(customer))
      .expect(200);
    const receipt = await waitForNotification(app, customer, 'payment_receipt');
    expect(receipt.body).toBe('You paid ₹299.00 online for tap repair.');
    await waitForNotification(app, provider, 'payment_received');
  });

  it('when a user reads in Hindi, then their notifications and e-mails are in Hindi', async () => {
    const provider = await bookableProvider(app);
    const customer = await signedInCustomer(app);
    await request(app.url)
      .put('/api/users/profile')
      .set(auth(customer))
      .send({ language: 'hi' })
      .expect(200);
    const id = await createBooking(app, customer, bookingBody(provider, { date: nextDate() }));
    await act(provider, id, 'confirm').expect(200);
    const confirmed = await waitForNotification(app, customer, 'booking_confirmed');
    expect(confirmed.title).toBe('बुकिंग पक्की हो गई');
    expect(confirmed.body).toMatch(/^.+ पर tap repair की आपकी बुकिंग पक्की हो गई है।$/);
    // The provider reads English still.
    expect((await waitForNotification(app, provider, 'booking_requested')).title).toBe(
      'New booking request',
    );
    const [mail] = await waitForMails(mailer, customer.email);
    expect(mail!.subject).toBe('LocalKart: बुकिंग पक्की हो गई');
    expect(mail!.text).toMatch(/^नमस्ते Arjun,\n/);
    expect(mail!.text).toContain('LocalKart खोलें');
    expect(mail!.html).toContain('पक्की हो गई है।');
  });

  it('when a user turns booking e-mails off in their profile, then bookings still notify in-app but send no e-mail', async () => {
    const provider = await bookableProvider(app);
    const customer = await signedInCustomer(app);
    const profile = await request(app.url).get('/api/users/profile').set(auth(customer));
    expect(profile.body.data.notificationSettings).toEqual({
      emailBookings: true,
      emailPayments: true,
      emailAccount: true,
    });
    const changed = await request(app.url)
      .put('/api/users/profile')
      .set(auth(customer))
      .send({ notificationSettings: { emailBookings: false } })
      .expect(200);
    expect(changed.body.data.notificationSettings).toEqual({
      emailBookings: false,
      emailPayments: true,
      emailAccount: true,
    });
    const id = await createBooking(app, customer, bookingBody(provider, { date: nextDate() }));
    await act(provider, id, 'confirm').expect(200);
    await waitForNotification(app, customer, 'booking_confirmed');
    await settle();
    expect(mailer.sent.filter((mail) => mail.to === customer.email)).toEqual([]);
  });

  it('when notification settings are invalid, then 400 and neither they nor the profile change', async () => {
    const customer = await signedInCustomer(app);
    for (const body of [
      { firstName: 'Kiran', notificationSettings: { emailBookings: 'no' } },
      { firstName: 'Kiran', notificationSettings: { emailSms: false } },
      { firstName: 'Kiran', notificationSettings: [] },
    ]) {
      const res = await request(app.url).put('/api/users/profile').set(auth(customer)).send(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_ERROR');
    }
    const profile = await request(app.url).get('/api/users/profile').set(auth(customer));
    expect(profile.body.data.firstName).toBe('Arjun');
    expect(profile.body.data.notificationSettings.emailBookings).toBe(true);
  });

  it('when a notification is stored, then it is published with the unread count for the user’s sockets', async () => {
    const provider = await bookableProvider(app);
    const customer = await signedInCustomer(app);
    const heard: NotificationCreated[] = [];
    const stop = await app.runtime.pubsub.subscribe(NOTIFICATION_CREATED_CHANNEL, (message) =>
      heard.push(message as NotificationCreated),
    );
    const id = await createBooking(app, customer, bookingBody(provider, { date: nextDate() }));
    const stored = await waitForNotification(app, provider, 'booking_requested');
    await eventually(() =>
      heard.some((m) => m.notification.id === stored.id)
        ? Promise.resolve()
        : Promise.reject(new Error('not heard yet')),
    );
    await stop();
    expect(heard.find((m) => m.notification.id === stored.id)).toEqual({
      userId: provider.userId,
      notification: stored,
      unreadCount: 1,
    });
    expect(stored.data).toEqual({ bookingId: id });
  });

  it('when a customer reviews a completed booking, then its provider is told once', async () => {
    const provider = await bookableProvider(app);
    const customer = await signedInCustomer(app);
    const bookingId = await insertTestBooking(app, {
      customerId: customer.userId,
      providerId: provider.providerId,
    });
    const res = await request(app.url)
      .post(`/api/bookings/${bookingId}/review`)
      .set(auth(customer))
      .send({ rating: 4, comment: 'Good work' })
      .expect(201);
    const review = await waitForNotification(app, provider, 'review_received');
    expect(review).toMatchObject({
      title: 'New review',
      body: 'A customer rated your Tap repair 4 out of 5.',
      data: { bookingId, reviewId: res.body.data.id },
    });
    expect(await typesOf(provider.userId)).toEqual(['review_received']);
  });
});

describe('GET and PUT /api/notifications', () => {
  let owner: SignedIn;
  let stranger: SignedIn;
  const ids: string[] = [];

  beforeAll(async () => {
    owner = await signedInCustomer(app);
    stranger = await signedInCustomer(app);
    // Five notifications a second apart, oldest first.
    for (let i = 0; i < 5; i += 1) {
      const [row] = await app.runtime.database.db
        .insert(notifications)
        .values({
          userId: owner.userId,
          type: 'booking_confirmed',
          title: `Booking confirmed ${i}`,
          body: 'Your booking is confirmed.',
          data: { bookingId: '00000000-0000-4000-8000-00000000000' + i },
          eventKey: `test:${i}`,
          createdAt: new Date(Date.UTC(2026, 0, 1, 10, 0, i)),
        })
        .returning({ id: notifications.id });
      ids.push(row!.id);
    }
  });

  const put = (who: { token: string }, path: string, body?: object) => {
    const call = request(app.url).put(path).set(auth(who));
    return body ? call.send(body) : call;
  };

  it('when listed, then newest first, paginated, with the unread count in meta', async () => {
    const first = await notificationsOf(app, owner, '?limit=2');
    expect(first.data.map((n) => n.id)).toEqual([ids[4], ids[3]]);
    expect(first.meta).toEqual({ page: 1, limit: 2, total: 5, hasNext: true, unreadCount: 5 });
    expect(Object.keys(first.data[0]!).sort()).toEqual(
      ['body', 'createdAt', 'data', 'id', 'readAt', 'title', 'type'].sort(),
    );
    const last = await notificationsOf(app, owner, '?limit=2&page=3');
    expect(last.data.map((n) => n.id)).toEqual([ids[0]]);
    expect(last.meta.hasNext).toBe(false);
    expect((await notificationsOf(app, stranger)).meta).toMatchObject({ total: 0, unreadCount: 0 });
    expect((await notificationsOf(app, owner, '?limit=500')).meta.limit).toBe(50);
  });

  it('when one is read, then only it changes, a second read keeps its time, and unread filters it out', async () => {
    const res = await put(owner, `/api/notifications/${ids[1]}/read`).expect(200);
    expect(res.body.data).toMatchObject({ id: ids[1] });
    const readAt = res.body.data.readAt as string;
    expect(Date.parse(readAt)).not.toBeNaN();
    const again = await put(owner, `/api/notifications/${ids[1]}/read`, {}).expect(200);
    expect(again.body.data.readAt).toBe(readAt);
    const count = await request(app.url).get('/api/notifications/unread-count').set(auth(owner));
    expect(count.body).toEqual({ success: true, data: { unreadCount: 4 } });
    const unread = await notificationsOf(app, owner, '?unread=true');
    expect(unread.data.map((n) => n.id)).toEqual([ids[4], ids[3], ids[2], ids[0]]);
    expect(unread.meta).toMatchObject({ total: 4, unreadCount: 4 });
    expect((await notificationsOf(app, owner, '?unread=false')).meta.total).toBe(5);
  });

  it('when someone reads another user’s notification, or an unknown id, then 404 and nothing changes', async () => {
    for (const path of [
      `/api/notifications/${ids[0]}/read`,
      '/api/notifications/00000000-0000-4000-8000-000000000000/read',
      '/api/notifications/not-a-uuid/read',
    ]) {
      const res = await put(stranger, path).expect(404);
      expect(res.body).toMatchObject({ success: false, error: { code: 'NOT_FOUND' } });
    }
    const allRead = await put(stranger, '/api/notifications/read-all').expect(200);
    expect(allRead.body.data).toEqual({ updated: 0, unreadCount: 0 });
    expect((await notificationsOf(app, owner)).data.find((n) => n.id === ids[0])!.readAt).toBe(
      null,
    );
  });

  it('when all are read, then every unread one is marked and the count is zero', async () => {
    const res = await put(owner, '/api/notifications/read-all').expect(200);
    expect(res.body.data).toEqual({ updated: 4, unreadCount: 0 });
    expect((await notificationsOf(app, owner, '?unread=true')).data).toEqual([]);
    const again = await put(owner, '/api/notifications/read-all').expect(200);
    expect(again.body.data).toEqual({ updated: 0, unreadCount: 0 });
  });

  it('when the query or body is invalid, then 400; without a token, 401', async () => {
    for (const query of ['?limit=0', '?page=0', '?unread=maybe', '?sort=old', '?limit=x']) {
      const res = await request(app.url).get(`/api/notifications${query}`).set(auth(owner));
      expect(res.status, query).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_ERROR');
    }
    await put(owner, `/api/notifications/${ids[2]}/read`, { readAt: null }).expect(400);
    await put(owner, '/api/notifications/read-all', { all: true }).expect(400);
    await request(app.url).get('/api/notifications').expect(401);
    await request(app.url).get('/api/notifications/unread-count').expect(401);
    await request(app.url).put('/api/notifications/read-all').expect(401);
    await request(app.url).put(`/api/notifications/${ids[2]}/read`).expect(401);
  });
});
