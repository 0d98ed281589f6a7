import { createApi } from '@reduxjs/toolkit/query/react';
import type { TPageMeta, TSuccessEnvelope } from '@localkart/contracts/envelope';
import { createBaseQuery } from '@localkart/web-kit/base-query';

/**
 * The one RTK Query API of the admin app, with no endpoints of its own: each feature adds its
 * endpoints (and tag types) with `api.enhanceEndpoints({ addTagTypes }).injectEndpoints(…)` in its
 * own folder, so areas do not edit a shared file.
 */
export const api = createApi({
  reducerPath: 'api',
  baseQuery: createBaseQuery({ app: 'admin' }),
  endpoints: () => ({}),
});

/** The success envelope's payload: every endpoint returns `{ success, data, meta? }`. */
export const data = <T>(response: TSuccessEnvelope<T>): T => response.data;

export type Page<T> = { items: T[]; meta: Partial<TPageMeta> };
/** A list endpoint's items with its page meta (page, limit, total, hasNext). */
export const page = <T>(response: TSuccessEnvelope<T[]>): Page<T> => ({
  items: response.data,
  meta: response.meta ?? {},
});

/** A query string from the contract's query object, unset and empty values left out. */
export const queryString = (params: object) => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== null && value !== '')
      search.set(key, String(value as string | number | boolean));
  return search.toString();
};
