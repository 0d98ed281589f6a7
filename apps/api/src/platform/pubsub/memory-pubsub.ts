import type { MessageHandler, PubSub } from './pubsub';

export const createMemoryPubSub = (): PubSub => {
  const handlers = new Map<string, Set<MessageHandler>>();
  return {
    kind: 'in-process',
    publish: (channel, message) => {
      // Serialise like Redis would: subscribers get a copy, and a non-JSON value fails here too.
      const json = JSON.stringify(message);
      for (const handler of handlers.get(channel) ?? []) {
        queueMicrotask(() => handler(JSON.parse(json)));
      }
      return Promise.resolve();
    },
    subscribe: (channel, handler) => {
      // Wrapped so the same function subscribed twice is two subscriptions, as on Redis.
      const subscription: MessageHandler = (message) => handler(message);
      const set = handlers.get(channel) ?? new Set();
      set.add(subscription);
      handlers.set(channel, set);
      return Promise.resolve(() => {
        set.delete(subscription);
        if (set.size === 0) handlers.delete(channel);
        return Promise.resolve();
      });
    },
    close: () => {
      handlers.clear();
      return Promise.resolve();
    },
  };
};
