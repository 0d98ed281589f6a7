import type { TAuthSession, TLoginRequest } from '@localkart/contracts/auth';
import { signedIn, signedOut } from '@localkart/web-kit/session-slice';
import { api, data } from '../../app/api';

/**
 * The refresh cookie is shared with the web app (same origin, /api/auth): a customer signed in
 * there restores a customer session here. Only admin sessions are kept; anything else leaves the
 * panel signed out.
 */
export const authApi = api.injectEndpoints({
  endpoints: (build) => ({
    login: build.mutation<TAuthSession, TLoginRequest>({
      query: (body) => ({ url: 'api/auth/login', method: 'POST', body }),
      transformResponse: data<TAuthSession>,
      onQueryStarted: async (_arg, { dispatch, queryFulfilled }) => {
        const { data: session } = await queryFulfilled.catch(() => ({ data: undefined }));
        if (session?.user.role === 'admin') dispatch(signedIn(session));
      },
    }),
    restoreSession: build.mutation<TAuthSession, void>({
      query: () => ({ url: 'api/auth/refresh', method: 'POST', body: {} }),
      transformResponse: data<TAuthSession>,
      onQueryStarted: async (_arg, { dispatch, queryFulfilled }) => {
        const { data: session } = await queryFulfilled.catch(() => ({ data: undefined }));
        dispatch(session?.user.role === 'admin' ? signedIn(session) : signedOut());
      },
    }),
    logout: build.mutation<unknown, void>({
      query: () => ({ url: 'api/auth/logout', method: 'POST', body: {} }),
      onQueryStarted: async (_arg, { dispatch, queryFulfilled }) => {
        await queryFulfilled.catch(() => undefined);
        dispatch(signedOut());
        dispatch(api.util.resetApiState());
      },
    }),
  }),
});

export const { useLoginMutation, useRestoreSessionMutation, useLogoutMutation } = authApi;
