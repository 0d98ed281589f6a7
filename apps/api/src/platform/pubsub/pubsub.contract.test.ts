import { afterEach, describe, expect, it } from 'vitest';
import { connectTestRedis, quietLogger, uniquePrefix } from '../../test-support/redis-for-tests';
import { serverRedisUrl } from '../../test-support/test-env';
import { createMemoryPubSub } from './memory-pubsub';
import type { PubSub } from './pubsub';
import { createRedisPubSub } from './redis-pubsub';

const openRedisPubSub = async (url: string, prefix: string) =>
  createRedisPubSub(
    {
      publisher: await connectTestRedis(url, { name: 'pub' }),
      subscriber: await connectTestRedis(url, { name: 'sub', queueWhileOffline: true }),
    },
    quietLogger,
    prefix,
  );

const implementations: [string, () => Promise<PubSub>][] = [
  ['in-process', () => Promise.resolve(createMemoryPubSub())],
];
if (serverRedisUrl) {
  const url = serverRedisUrl;
  implementations.push(['redis', () => openRedisPubSub(url, uniquePrefix())]);
}

/** Resolves with the first `count` messages a channel receives. */
const collect = async (bus: PubSub, channel: string, count: number) => {
  const received: unknown[] = [];
  let done: (messages: unknown[]) => void = () => undefined;
  const all = new Promise<unknown[]>((resolve) => (done = resolve));
  const unsubscribe = await bus.subscribe(channel, (message) => {
    received.push(message);
    if (received.length === count) done(received);
  });
  return { all, unsubscribe, received };
};

const settle = () => new Promise((resolve) => setTimeout(resolve, 150));

describe.each(implementations)('pub/sub contract: %s', (_name, open) => {
  let bus: PubSub;
  afterEach(() => bus.close());

  it('when messages are published, then a subscriber gets them in order as JSON copies', async () => {
    bus = await open();
    const { all } = await collect(bus, 'booking.status', 3);
    const sent = [{ id: 'b1', status: 'confirmed' }, { id: 'b1', status: 'in_progress' }, 'done'];
    for (const message of sent) await bus.publish('booking.status', message);
    expect(await all).toEqual(sent);
  });

  it('when two subscribe to one channel, then both get each message', async () => {
    bus = await open();
    const first = await collect(bus, 'c', 1);
    const second = await collect(bus, 'c', 1);
    await bus.publish('c', { n: 1 });
    expect(await first.all).toEqual([{ n: 1 }]);
    expect(await second.all).toEqual([{ n: 1 }]);
  });

  it('when a message goes to another channel, then this channel does not see it', async () => {
    bus = await open();
    const mine = await collect(bus, 'mine', 1);
    await bus.publish('other', 'not for you');
    await bus.publish('mine', 'for you');
    expect(await mine.all).toEqual(['for you']);
    await settle();
    expect(mine.received).toEqual(['for you']);
  });

  it('when a subscriber unsubscribes, then it gets nothing more and others still do', async () => {
    bus = await open();
    const leaving = await collect(bus, 'c', 1);
    const staying = await collect(bus, 'c', 2);
    await bus.publish('c', 1);
    await leaving.all;
    await leaving.unsubscribe();
    await bus.publish('c', 2);
    expect(await staying.all).toEqual([1, 2]);
    await settle();
    expect(leaving.received).toEqual([1]);
  });
});

describe.runIf(serverRedisUrl)('redis pub/sub across processes', () => {
  it('when one API instance publishes, then a subscriber on another instance receives it', async () => {
    const prefix = uniquePrefix();
    const [one, two] = await Promise.all([
      openRedisPubSub(serverRedisUrl!, prefix),
      openRedisPubSub(serverRedisUrl!, prefix),
    ]);
    try {
      const { all } = await collect(two, 'booking.status', 1);
      await one.publish('booking.status', { id: 'b7', status: 'completed' });
      expect(await all).toEqual([{ id: 'b7', status: 'completed' }]);
    } finally {
      await Promise.all([one.close(), two.close()]);
    }
  });
});
