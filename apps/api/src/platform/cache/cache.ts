/**
 * A best-effort cache: it never throws. When its store is unreachable, reads miss and writes are
 * dropped, so callers fall through to the database and the product keeps serving.
 */
export interface Cache {
  readonly kind: 'redis' | 'in-process';
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown, ttlSeconds: number): Promise<void>;
  /** The stored JSON text of a value, unparsed: for a caller that only sends it on. */
  getJson(key: string): Promise<string | undefined>;
  /** Stores `json` (the caller vouches that it is JSON text) as a value's representation. */
  setJson(key: string, json: string, ttlSeconds: number): Promise<void>;
  delete(key: string): Promise<void>;
  /**
   * Atomically adds one to a counter and returns the new value (`undefined` when the store is
   * unreachable). Versioned key namespaces use it to invalidate without `KEYS`.
   */
  increment(key: string): Promise<number | undefined>;
  /** Throws when the store is unreachable; used by /health. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
