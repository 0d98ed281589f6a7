import type { Cache } from './cache';

type Entry = { json: string; expiresAt: number };

/** In-process cache with TTLs. Values are stored as JSON so callers get copies, as from Redis. */
export const createMemoryCache = ({ maxEntries = 10_000 }: { maxEntries?: number } = {}): Cache => {
  const entries = new Map<string, Entry>();

  const live = (key: string): Entry | undefined => {
    const entry = entries.get(key);
    if (entry && entry.expiresAt <= Date.now()) {
      entries.delete(key);
      return undefined;
    }
    return entry;
  };

  const store = (key: string, json: string, expiresAt: number) => {
    entries.delete(key);
    entries.set(key, { json, expiresAt });
    // A Map iterates in insertion order, so the first key is the least recently written.
    if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
  };

  return {
    kind: 'in-process',
    get: <T>(key: string) => {
      const entry = live(key);
      return Promise.resolve(entry ? (JSON.parse(entry.json) as T) : undefined);
    },
    set: (key, value, ttlSeconds) => {
      store(key, JSON.stringify(value), Date.now() + ttlSeconds * 1000);
      return Promise.resolve();
    },
    getJson: (key) => Promise.resolve(live(key)?.json),
    setJson: (key, json, ttlSeconds) => {
      store(key, json, Date.now() + ttlSeconds * 1000);
      return Promise.resolve();
    },
    delete: (key) => {
      entries.delete(key);
      return Promise.resolve();
    },
    increment: (key) => {
      const entry = live(key);
      const next = (entry ? Number(JSON.parse(entry.json)) : 0) + 1;
      store(key, JSON.stringify(next), entry?.expiresAt ?? Number.POSITIVE_INFINITY);
      return Promise.resolve(next);
    },
    ping: () => Promise.resolve(),
    close: () => {
      entries.clear();
      return Promise.resolve();
    },
  };
};
