import { useEffect } from 'react';
import { BrowserRouter } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../api/api';
import { useSession } from './store';
import { AppRoutes } from './routes';
import { Loading } from '@localkart/web-kit/ui/states';
import { LiveSocketProvider } from '../features/realtime/live-socket-context';

/** At start the access token is gone (memory only): one refresh through the cookie restores it. */
let restoreStarted = false;
const useRestoreSession = () => {
  const [restore] = api.useRestoreSessionMutation();
  useEffect(() => {
    // Once per page, even under StrictMode's double effects: refresh tokens rotate on use, and a
    // second refresh with the same cookie would be taken as token theft and end the session.
    if (restoreStarted) return;
    restoreStarted = true;
    void restore();
  }, [restore]);
};

/** The profile's language wins once signed in: the choice follows the user across devices. */
const useUserLanguage = () => {
  const { user } = useSession();
  const { i18n } = useTranslation();
  const language = user?.language;
  useEffect(() => {
    if (language && i18n.language !== language) void i18n.changeLanguage(language);
  }, [language, i18n]);
};

export const App = () => {
  const { restored } = useSession();
  useRestoreSession();
  useUserLanguage();
  if (!restored) return <Loading />;
  return (
    <LiveSocketProvider>
      <BrowserRouter>
        <AppRoutes />
      </BrowserRouter>
    </LiveSocketProvider>
  );
};
