import { afterEach, describe, expect, it } from 'vitest';
import { connectTestRedis, quietLogger, uniquePrefix } from '../../test-support/redis-for-tests';
import { serverRedisUrl } from '../../test-support/test-env';
import type { Cache } from './cache';
import { createMemoryCache } from './memory-cache';
import { createRedisCache } from './redis-cache';

const implementations: [string, () => Promise<Cache>][] = [
  ['in-process', () => Promise.resolve(createMemoryCache())],
];
if (serverRedisUrl) {
  const url = serverRedisUrl;
  implementations.push([
    'redis',
    async () => createRedisCache(await connectTestRedis(url), quietLogger, uniquePrefix()),
  ]);
}

describe.each(implementations)('cache contract: %s', (_name, open) => {
  let cache: Cache;
  afterEach(() => cache.close());

  it('when a value is set, then get returns an equal copy', async () => {
    cache = await open();
    const value = { city: 'Pune', ids: [1, 2], nested: { ok: true } };
    await cache.set('providers:pune', value, 60);
    const read = await cache.get<typeof value>('providers:pune');
    expect(read).toEqual(value);
    expect(read).not.toBe(value);
  });

  it('when JSON text is stored, then getJson returns it verbatim and get parses it', async () => {
    cache = await open();
    const json = '{"success":true,"data":{"city":"पुणे"}}';
    await cache.setJson('page', json, 60);
    expect(await cache.getJson('page')).toBe(json);
    expect(await cache.get('page')).toEqual({ success: true, data: { city: 'पुणे' } });
    await cache.set('value', { a: [1] }, 60);
    expect(await cache.getJson('value')).toBe('{"a":[1]}');
    expect(await cache.getJson('missing')).toBeUndefined();
  });

  it('when a key was never set, then get returns undefined', async () => {
    cache = await open();
    expect(await cache.get('missing')).toBeUndefined();
  });

  it('when the TTL passes, then the value is gone', async () => {
    cache = await open();
    await cache.set('short', 'lived', 1);
    expect(await cache.get('short')).toBe('lived');
    await new Promise((resolve) => setTimeout(resolve, 2100));
    expect(await cache.get('short')).toBeUndefined();
  });

  it('when a key is deleted, then it misses', async () => {
    cache = await open();
    await cache.set('k', 1, 60);
    await cache.delete('k');
    expect(await cache.get('k')).toBeUndefined();
  });

  it('when a counter is incremented concurrently, then every increment counts', async () => {
    cache = await open();
    const results = await Promise.all(Array.from({ length: 50 }, () => cache.increment('version')));
    expect(new Set(results).size).toBe(50);
    expect(Math.max(...results.map(Number))).toBe(50);
  });

  it('when a value is overwritten, then the new one is read', async () => {
    cache = await open();
    await cache.set('k', 'old', 60);
    await cache.set('k', 'new', 60);
    expect(await cache.get('k')).toBe('new');
  });

  it('when pinged while reachable, then it resolves', async () => {
    cache = await open();
    await expect(cache.ping()).resolves.toBeUndefined();
  });
});

describe('in-process cache bounds', () => {
  it('when more than maxEntries are written, then the oldest are evicted', async () => {
    const cache = createMemoryCache({ maxEntries: 3 });
    for (const key of ['a', 'b', 'c', 'd']) await cache.set(key, key, 60);
    expect(await cache.get('a')).toBeUndefined();
    expect(await cache.get('d')).toBe('d');
  });
});
