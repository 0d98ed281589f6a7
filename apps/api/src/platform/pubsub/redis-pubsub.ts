import type { Redis } from 'ioredis';
import type { Logger } from '../logger';
import { closeRedis } from '../redis-connection';
import type { MessageHandler, PubSub } from './pubsub';

/**
 * Redis pub/sub over two connections (a subscribing connection cannot publish). The subscriber
 * connection queues while offline and ioredis re-subscribes by itself after a reconnect.
 */
export const createRedisPubSub = (
  { publisher, subscriber }: { publisher: Redis; subscriber: Redis },
  logger: Logger,
  prefix = 'lk:',
): PubSub => {
  const handlers = new Map<string, Set<MessageHandler>>();

  subscriber.on('message', (channel: string, json: string) => {
    const subscribers = handlers.get(channel.slice(prefix.length));
    if (!subscribers) return;
    let message: unknown;
    try {
      message = JSON.parse(json);
    } catch (error) {
      logger.warn({ err: error, channel }, 'dropped a pub/sub message that is not JSON');
      return;
    }
    for (const handler of subscribers) handler(message);
  });

  return {
    kind: 'redis',
    publish: async (channel, message) => {
      await publisher.publish(`${prefix}${channel}`, JSON.stringify(message));
    },
    subscribe: async (channel, handler) => {
      const subscription: MessageHandler = (message) => handler(message);
      const set = handlers.get(channel) ?? new Set();
      const first = set.size === 0;
      set.add(subscription);
      handlers.set(channel, set);
      if (first) {
        const subscribing = subscriber.subscribe(`${prefix}${channel}`);
        if (subscriber.status === 'ready') {
          await subscribing;
        } else {
          // Queued on the subscriber connection until Redis is reachable again.
          subscribing.catch((error: unknown) =>
            logger.warn({ err: error, channel }, 'subscribe failed'),
          );
        }
      }
      return async () => {
        set.delete(subscription);
        if (set.size > 0) return;
        handlers.delete(channel);
        await subscriber.unsubscribe(`${prefix}${channel}`).catch(() => undefined);
      };
    },
    close: async () => {
      handlers.clear();
      await Promise.all([publisher, subscriber].map(closeRedis));
    },
  };
};
