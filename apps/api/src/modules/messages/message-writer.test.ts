import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messages } from '../../db/schema/messages';
import { insertTestUser } from '../../test-support/accounts';
import { startTestApp, type TestApp } from '../../test-support/test-app';
import { bookableProvider } from '../bookings/bookings-test-support';
import { insertTestBooking } from '../reviews/review-test-support';
import { createMessageWriter } from './message-writer';

describe('message writer (many messages, one commit)', () => {
  let app: TestApp;
  let chat: { bookingId: string; customerId: string; providerUserId: string };
  beforeAll(async () => {
    app = await startTestApp();
    const provider = await bookableProvider(app);
    const customer = await insertTestUser(app);
    const bookingId = await insertTestBooking(app, {
      customerId: customer.id,
      providerId: provider.providerId,
      status: 'confirmed',
    });
    chat = { bookingId, customerId: customer.id, providerUserId: provider.userId };
  });
  afterAll(() => app?.close());

  const db = () => app.runtime.database.db;
  const text = (content: string, clientId: string | null = null, bookingId = chat.bookingId) => ({
    bookingId,
    senderId: chat.customerId,
    receiverId: chat.providerUserId,
    clientId,
    type: 'text' as const,
    content,
    latitude: null,
    longitude: null,
  });
  const stored = () =>
    db()
      .select({ content: messages.content })
      .from(messages)
      .where(eq(messages.bookingId, chat.bookingId))
      .orderBy(asc(messages.createdAt), asc(messages.id));

  it('when 300 messages arrive at once, then each is stored, in the order they were sent', async () => {
    const writer = createMessageWriter(db());
    const contents = Array.from({ length: 300 }, (_, index) => `message ${index}`);
    const rows = await Promise.all(contents.map((content) => writer.insert(text(content))));
    expect(rows.map((row) => row?.content)).toEqual(contents);
    expect(new Set(rows.map((row) => row?.id)).size).toBe(300);
    expect((await stored()).map((row) => row.content).slice(-300)).toEqual(contents);
  });

  it('when one client id comes twice in a batch, then it is stored once and the retry gets nothing back', async () => {
    const writer = createMessageWriter(db());
    const clientId = randomUUID();
    const [first, again, other] = await Promise.all([
      writer.insert(text('on my way', clientId)),
      writer.insert(text('on my way', clientId)),
      writer.insert(text('ring the bell')),
    ]);
    expect([first?.clientId, again, other?.content]).toEqual([
      clientId,
      undefined,
      'ring the bell',
    ]);
  });

  it('when one message of a batch cannot be stored, then only its sender gets the error', async () => {
    const writer = createMessageWriter(db());
    // The first goes alone; the next three share a batch, one of them for a missing booking.
    const results = await Promise.allSettled([
      writer.insert(text('first')),
      writer.insert(text('kept a')),
      writer.insert(text('orphan', null, randomUUID())),
      writer.insert(text('kept b')),
    ]);
    expect(results.map((result) => result.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
    ]);
    expect((await stored()).map((row) => row.content).slice(-3)).toEqual([
      'first',
      'kept a',
      'kept b',
    ]);
  });
});
