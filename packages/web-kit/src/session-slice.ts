import { createSlice, type PayloadAction } from '@reduxjs/toolkit';
import type { TAuthSession } from '@localkart/contracts/auth';
import type { TUserProfile } from '@localkart/contracts/users';

/**
 * The access token lives here, in memory only: never localStorage, where any injected script
 * could read it. A reload gets a new one from the httpOnly refresh cookie.
 */
export type SessionState = {
  accessToken: string | null;
  user: TUserProfile | null;
  /** False until the first refresh attempt at start-up has answered. */
  restored: boolean;
};

const initialState: SessionState = { accessToken: null, user: null, restored: false };

export const sessionSlice = createSlice({
  name: 'session',
  initialState,
  reducers: {
    signedIn: (state, action: PayloadAction<Pick<TAuthSession, 'accessToken' | 'user'>>) => {
      state.accessToken = action.payload.accessToken;
      state.user = action.payload.user;
      state.restored = true;
    },
    profileChanged: (state, action: PayloadAction<TUserProfile>) => {
      state.user = action.payload;
    },
    signedOut: (state) => {
      state.accessToken = null;
      state.user = null;
      state.restored = true;
    },
  },
});

export const { signedIn, signedOut, profileChanged } = sessionSlice.actions;
