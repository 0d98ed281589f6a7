import { createHash, randomUUID } from 'node:crypto';
import type { Cache } from '../../platform/cache/cache';

/** ERD §9.1: search results live 30 minutes unless a provider they depend on changes first. */
export const SEARCH_CACHE_TTL_SECONDS = 30 * 60;
/** Namespace versions outlive every result stored under them. */
const VERSION_TTL_SECONDS = 24 * 60 * 60;

const ANY_CATEGORY = '*';
/**
 * The shape of what is cached; raised when a result's fields change (2: cards carry their area
 * centre), so a new release never sends a result an older one stored in a shared Redis.
 */
const RESULT_FORMAT = 2;

/**
 * Search results keyed by the normalised query under a version per category (never `KEYS`).
 * A change to a provider replaces the version of each of its categories and of "any category",
 * so every cached page that could have listed it is unreachable from then on. Versions are
 * random, not counters: a version evicted from the cache can never come back as an old value
 * and revive results cached under it.
 */
export const createSearchCache = ({ cache, enabled }: { cache: Cache; enabled: boolean }) => {
  const versionKey = (category: string) => `search:version:${category || ANY_CATEGORY}`;

  const versionOf = async (category: string): Promise<string> => {
    const key = versionKey(category);
    const current = await cache.get<string>(key);
    if (current) return current;
    const fresh = randomUUID();
    await cache.set(key, fresh, VERSION_TTL_SECONDS);
    return fresh;
  };

  const resultKey = async (scope: string, category: string, query: unknown) => {
    const digest = createHash('sha256').update(JSON.stringify(query)).digest('base64url');
    const version = await versionOf(category);
    return `search:${scope}:f${RESULT_FORMAT}:${category || ANY_CATEGORY}:${version}:${digest}`;
  };

  /** The cached value for `query`, else `compute()`'s, stored for next time. */
  const through = async <T>(
    scope: string,
    { category, query }: { category: string; query: unknown },
    compute: () => Promise<T>,
  ): Promise<T> => {
    if (!enabled) return compute();
    const key = await resultKey(scope, category, query);
    const cached = await cache.get<T>(key);
    if (cached !== undefined) return cached;
    const value = await compute();
    await cache.set(key, value, SEARCH_CACHE_TTL_SECONDS);
    return value;
  };

  /**
   * Like `through`, for a value kept as the JSON text `compute()` returns: a hit is sent on
   * without being parsed and serialised again.
   */
  const throughJson = async (
    scope: string,
    { category, query }: { category: string; query: unknown },
    compute: () => Promise<string>,
  ): Promise<string> => {
    if (!enabled) return compute();
    const key = await resultKey(scope, category, query);
    const cached = await cache.getJson(key);
    if (cached !== undefined) return cached;
    const json = await compute();
    await cache.setJson(key, json, SEARCH_CACHE_TTL_SECONDS);
    return json;
  };

  const invalidate = async (categories: string[]) => {
    await Promise.all(
      [...new Set(['', ...categories])].map((category) =>
        cache.set(versionKey(category), randomUUID(), VERSION_TTL_SECONDS),
      ),
    );
  };

  return { through, throughJson, invalidate };
};

export type SearchCache = ReturnType<typeof createSearchCache>;
