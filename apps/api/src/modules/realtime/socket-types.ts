import type { TMessage, TReadReceipt } from '@localkart/contracts/messages';
import type { TPresence, TServerEvent, TSocketAck } from '@localkart/contracts/realtime';
import type { Server, Socket } from 'socket.io';
import type { AuthenticatedUser } from '../auth/auth.guard';

type Ack<T> = (answer: TSocketAck<T>) => void;

/** Client events: payloads are validated by the handlers, so they arrive as unknown. */
export type ClientEvents = {
  'join-booking': (payload: unknown, ack?: Ack<{ bookingId: string }>) => void;
  'leave-booking': (payload: unknown, ack?: Ack<{ bookingId: string }>) => void;
  'send-message': (payload: unknown, ack?: Ack<TMessage>) => void;
  'message-read': (payload: unknown, ack?: Ack<TReadReceipt>) => void;
  typing: (payload: unknown) => void;
  presence: (payload: unknown, ack?: Ack<TPresence[]>) => void;
};

export type ServerEvents = {
  'new-message': (message: TMessage) => void;
  'message-notification': (event: TServerEvent<'message-notification'>) => void;
  'message-read': (receipt: TReadReceipt) => void;
  typing: (event: TServerEvent<'typing'>) => void;
  presence: (event: TPresence) => void;
  'booking-status-changed': (event: TServerEvent<'booking-status-changed'>) => void;
  notification: (event: TServerEvent<'notification'>) => void;
};

export type SocketData = {
  user: AuthenticatedUser;
  issuedAtMs: number;
  expiresAtMs: number;
};

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- no server-to-server events
export type RealtimeServer = Server<ClientEvents, ServerEvents, {}, SocketData>;
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- no server-to-server events
export type RealtimeSocket = Socket<ClientEvents, ServerEvents, {}, SocketData>;

export const userRoom = (userId: string) => `user:${userId}`;
export const bookingRoom = (bookingId: string) => `booking:${bookingId}`;
