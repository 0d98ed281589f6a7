import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useStore } from 'react-redux';
import { api } from '../../api/api';
import type { RootState } from '../../app/store';
import { useAppDispatch, useSession } from '../../app/store';
import { LIVE_POLL_MS } from './live';
import { createSocket, type LiveSocket } from './socket';

type Live = { socket: LiveSocket | null; connected: boolean };
const LiveSocketContext = createContext<Live>({ socket: null, connected: false });

/** The signed-in user's socket, or null while signed out or before it exists. */
export const useLiveSocket = () => useContext(LiveSocketContext).socket;

/**
 * How often a screen should re-read its bookings: never while the socket delivers
 * `booking-status-changed`, every few seconds while it is down.
 */
export const useLivePollInterval = () =>
  useContext(LiveSocketContext).connected ? 0 : LIVE_POLL_MS;

/**
 * Opens the socket while someone is signed in and turns its events into cache updates: a booking
 * whose status changed is read again, as are notification and conversation counts.
 */
export const LiveSocketProvider = ({ children }: { children: ReactNode }) => {
  const { user } = useSession();
  const store = useStore<RootState>();
  const dispatch = useAppDispatch();
  const [socket, setSocket] = useState<LiveSocket | null>(null);
  const [connected, setConnected] = useState(false);
  const userId = user?.id;

  useEffect(() => {
    if (!userId) return;
    let live: LiveSocket | undefined;
    let signedOut = false;
    const open = (created: LiveSocket) => {
      live = created;
      live.on('connect', () => setConnected(true));
      live.on('disconnect', () => setConnected(false));
      live.on('booking-status-changed', () => dispatch(api.util.invalidateTags(['Booking'])));
      live.on('notification', ({ unreadCount }) => {
        dispatch(
          api.util.updateQueryData('unreadNotifications', undefined, () => ({ unreadCount })),
        );
        dispatch(api.util.invalidateTags(['Notifications']));
      });
      live.on('message-notification', () => dispatch(api.util.invalidateTags(['Conversations'])));
      // A refused handshake (expired token) is not retried by socket.io: refresh, then reconnect.
      live.on('connect_error', () => {
        if (created.active) return;
        void dispatch(
          api.endpoints.profile.initiate(undefined, { forceRefetch: true, subscribe: false }),
        )
          .unwrap()
          .then(() => created.connect())
          .catch(() => undefined);
      });
      live.connect();
      setSocket(live);
    };
    // Until the socket is open, screens poll (useLivePollInterval); a failed load leaves them so.
    createSocket(() => store.getState().session.accessToken)
      .then((created) => {
        if (!signedOut) open(created);
      })
      .catch(() => undefined);
    return () => {
      signedOut = true;
      live?.disconnect();
      setSocket(null);
      setConnected(false);
    };
  }, [userId, store, dispatch]);

  return (
    <LiveSocketContext.Provider value={{ socket, connected }}>
      {children}
    </LiveSocketContext.Provider>
  );
};
