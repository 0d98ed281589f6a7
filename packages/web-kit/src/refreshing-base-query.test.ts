import type { BaseQueryApi, FetchArgs } from '@reduxjs/toolkit/query';
import { describe, expect, it, vi } from 'vitest';
import { createRefreshingBaseQuery, type RawBaseQuery } from './refreshing-base-query';

const api = {} as BaseQueryApi;
const unauthorized = { error: { status: 401, data: { success: false } } } as const;

/** A server whose access token is stale until `refresh` hands out a new one. */
const fakeServer = () => {
  let tokenValid = false;
  const calls: string[] = [];
  const raw = vi.fn<RawBaseQuery>(async (args: string | FetchArgs) => {
    const url = typeof args === 'string' ? args : args.url;
    calls.push(url);
    await new Promise((resolve) => setTimeout(resolve, 5));
    return tokenValid ? { data: { url } } : unauthorized;
  });
  const refresh = vi.fn(async () => {
    await new Promise((resolve) => setTimeout(resolve, 20));
    tokenValid = true;
    return true;
  });
  return { raw, refresh, calls };
};

describe('createRefreshingBaseQuery', () => {
  it('when several requests get 401 at once, then one refresh runs and each is retried once', async () => {
    const server = fakeServer();
    const onSessionEnded = vi.fn();
    const query = createRefreshingBaseQuery(server.raw, {
      refresh: server.refresh,
      onSessionEnded,
    });
    const results = await Promise.all(
      ['api/a', 'api/b', 'api/c'].map(async (url) => await query(url, api, {})),
    );
    expect(server.refresh).toHaveBeenCalledTimes(1);
    expect(results.map((result) => result.data)).toEqual([
      { url: 'api/a' },
      { url: 'api/b' },
      { url: 'api/c' },
    ]);
    expect(server.calls.filter((url) => url === 'api/a')).toHaveLength(2);
    expect(onSessionEnded).not.toHaveBeenCalled();
  });

  it('when the refresh fails, then the session ends and the 401 is returned without a retry', async () => {
    const raw = vi.fn<RawBaseQuery>(() => Promise.resolve(unauthorized));
    const onSessionEnded = vi.fn();
    const query = createRefreshingBaseQuery(raw, {
      refresh: () => Promise.resolve(false),
      onSessionEnded,
    });
    const result = await query('api/users/profile', api, {});
    expect(result.error?.status).toBe(401);
    expect(raw).toHaveBeenCalledTimes(1);
    expect(onSessionEnded).toHaveBeenCalledTimes(1);
  });

  it('when an auth endpoint answers 401 (wrong password), then no refresh is tried', async () => {
    const raw = vi.fn<RawBaseQuery>(() => Promise.resolve(unauthorized));
    const refresh = vi.fn(() => Promise.resolve(true));
    const query = createRefreshingBaseQuery(raw, { refresh, onSessionEnded: vi.fn() });
    await query({ url: 'api/auth/login', method: 'POST' }, api, {});
    expect(refresh).not.toHaveBeenCalled();
  });

  it('when a request starts while a refresh runs, then it waits and goes out with the new token', async () => {
    const server = fakeServer();
    const query = createRefreshingBaseQuery(server.raw, {
      refresh: server.refresh,
      onSessionEnded: vi.fn(),
    });
    const first = query('api/a', api, {});
    await new Promise((resolve) => setTimeout(resolve, 10));
    const late = await query('api/late', api, {});
    await first;
    expect(late.data).toEqual({ url: 'api/late' });
    expect(server.calls.filter((url) => url === 'api/late')).toHaveLength(1);
    expect(server.refresh).toHaveBeenCalledTimes(1);
  });
});
