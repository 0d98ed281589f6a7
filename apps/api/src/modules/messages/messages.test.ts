import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TMessage } from '@localkart/contracts/messages';
import { messages as messagesTable } from '../../db/schema/messages';
import { insertTestUser, signIn } from '../../test-support/accounts';
import { startTestApp, type TestApp } from '../../test-support/test-app';
import { auth, signedInCustomer, type SignedIn } from '../providers/provider-test-support';
import { bookableProvider, type TestProvider } from '../bookings/bookings-test-support';
import { insertTestBooking } from '../reviews/review-test-support';
import { MESSAGE_TO_OFFLINE_CHANNEL, type MessageToOffline } from './messages.service';

const png = () =>
  sharp({ create: { width: 64, height: 48, channels: 3, background: '#3366aa' } })
    .png()
    .withExif({ IFD0: { Artist: 'Secret Person' } })
    .toBuffer();
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

type Chat = { customer: SignedIn; provider: TestProvider; bookingId: string };

describe('messages (REST)', () => {
  let app: TestApp;
  let admin: SignedIn;
  beforeAll(async () => {
    app = await startTestApp({ env: { AUTH_RATE_LIMIT_MAX: '1000' } });
    const row = await insertTestUser(app, { role: 'admin' });
    admin = { userId: row.id, email: row.email, token: (await signIn(app, row.email)).accessToken };
  });
  afterAll(() => app.close());

  const chat = async (status: 'confirmed' | 'cancelled' | 'completed' = 'confirmed') => {
    const provider = await bookableProvider(app);
    const customer = await signedInCustomer(app);
    const bookingId = await insertTestBooking(app, {
      customerId: customer.userId,
      providerId: provider.providerId,
      status,
    });
    return { customer, provider, bookingId } satisfies Chat;
  };
  const send = (who: { token: string }, body: object) =>
    request(app.url).post('/api/messages').set(auth(who)).send(body);
  const list = (who: { token: string }, bookingId: string, query: Record<string, string> = {}) =>
    request(app.url).get(`/api/messages/${bookingId}`).query(query).set(auth(who));
  const storedCount = async (bookingId: string) =>
    (
      await app.runtime.database.db
        .select()
        .from(messagesTable)
        .where(eq(messagesTable.bookingId, bookingId))
    ).length;

  it('when the customer sends a text to an offline provider, then it is stored, listed, and announced on the bus', async () => {
    const { customer, provider, bookingId } = await chat();
    const announced: MessageToOffline[] = [];
    const stop = await app.runtime.pubsub.subscribe(MESSAGE_TO_OFFLINE_CHANNEL, (event) =>
      announced.push(event as MessageToOffline),
    );
    const res = await send(customer, {
      bookingId,
      content: '  Please bring a spare washer.  ',
    }).expect(201);
    const message = res.body.data as TMessage;
    expect(message).toMatchObject({
      bookingId,
      senderId: customer.userId,
      receiverId: provider.userId,
      type: 'text',
      content: 'Please bring a spare washer.',
      location: null,
      attachments: [],
      isRead: false,
      readAt: null,
      clientId: null,
    });
    const page = await list(provider, bookingId).expect(200);
    expect(page.body.data.messages).toEqual([message]);
    expect(page.body.data.nextCursor).toBeNull();
    await expect.poll(() => announced.length).toBe(1);
    expect(announced[0]).toEqual({
      messageId: message.id,
      bookingId,
      senderId: customer.userId,
      receiverId: provider.userId,
      type: 'text',
      preview: 'Please bring a spare washer.',
      createdAt: message.createdAt,
    });
    await stop();
  });

  it('when someone outside the booking reads or writes its chat, then 404 as for an unknown booking; admins read but do not write', async () => {
    const { customer, bookingId } = await chat();
    await send(customer, { bookingId, content: 'Hello' }).expect(201);
    const stranger = await signedInCustomer(app);
    const otherProvider = await bookableProvider(app);
    for (const outsider of [stranger, otherProvider]) {
      await list(outsider, bookingId).expect(404);
      const res = await send(outsider, { bookingId, content: 'Hi' }).expect(404);
      expect(res.body.error.code).toBe('NOT_FOUND');
    }
    await list(stranger, randomUUID()).expect(404);
    await list(stranger, 'not-a-uuid').expect(404);
    await request(app.url).get(`/api/messages/${bookingId}`).expect(401);
    expect((await list(admin, bookingId).expect(200)).body.data.messages).toHaveLength(1);
    await send(admin, { bookingId, content: 'Admin here' }).expect(403);
    expect(await storedCount(bookingId)).toBe(1);
  });

  it('when the body is invalid (empty, too long, control characters, unknown fields, a receiver), then 400 and nothing is stored', async () => {
    const { customer, provider, bookingId } = await chat();
    const bodies: object[] = [
      {},
      { bookingId },
      { bookingId, content: '   ' },
      { bookingId, content: 'x'.repeat(2001) },
      { bookingId, content: 'bell\u0007' },
      { bookingId, content: 'Hi', receiverId: provider.userId },
      { bookingId, content: 'Hi', senderId: provider.userId },
      { bookingId, content: 'Hi', type: 'video' },
      { bookingId, content: 'Hi', clientId: 'abc' },
      { bookingId, type: 'location', latitude: 12.9 },
      { bookingId, type: 'location', latitude: 91, longitude: 77 },
      { bookingId, content: 'Hi', latitude: 12.9, longitude: 77.6 },
      { bookingId, type: 'image', content: 'no file' },
    ];
    for (const body of bodies) {
      const res = await send(customer, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_ERROR');
    }
    expect(await storedCount(bookingId)).toBe(0);
    await send(customer, { bookingId, content: 'x'.repeat(2000) }).expect(201);
    const located = await send(provider, {
      bookingId,
      type: 'location',
      latitude: 12.9352,
      longitude: 77.6245,
    }).expect(201);
    expect(located.body.data).toMatchObject({
      type: 'location',
      content: '',
      location: { latitude: 12.9352, longitude: 77.6245 },
      receiverId: customer.userId,
    });
  });

  it('when a send is retried with the same clientId, then the stored message comes back once (200), and a reused id for another booking is 409', async () => {
    const { customer, bookingId } = await chat();
    const clientId = randomUUID();
    const first = await send(customer, { bookingId, clientId, content: 'On my way' }).expect(201);
    const again = await send(customer, { bookingId, clientId, content: 'On my way' }).expect(200);
    expect(again.body.data).toEqual(first.body.data);
    const concurrent = randomUUID();
    const results = await Promise.all(
      [1, 2, 3].map(() => send(customer, { bookingId, clientId: concurrent, content: 'Twice' })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 201]);
    expect(new Set(results.map((r) => (r.body as { data: TMessage }).data.id)).size).toBe(1);
    expect(await storedCount(bookingId)).toBe(2);
    const other = await chat();
    const reused = await send(other.customer, {
      bookingId: other.bookingId,
      clientId,
      content: 'x',
    });
    // A client id is unique per sender; another sender may use the same one.
    expect(reused.status).toBe(201);
    const sameSender = await chat();
    await insertTestBooking(app, {
      customerId: customer.userId,
      providerId: sameSender.provider.providerId,
    }).then((id) => send(customer, { bookingId: id, clientId, content: 'x' }).expect(409));
  });

  it('when the booking is cancelled, then new messages are refused with 409 and the history stays readable; completed bookings still chat', async () => {
    const cancelled = await chat('cancelled');
    const res = await send(cancelled.customer, {
      bookingId: cancelled.bookingId,
      content: 'Why?',
    }).expect(409);
    expect(res.body.error.details).toEqual({ status: 'cancelled' });
    await list(cancelled.customer, cancelled.bookingId).expect(200);
    const completed = await chat('completed');
    await send(completed.provider, { bookingId: completed.bookingId, content: 'Thanks!' }).expect(
      201,
    );
  });

  it('when the receiver marks a message read, then it and every earlier unread one to them are read; the sender cannot', async () => {
    const { customer, provider, bookingId } = await chat();
    const sent: TMessage[] = [];
    for (const content of ['one', 'two', 'three']) {
      sent.push((await send(customer, { bookingId, content }).expect(201)).body.data);
    }
    const reply = (await send(provider, { bookingId, content: 'ok' }).expect(201)).body.data;
    const read = (id: string, who: { token: string }) =>
      request(app.url).put(`/api/messages/${id}/read`).set(auth(who));
    await read(sent[1]!.id, customer).expect(403);
    await read(sent[1]!.id, admin).expect(403);
    await read(sent[1]!.id, await signedInCustomer(app)).expect(404);
    await read(randomUUID(), provider).expect(404);
    const receipt = (await read(sent[1]!.id, provider).expect(200)).body.data;
    expect(receipt).toMatchObject({ bookingId, readerId: provider.userId, messageId: sent[1]!.id });
    expect([...receipt.messageIds].sort()).toEqual([sent[0]!.id, sent[1]!.id].sort());
    const page = (await list(customer, bookingId).expect(200)).body.data.messages as TMessage[];
    const byId = new Map(page.map((m) => [m.id, m]));
    expect(byId.get(sent[0]!.id)!.isRead).toBe(true);
    expect(byId.get(sent[1]!.id)!.isRead).toBe(true);
    expect(byId.get(sent[2]!.id)!.isRead).toBe(false);
    expect(byId.get(reply.id)!.isRead).toBe(false);
    const again = (await read(sent[1]!.id, provider).expect(200)).body.data;
    expect(again.messageIds).toEqual([]);
  });

  it('when a chat is read a page at a time, then the cursor walks newest to oldest without gaps or repeats', async () => {
    const { customer, provider, bookingId } = await chat();
    const ids: string[] = [];
    for (let i = 0; i < 7; i += 1) {
      const who = i % 2 === 0 ? customer : provider;
      ids.push((await send(who, { bookingId, content: `message ${i}` }).expect(201)).body.data.id);
    }
    const seen: string[] = [];
    let before: string | undefined;
    for (;;) {
      const res = await list(customer, bookingId, {
        limit: '3',
        ...(before ? { before } : {}),
      }).expect(200);
      const page = res.body.data as { messages: TMessage[]; nextCursor: string | null };
      seen.push(...page.messages.map((m) => m.id));
      expect(res.body.meta).toEqual({ limit: 3, hasNext: res.body.data.nextCursor !== null });
      before = res.body.data.nextCursor ?? undefined;
      if (!before) break;
    }
    expect(seen).toEqual([...ids].reverse());
    await list(customer, bookingId, { before: 'garbage' }).expect(400);
    const other = await chat();
    const foreign = (await send(other.customer, { bookingId: other.bookingId, content: 'x' })).body
      .data.id as string;
    const foreignCursor = Buffer.from(`m1:${foreign}`).toString('base64url');
    await list(customer, bookingId, { before: foreignCursor }).expect(400);
    expect((await list(customer, bookingId, { limit: '1000' })).body.meta.limit).toBe(100);
  });

  it('when a user has several chats, then conversations list one row per booking with the other party, last message and unread count', async () => {
    const customer = await signedInCustomer(app);
    const providers = [await bookableProvider(app), await bookableProvider(app)];
    const bookings: string[] = [];
    for (const provider of providers) {
      bookings.push(
        await insertTestBooking(app, {
          customerId: customer.userId,
          providerId: provider.providerId,
        }),
      );
    }
    await send(customer, { bookingId: bookings[0], content: 'first chat' }).expect(201);
    await send(providers[0]!, { bookingId: bookings[0], content: 'reply 1' }).expect(201);
    await send(providers[0]!, { bookingId: bookings[0], content: 'reply 2' }).expect(201);
    await send(providers[1]!, { bookingId: bookings[1], content: 'second chat' }).expect(201);
    for (const path of ['/api/messages/conversations', '/api/users/messages']) {
      const res = await request(app.url).get(path).set(auth(customer)).expect(200);
      expect(res.body.meta).toEqual({ page: 1, limit: 20, total: 2, hasNext: false });
      const rows = res.body.data as { bookingId: string }[];
      expect(rows.map((row) => row.bookingId)).toEqual([bookings[1], bookings[0]]);
      expect(rows[0]).toMatchObject({
        otherParty: {
          userId: providers[1]!.userId,
          role: 'provider',
          name: 'Mehta Home Services',
          avatar: null,
        },
        lastMessage: { content: 'second chat' },
        unreadCount: 1,
      });
      expect(rows[1]).toMatchObject({ lastMessage: { content: 'reply 2' }, unreadCount: 2 });
    }
    const providerView = await request(app.url)
      .get('/api/messages/conversations')
      .set(auth(providers[0]!))
      .expect(200);
    expect(providerView.body.data).toHaveLength(1);
    expect(providerView.body.data[0]).toMatchObject({
      otherParty: { userId: customer.userId, role: 'customer', name: 'Arjun M.' },
      unreadCount: 1,
    });
  });

  it('when an image or PDF is attached, then it is checked by content, stored privately and downloadable only by the parties and admins', async () => {
    const { customer, provider, bookingId } = await chat();
    const image = await request(app.url)
      .post('/api/messages')
      .set(auth(customer))
      .field('bookingId', bookingId)
      .field('type', 'image')
      .field('content', 'The leak')
      .attach('attachment', await png(), { filename: 'leak photo.png', contentType: 'image/png' })
      .expect(201);
    const [attachment] = image.body.data.attachments;
    expect(attachment).toMatchObject({ filename: 'leak photo.webp', contentType: 'image/webp' });
    const download = (who: { token: string } | undefined) => {
      const req = request(app.url).get(attachment.url);
      return who ? req.set(auth(who)) : req;
    };
    for (const who of [customer, provider, admin]) {
      const res = await download(who).buffer(true).expect(200);
      expect(res.headers['content-type']).toBe('image/webp');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="leak photo.webp"/);
      const meta = await sharp(res.body as Buffer).metadata();
      expect(meta.format).toBe('webp');
      expect(meta.exif).toBeUndefined();
    }
    await download(await signedInCustomer(app)).expect(404);
    await download(undefined).expect(401);
    await request(app.url)
      .get(`/api/messages/attachments/${randomUUID()}`)
      .set(auth(customer))
      .expect(404);

    const pdf = await request(app.url)
      .post('/api/messages')
      .set(auth(provider))
      .field('bookingId', bookingId)
      .field('type', 'file')
      .attach('attachment', PDF, { filename: 'quote.pdf', contentType: 'application/pdf' })
      .expect(201);
    expect(pdf.body.data.attachments[0]).toMatchObject({
      filename: 'quote.pdf',
      contentType: 'application/pdf',
      size: PDF.length,
    });
    const attach = (type: string, body: Buffer, filename: string, contentType: string) =>
      request(app.url)
        .post('/api/messages')
        .set(auth(customer))
        .field('bookingId', bookingId)
        .field('type', type)
        .attach('attachment', body, { filename, contentType });
    // Named and labelled as images, but they are not: refused by content.
    await attach('image', Buffer.from('<html>hi</html>'), 'x.png', 'image/png').expect(415);
    await attach('image', PDF, 'x.png', 'image/png').expect(415);
    await attach('file', Buffer.from('MZ\x90\x00 executable'), 'x.pdf', 'application/pdf').expect(
      415,
    );
    const big = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]);
    await attach('file', big, 'big.pdf', 'application/pdf').expect(413);
    await attach('text', await png(), 'x.png', 'image/png').expect(400);
    expect(await storedCount(bookingId)).toBe(2);
  });
});
