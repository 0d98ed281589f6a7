import { fetchBaseQuery } from '@reduxjs/toolkit/query/react';
import { APP_HEADER, type TAuthSession, type TBrowserApp } from '@localkart/contracts/auth';
import type { TSuccessEnvelope } from '@localkart/contracts/envelope';
import { createRefreshingBaseQuery } from './refreshing-base-query';
import { signedIn, signedOut, type SessionState } from './session-slice';

/**
 * The base query of an app whose store holds the session slice under `session`: the access token
 * goes out as a bearer token, and an expired one is renewed once through the refresh cookie.
 * `app: 'admin'` names the admin panel to the API, which then keeps its refresh cookie apart
 * from the web app's on the same origin.
 */
export const createBaseQuery = ({ app }: { app?: TBrowserApp } = {}) => {
  const raw = fetchBaseQuery({
    baseUrl: '/',
    // The refresh cookie is scoped to /api/auth and SameSite=Strict; same-origin sends it there.
    credentials: 'same-origin',
    prepareHeaders: (headers, { getState }) => {
      if (app) headers.set(APP_HEADER, app);
      const { accessToken } = (getState() as { session: SessionState }).session;
      if (accessToken && !headers.has('Authorization'))
        headers.set('Authorization', `Bearer ${accessToken}`);
      return headers;
    },
  });

  return createRefreshingBaseQuery(raw, {
    refresh: async (api) => {
      const result = await raw({ url: 'api/auth/refresh', method: 'POST', body: {} }, api, {});
      if (result.error) return false;
      const session = (result.data as TSuccessEnvelope<TAuthSession>).data;
      api.dispatch(signedIn(session));
      return true;
    },
    onSessionEnded: (api) => {
      api.dispatch(signedOut());
    },
  });
};
