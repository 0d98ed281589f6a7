import type { Socket } from 'socket.io-client';
import type { TMessage, TReadReceipt } from '@localkart/contracts/messages';
import type { TServerEvent, TSocketAck } from '@localkart/contracts/realtime';

type Ack<T> = (answer: TSocketAck<T>) => void;

export type ServerEvents = {
  'new-message': (message: TMessage) => void;
  'message-notification': (event: TServerEvent<'message-notification'>) => void;
  'message-read': (receipt: TReadReceipt) => void;
  typing: (event: TServerEvent<'typing'>) => void;
  'booking-status-changed': (event: TServerEvent<'booking-status-changed'>) => void;
  notification: (event: TServerEvent<'notification'>) => void;
};

export type ClientEvents = {
  'join-booking': (payload: { bookingId: string }, ack: Ack<{ bookingId: string }>) => void;
  'leave-booking': (payload: { bookingId: string }, ack: Ack<{ bookingId: string }>) => void;
  'send-message': (
    payload: { bookingId: string; type: 'text'; content: string; clientId: string },
    ack: Ack<TMessage>,
  ) => void;
  'message-read': (payload: { messageId: string }, ack: Ack<TReadReceipt>) => void;
  typing: (payload: { bookingId: string; isTyping: boolean }) => void;
};

export type LiveSocket = Socket<ServerEvents, ClientEvents>;

/**
 * One socket per tab, on the page's own origin (`/socket.io`, proxied by Vite in development).
 * `auth` is read at every (re)connection, so a refreshed access token is used after a reconnect.
 * The client library is loaded here, on first sign-in: visitors who never sign in never fetch it.
 */
export const createSocket = async (token: () => string | null): Promise<LiveSocket> => {
  const { io } = await import('socket.io-client');
  return io({
    path: '/socket.io',
    autoConnect: false,
    transports: ['websocket', 'polling'],
    auth: (send) => send({ token: token() ?? '' }),
  });
};
