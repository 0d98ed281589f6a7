import type {
  BaseQueryApi,
  BaseQueryFn,
  FetchArgs,
  FetchBaseQueryError,
} from '@reduxjs/toolkit/query';

export type RawBaseQuery = BaseQueryFn<string | FetchArgs, unknown, FetchBaseQueryError>;

type Hooks = {
  /** Asks the API for a new access token (the refresh cookie goes along); true when it gave one. */
  refresh: (api: BaseQueryApi) => Promise<boolean>;
  /** The refresh failed: the session is over. */
  onSessionEnded: (api: BaseQueryApi) => void;
};

const urlOf = (args: string | FetchArgs) => (typeof args === 'string' ? args : args.url);

/** Auth endpoints answer 401 for wrong passwords or dead refresh tokens: refreshing cannot help. */
const isAuthCall = (args: string | FetchArgs) => /^\/?api\/auth\//.test(urlOf(args));

/**
 * A 401 from an expired access token triggers one refresh and one retry. Concurrent 401s share the
 * same refresh (the mutex is the pending promise): refresh tokens rotate on use, and a second
 * refresh with the already-used token would be taken as reuse and end every session.
 */
export const createRefreshingBaseQuery = (raw: RawBaseQuery, hooks: Hooks): RawBaseQuery => {
  let refreshing: Promise<boolean> | undefined;
  return async (args, api, extraOptions) => {
    if (refreshing) await refreshing;
    const first = await raw(args, api, extraOptions);
    if (first.error?.status !== 401 || isAuthCall(args)) return first;
    refreshing ??= hooks.refresh(api).finally(() => {
      refreshing = undefined;
    });
    const refreshed = await refreshing;
    if (!refreshed) {
      hooks.onSessionEnded(api);
      return first;
    }
    return raw(args, api, extraOptions);
  };
};
