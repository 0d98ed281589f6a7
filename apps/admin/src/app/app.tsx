import { useEffect } from 'react';
import { BrowserRouter } from 'react-router';
import { Loading } from '@localkart/web-kit/ui/states';
import { SignInPage } from '../features/auth/sign-in-page';
import { useRestoreSessionMutation } from '../features/auth/auth-api';
import { AppRoutes } from './routes';
import { useSession } from './store';

/** At start the access token is gone (memory only): one refresh through the cookie restores it. */
let restoreStarted = false;
const useRestoreSession = () => {
  const [restore] = useRestoreSessionMutation();
  useEffect(() => {
    // Once per page, even under StrictMode's double effects: refresh tokens rotate on use, and a
    // second refresh with the same cookie would be taken as token theft and end the session.
    if (restoreStarted) return;
    restoreStarted = true;
    void restore();
  }, [restore]);
};

export const App = () => {
  const { restored, user } = useSession();
  useRestoreSession();
  if (!restored) return <Loading />;
  // The session slice only ever holds an admin here (features/auth/auth-api.ts).
  return <BrowserRouter basename="/admin">{user ? <AppRoutes /> : <SignInPage />}</BrowserRouter>;
};
