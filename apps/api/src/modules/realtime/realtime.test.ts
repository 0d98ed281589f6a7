import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { SignJWT } from 'jose';
import request from 'supertest';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { TMessage, TReadReceipt } from '@localkart/contracts/messages';
import type { TPresence, TServerEvent } from '@localkart/contracts/realtime';
import { messages as messagesTable } from '../../db/schema/messages';
import { users } from '../../db/schema/users';
import { insertTestUser, signIn } from '../../test-support/accounts';
import { startTestApp, type TestApp } from '../../test-support/test-app';
import { TOKEN_AUDIENCE } from '../auth/access-tokens';
import {
  bookableProvider,
  bookingBody,
  createBooking,
  istDate,
  type TestProvider,
} from '../bookings/bookings-test-support';
import { MESSAGE_TO_OFFLINE_CHANNEL } from '../messages/messages.service';
import { auth, signedInCustomer, type SignedIn } from '../providers/provider-test-support';
import { insertTestBooking } from '../reviews/review-test-support';
import { disconnectUser } from './disconnect-user';
import { NOTIFICATION_CREATED_CHANNEL } from '../notifications/notification-created';
import {
  connectSocket,
  dataOf,
  disconnection,
  nextEvent,
  record,
  refusalOf,
  request as ask,
  settle,
  type ClientSocket,
} from './realtime-test-support';

type Chat = { customer: SignedIn; provider: TestProvider; bookingId: string };

describe('realtime (Socket.io)', () => {
  let app: TestApp;
  const open: ClientSocket[] = [];
  beforeAll(async () => {
    app = await startTestApp({
      env: {
        AUTH_RATE_LIMIT_MAX: '1000',
        REALTIME_ACCESS_RECHECK_MS: '300',
        CORS_ORIGINS: 'https://app.localkart.in',
      },
    });
  });
  afterEach(() => {
    for (const socket of open.splice(0)) socket.close();
  });
  afterAll(() => app.close());

  const connect = async (who: { token: string }) => {
    const socket = await connectSocket(app.url, { token: who.token });
    open.push(socket);
    return socket;
  };
  const chat = async (status: 'confirmed' | 'cancelled' = 'confirmed'): Promise<Chat> => {
    const provider = await bookableProvider(app);
    const customer = await signedInCustomer(app);
    const bookingId = await insertTestBooking(app, {
      customerId: customer.userId,
      providerId: provider.providerId,
      status,
    });
    return { customer, provider, bookingId };
  };
  const joinedPair = async ({ customer, provider, bookingId }: Chat) => {
    const [c, p] = await Promise.all([connect(customer), connect(provider)]);
    dataOf(await ask(c, 'join-booking', { bookingId }));
    dataOf(await ask(p, 'join-booking', { bookingId }));
    return { c, p };
  };
  const storedIds = async (bookingId: string) =>
    (
      await app.runtime.database.db
        .select({ id: messagesTable.id })
        .from(messagesTable)
        .where(eq(messagesTable.bookingId, bookingId))
    ).map((row) => row.id);

  it('when the handshake has no, a forged or an expired token, or comes from a foreign origin, then connect_error; a valid one connects', async () => {
    const customer = await signedInCustomer(app);
    expect(await refusalOf(connectSocket(app.url))).toEqual({
      message: 'Sign in to continue',
      code: 'AUTHENTICATION_ERROR',
    });
    expect((await refusalOf(connectSocket(app.url, { token: 'a.b.c' })))?.code).toBe(
      'AUTHENTICATION_ERROR',
    );
    const { config } = app.runtime;
    const now = Math.floor(Date.now() / 1000);
    const expired = await new SignJWT({
      userId: customer.userId,
      email: customer.email,
      role: 'customer',
    })
      .setProtectedHeader({ alg: 'HS256', typ: 'at+jwt' })
      .setSubject(customer.userId)
      .setIssuer(config.APP_URL)
      .setAudience(TOKEN_AUDIENCE)
      .setJti(randomUUID())
      .setIssuedAt(now - 3600)
      .setExpirationTime(now - 60)
      .sign(new TextEncoder().encode(config.JWT_SECRET));
    expect(await refusalOf(connectSocket(app.url, { token: expired }))).toEqual({
      message: 'Your session has expired',
      code: 'AUTHENTICATION_ERROR',
    });
    expect(
      await refusalOf(
        connectSocket(app.url, {
          token: customer.token,
          headers: { origin: 'https://evil.example' },
        }),
      ),
    ).toBeDefined();
    const viaAuth = await connect(customer);
    expect(viaAuth.connected).toBe(true);
    const viaHeader = await connectSocket(app.url, {
      headers: { authorization: `Bearer ${customer.token}`, origin: 'https://app.localkart.in' },
    });
    open.push(viaHeader);
    expect(viaHeader.connected).toBe(true);
  });

  it('when the user is deactivated or signed out everywhere, then the handshake is refused and open sockets are dropped', async () => {
    const customer = await signedInCustomer(app);
    const socket = await connect(customer);
    const bystander = await connect(await signedInCustomer(app));
    const dropped = disconnection(socket);
    await app.runtime.database.db
      .update(users)
      .set({ isActive: false })
      .where(eq(users.id, customer.userId));
    // The periodic re-check (300 ms here) finds it without anyone calling disconnectUser.
    expect(await dropped).toBe('io server disconnect');
    // Checked in the same batch, the active user's socket stays through later re-checks.
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(bystander.connected).toBe(true);
    expect((await refusalOf(connectSocket(app.url, { token: customer.token })))?.code).toBe(
      'AUTHENTICATION_ERROR',
    );

    const other = await signedInCustomer(app);
    const second = await connect(other);
    const gone = disconnection(second);
    await disconnectUser(app.runtime.pubsub, other.userId);
    expect(await gone).toBe('io server disconnect');
    await app.runtime.database.db
      .update(users)
      .set({ tokensValidAfter: sql`now() + interval '1 second'` })
      .where(eq(users.id, other.userId));
    expect((await refusalOf(connectSocket(app.url, { token: other.token })))?.code).toBe(
      'AUTHENTICATION_ERROR',
    );
  });

  it("when a party sends a message, then it is stored before the room and the receiver's other sockets hear of it, and an outsider hears nothing and may not join", async () => {
    const pair = await chat();
    const { c, p } = await joinedPair(pair);
    const outsider = await signedInCustomer(app);
    const o = await connect(outsider);
    const refused = await ask(o, 'join-booking', { bookingId: pair.bookingId });
    expect(refused).toMatchObject({ success: false, error: { code: 'NOT_FOUND' } });
    await request(app.url).get(`/api/messages/${pair.bookingId}`).set(auth(outsider)).expect(404);
    const outsiderSaw = [...record(o, 'new-message'), ...record(o, 'message-notification')];
    // The receiver's socket in the room has the message itself, so no notification of it.
    const notifiedInRoom = record(p, 'message-notification');
    // A second provider socket that never joined the room gets the notification.
    const providerElsewhere = await connect(pair.provider);
    const notified = nextEvent<TServerEvent<'message-notification'>>(
      providerElsewhere,
      'message-notification',
    );
    const storedWhenHeard = new Promise<boolean>((resolve) => {
      p.once('new-message', (message: TMessage) => {
        void storedIds(pair.bookingId).then((ids) => resolve(ids.includes(message.id)));
      });
    });
    const clientId = randomUUID();
    const sent = dataOf(
      await ask<TMessage>(c, 'send-message', {
        bookingId: pair.bookingId,
        content: 'Is 10 am fine?',
        clientId,
      }),
    );
    expect(sent).toMatchObject({
      senderId: pair.customer.userId,
      receiverId: pair.provider.userId,
      content: 'Is 10 am fine?',
      clientId,
    });
    expect(await storedWhenHeard).toBe(true);
    expect(await notified).toEqual({
      messageId: sent.id,
      bookingId: pair.bookingId,
      senderId: pair.customer.userId,
      type: 'text',
      preview: 'Is 10 am fine?',
      createdAt: sent.createdAt,
    });
    await settle();
    expect(outsiderSaw).toEqual([]);
    expect(notifiedInRoom).toEqual([]);
  });

  it("when a message is sent on a socket, then that socket has it in its acknowledgement only, while the sender's other tab hears it", async () => {
    const pair = await chat();
    const { c, p } = await joinedPair(pair);
    const otherTab = await connect(pair.customer);
    dataOf(await ask(otherTab, 'join-booking', { bookingId: pair.bookingId }));
    const echoed = record<TMessage>(c, 'new-message');
    const onOtherTab = nextEvent<TMessage>(otherTab, 'new-message');
    const heard = nextEvent<TMessage>(p, 'new-message');
    const sent = dataOf(
      await ask<TMessage>(c, 'send-message', {
        bookingId: pair.bookingId,
        content: 'Gate code is 4411',
        clientId: randomUUID(),
      }),
    );
    expect((await heard).id).toBe(sent.id);
    expect((await onOtherTab).id).toBe(sent.id);
    await settle();
    expect(echoed).toEqual([]);
  });

  it('when a send is retried with the same clientId, then one message is stored and the retry is answered with it', async () => {
    const pair = await chat();
    const { c, p } = await joinedPair(pair);
    const heard = record<TMessage>(p, 'new-message');
    const payload = { bookingId: pair.bookingId, content: 'Coming at 5', clientId: randomUUID() };
    const first = dataOf(await ask<TMessage>(c, 'send-message', payload));
    const retry = dataOf(await ask<TMessage>(c, 'send-message', payload));
    expect(retry).toEqual(first);
    await settle();
    expect(await storedIds(pair.bookingId)).toEqual([first.id]);
    expect(heard.map((message) => message.id)).toEqual([first.id]);
  });

  it('when a message is sent over REST, then the sockets hear of it too, and the bus hears of it only once the receiver is offline', async () => {
    const pair = await chat();
    const { c, p } = await joinedPair(pair);
    const announced: { messageId: string }[] = [];
    const stop = await app.runtime.pubsub.subscribe(MESSAGE_TO_OFFLINE_CHANNEL, (event) =>
      announced.push(event as { messageId: string }),
    );
    const sendOverRest = async (content: string) =>
      (
        await request(app.url)
          .post('/api/messages')
          .set(auth(pair.customer))
          .send({ bookingId: pair.bookingId, content })
          .expect(201)
      ).body.data as TMessage;
    const heard = nextEvent<TMessage>(p, 'new-message');
    const seen = await sendOverRest('Sent from the web');
    expect((await heard).id).toBe(seen.id);
    await settle();
    expect(announced).toEqual([]);

    const providerGone = nextEvent<TPresence>(c, 'presence', (event) => !event.online);
    p.close();
    expect(await providerGone).toMatchObject({ userId: pair.provider.userId, online: false });
    const missed = await sendOverRest('Are you there?');
    await expect.poll(() => announced.map((event) => event.messageId)).toEqual([missed.id]);
    await stop();
  });

  it('when the receiver reads over the socket, then it is stored and the sender sees the receipt', async () => {
    const pair = await chat();
    const { c, p } = await joinedPair(pair);
    const sent = dataOf(
      await ask<TMessage>(c, 'send-message', { bookingId: pair.bookingId, content: 'Hi' }),
    );
    const receiptSeen = nextEvent<TReadReceipt>(c, 'message-read');
    const byCustomer = await ask(c, 'message-read', { messageId: sent.id });
    expect(byCustomer).toMatchObject({ success: false, error: { code: 'AUTHORIZATION_ERROR' } });
    const receipt = dataOf(await ask<TReadReceipt>(p, 'message-read', { messageId: sent.id }));
    expect(receipt).toMatchObject({
      bookingId: pair.bookingId,
      readerId: pair.provider.userId,
      messageIds: [sent.id],
    });
    expect(await receiptSeen).toEqual(receipt);
    const [row] = await app.runtime.database.db
      .select({ readAt: messagesTable.readAt })
      .from(messagesTable)
      .where(eq(messagesTable.id, sent.id));
    expect(row?.readAt).not.toBeNull();
  });

  it('when a party types, then the other party sees it and nobody outside the room does', async () => {
    const pair = await chat();
    const { c, p } = await joinedPair(pair);
    const o = await connect(await signedInCustomer(app));
    const ownEcho = record(c, 'typing');
    const outsider = record(o, 'typing');
    const seen = nextEvent<TServerEvent<'typing'>>(p, 'typing');
    c.emit('typing', { bookingId: pair.bookingId, isTyping: true });
    expect(await seen).toEqual({
      bookingId: pair.bookingId,
      userId: pair.customer.userId,
      isTyping: true,
    });
    // An outsider's typing into a room it is not in goes nowhere.
    o.emit('typing', { bookingId: pair.bookingId, isTyping: true });
    await settle();
    expect(ownEcho).toEqual([]);
    expect(outsider).toEqual([]);
  });

  it('when a party goes offline, then the room is told with the last-seen time and presence reports it', async () => {
    const pair = await chat();
    const { c, p } = await joinedPair(pair);
    const both = dataOf(await ask<TPresence[]>(p, 'presence', { bookingId: pair.bookingId }));
    expect(both).toEqual([
      { userId: pair.customer.userId, online: true, lastSeenAt: null },
      { userId: pair.provider.userId, online: true, lastSeenAt: null },
    ]);
    const offline = nextEvent<TPresence>(p, 'presence', (event) => !event.online);
    c.close();
    const event = await offline;
    expect(event).toMatchObject({ userId: pair.customer.userId, online: false });
    expect(Date.parse(event.lastSeenAt!)).toBeGreaterThan(Date.now() - 10_000);
    const now = dataOf(await ask<TPresence[]>(p, 'presence', { bookingId: pair.bookingId }));
    expect(now[0]).toMatchObject({ online: false, lastSeenAt: expect.any(String) as string });
    const o = await connect(await signedInCustomer(app));
    const refused = await ask(o, 'presence', { bookingId: pair.bookingId });
    expect(refused).toMatchObject({ success: false, error: { code: 'NOT_FOUND' } });
  });

  it('when the provider confirms a booking over REST, then both parties’ sockets hear booking-status-changed once; a client booking-update is ignored', async () => {
    const provider = await bookableProvider(app);
    const customer = await signedInCustomer(app);
    const bookingId = await createBooking(
      app,
      customer,
      bookingBody(provider, { date: istDate(4) }),
    );
    const [c, p] = await Promise.all([connect(customer), connect(provider)]);
    dataOf(await ask(c, 'join-booking', { bookingId }));
    const customerSaw = record<TServerEvent<'booking-status-changed'>>(c, 'booking-status-changed');
    const providerHeard = nextEvent<TServerEvent<'booking-status-changed'>>(
      p,
      'booking-status-changed',
    );
    c.emit('booking-update', bookingId, 'completed');
    await settle();
    expect(customerSaw).toEqual([]);
    await request(app.url)
      .post(`/api/bookings/${bookingId}/confirm`)
      .set(auth(provider))
      .send({})
      .expect(200);
    expect(await providerHeard).toMatchObject({ bookingId, from: 'pending', status: 'confirmed' });
    await expect.poll(() => customerSaw.length).toBe(1);
    await settle();
    // In the booking room and in its user room, but one event.
    expect(customerSaw).toHaveLength(1);
  });

  it('when the notifications module publishes a notification, then only that user’s sockets get it', async () => {
    const [one, two] = [await signedInCustomer(app), await signedInCustomer(app)];
    const [a, b] = [await connect(one), await connect(two)];
    const other = record(b, 'notification');
    const got = nextEvent<TServerEvent<'notification'>>(a, 'notification');
    await app.runtime.pubsub.publish(NOTIFICATION_CREATED_CHANNEL, {
      userId: one.userId,
      notification: { id: randomUUID(), title: 'Booking confirmed' },
      unreadCount: 3,
    });
    expect(await got).toMatchObject({
      unreadCount: 3,
      notification: { title: 'Booking confirmed' },
    });
    await settle();
    expect(other).toEqual([]);
  });

  it('when a socket sends more than 20 messages in 10 s, then the rest are refused with RATE_LIMIT_EXCEEDED and not stored', async () => {
    const pair = await chat();
    const c = await connect(pair.customer);
    const acks = [];
    for (let i = 0; i < 23; i += 1) {
      acks.push(
        await ask<TMessage>(c, 'send-message', { bookingId: pair.bookingId, content: `n${i}` }),
      );
    }
    expect(acks.filter((a) => a.success)).toHaveLength(20);
    for (const refused of acks.slice(20)) {
      expect(refused).toMatchObject({ success: false, error: { code: 'RATE_LIMIT_EXCEEDED' } });
    }
    expect(await storedIds(pair.bookingId)).toHaveLength(20);
  });

  it('when a payload is invalid or oversize, then it is refused: a validation error, or the connection closed', async () => {
    const pair = await chat();
    const c = await connect(pair.customer);
    for (const payload of [
      { bookingId: pair.bookingId, content: 'x'.repeat(2001) },
      { bookingId: pair.bookingId, content: 'hi', receiverId: pair.customer.userId },
      'not an object',
    ]) {
      const answer = await ask(c, 'send-message', payload);
      expect(answer).toMatchObject({ success: false, error: { code: 'VALIDATION_ERROR' } });
    }
    const cancelled = await chat('cancelled');
    const closed = await ask(await connect(cancelled.customer), 'send-message', {
      bookingId: cancelled.bookingId,
      content: 'hello?',
    });
    expect(closed).toMatchObject({ success: false, error: { code: 'CONFLICT' } });
    const dropped = disconnection(c);
    c.emit('send-message', { bookingId: pair.bookingId, content: 'x'.repeat(40_000) });
    expect(await dropped).toMatch(/transport (close|error)/);
    expect(await storedIds(pair.bookingId)).toEqual([]);
  });

  it('when an admin connects, then they may join and read a booking room but not send in it', async () => {
    const pair = await chat();
    const adminRow = await insertTestUser(app, { role: 'admin' });
    const admin = await connect({ token: (await signIn(app, adminRow.email)).accessToken });
    dataOf(await ask(admin, 'join-booking', { bookingId: pair.bookingId }));
    const answer = await ask(admin, 'send-message', { bookingId: pair.bookingId, content: 'x' });
    expect(answer).toMatchObject({ success: false, error: { code: 'AUTHORIZATION_ERROR' } });
  });
});
