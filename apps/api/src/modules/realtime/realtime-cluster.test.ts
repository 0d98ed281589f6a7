import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { TMessage } from '@localkart/contracts/messages';
import type { TPresence, TServerEvent } from '@localkart/contracts/realtime';
import { buildApp } from '../../app';
import { createLogger } from '../../platform/logger';
import { openRuntime, type Runtime } from '../../runtime';
import { startTestApp, type TestApp } from '../../test-support/test-app';
import { serverRedisUrl, testConfig } from '../../test-support/test-env';
import { BOOKING_STATUS_CHANNEL, type BookingStatusChanged } from '../bookings/bookings.service';
import { bookableProvider } from '../bookings/bookings-test-support';
import { auth, signedInCustomer } from '../providers/provider-test-support';
import { insertTestBooking } from '../reviews/review-test-support';
import { disconnectUser } from './disconnect-user';
import { attachRealtime, type Realtime } from './realtime.gateway';
import {
  connectSocket,
  dataOf,
  disconnection,
  nextEvent,
  record,
  request as ask,
  settle,
  type ClientSocket,
} from './realtime-test-support';

type Process = { runtime: Runtime; server: Server; realtime: Realtime; url: string };

/**
 * A second API "process" in this one: its own runtime (pool, Redis connections, pub/sub,
 * Socket.io server and adapter) over the first one's database and Redis key prefix, as two
 * replicas behind a load balancer would be. On PGlite the embedded database object is shared,
 * since an embedded database cannot be opened twice.
 */
const startSecondProcess = async (first: TestApp): Promise<Process> => {
  const config = testConfig({
    DATABASE_URL: first.runtime.config.DATABASE_URL,
    REDIS_URL: serverRedisUrl,
    REDIS_PREFIX: first.runtime.config.REDIS_PREFIX,
    AUTH_RATE_LIMIT_MAX: '1000',
  });
  const opened = await openRuntime(config, createLogger(config));
  const runtime: Runtime =
    first.runtime.database.kind === 'pglite'
      ? { ...opened, database: first.runtime.database }
      : opened;
  const { app, realtime: modules } = buildApp(runtime);
  const server = createServer(app);
  const realtime = await attachRealtime(server, runtime, modules);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { runtime, server, realtime, url: `http://127.0.0.1:${port}` };
};

const stopProcess = async ({ runtime, server, realtime }: Process) => {
  await realtime.close();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  for (const { close } of runtime.closers) await close();
};

// Cross-process delivery needs the Redis adapter; without REDIS_URL there is one process.
describe.skipIf(!serverRedisUrl)('realtime across two API processes (Redis adapter)', () => {
  let a: TestApp;
  let b: Process;
  const open: ClientSocket[] = [];
  beforeAll(async () => {
    a = await startTestApp({ env: { AUTH_RATE_LIMIT_MAX: '1000' } });
    b = await startSecondProcess(a);
  });
  afterEach(() => {
    for (const socket of open.splice(0)) socket.close();
  });
  afterAll(async () => {
    await stopProcess(b);
    await a.close();
  });

  const connect = async (url: string, who: { token: string }) => {
    const socket = await connectSocket(url, { token: who.token });
    open.push(socket);
    return socket;
  };
  const chat = async () => {
    const provider = await bookableProvider(a);
    const customer = await signedInCustomer(a);
    const bookingId = await insertTestBooking(a, {
      customerId: customer.userId,
      providerId: provider.providerId,
      status: 'confirmed',
    });
    const onA = await connect(a.url, customer);
    const onB = await connect(b.url, provider);
    dataOf(await ask(onA, 'join-booking', { bookingId }));
    dataOf(await ask(onB, 'join-booking', { bookingId }));
    return { customer, provider, bookingId, onA, onB };
  };

  it('when a message is sent through one process, then sockets on the other receive it, and the reverse over REST', async () => {
    const { provider, bookingId, onA, onB } = await chat();
    const heardOnB = nextEvent<TMessage>(onB, 'new-message');
    // The provider's socket outside the chat, on process B, gets the notification.
    const elsewhereOnB = await connect(b.url, provider);
    const notifiedOnB = nextEvent<TServerEvent<'message-notification'>>(
      elsewhereOnB,
      'message-notification',
    );
    const sent = dataOf(
      await ask<TMessage>(onA, 'send-message', {
        bookingId,
        content: 'From process A',
        clientId: randomUUID(),
      }),
    );
    expect((await heardOnB).id).toBe(sent.id);
    expect((await notifiedOnB).messageId).toBe(sent.id);

    const heardOnA = nextEvent<TMessage>(onA, 'new-message', (m) => m.id !== sent.id);
    const viaRest = await request(b.url)
      .post('/api/messages')
      .set(auth(provider))
      .send({ bookingId, content: 'From process B over REST' })
      .expect(201);
    expect((await heardOnA).id).toBe(viaRest.body.data.id);

    const typing = nextEvent<TServerEvent<'typing'>>(onA, 'typing');
    onB.emit('typing', { bookingId, isTyping: true });
    expect(await typing).toMatchObject({ bookingId, userId: provider.userId, isTyping: true });
  });

  it('when a booking changes state, then each party hears it once though both processes receive the bus message', async () => {
    const { customer, provider, bookingId, onA, onB } = await chat();
    const customerSaw = record<TServerEvent<'booking-status-changed'>>(
      onA,
      'booking-status-changed',
    );
    const providerSaw = record<TServerEvent<'booking-status-changed'>>(
      onB,
      'booking-status-changed',
    );
    const event: BookingStatusChanged = {
      bookingId,
      customerId: customer.userId,
      providerId: provider.providerId,
      providerUserId: provider.userId,
      from: 'confirmed',
      to: 'in_progress',
      at: new Date().toISOString(),
    };
    await a.runtime.pubsub.publish(BOOKING_STATUS_CHANNEL, event);
    await expect.poll(() => customerSaw.length + providerSaw.length, { timeout: 10_000 }).toBe(2);
    await settle(500);
    expect(customerSaw).toHaveLength(1);
    expect(providerSaw).toHaveLength(1);
    expect(customerSaw[0]).toMatchObject({ bookingId, status: 'in_progress' });
  });

  it('when a user is online on one process, then the other reports them online; disconnectUser drops them from anywhere', async () => {
    const { customer, bookingId, onA, onB } = await chat();
    const presence = dataOf(await ask<TPresence[]>(onB, 'presence', { bookingId }));
    expect(presence[0]).toMatchObject({ userId: customer.userId, online: true });
    const dropped = disconnection(onA, 20_000);
    const offline = nextEvent<TPresence>(onB, 'presence', (event) => !event.online, 20_000);
    await disconnectUser(b.runtime.pubsub, customer.userId);
    const [reason, event] = await Promise.all([dropped, offline]);
    expect(reason).toBe('io server disconnect');
    expect(event).toMatchObject({ userId: customer.userId, online: false });
  });
});
