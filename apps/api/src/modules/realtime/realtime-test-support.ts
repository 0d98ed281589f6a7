import type { TSocketAck } from '@localkart/contracts/realtime';
import { io, type Socket } from 'socket.io-client';

export type ClientSocket = Socket;

/** A real Socket.io client on WebSocket; resolves once connected, rejects on connect_error. */
export const connectSocket = (
  url: string,
  {
    token,
    headers,
    auth,
  }: { token?: string; headers?: Record<string, string>; auth?: object } = {},
): Promise<ClientSocket> => {
  const socket = io(url, {
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    timeout: 5000,
    auth: auth ?? (token ? { token } : {}),
    ...(headers ? { extraHeaders: headers } : {}),
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
};

/** Why a connection was refused: the message and the `data.code` the server set. */
export const refusalOf = async (connecting: Promise<ClientSocket>) => {
  try {
    const socket = await connecting;
    socket.close();
    return undefined;
  } catch (error) {
    const { message, data } = error as Error & { data?: { code?: string } };
    return { message, code: data?.code };
  }
};

/** Emits with an acknowledgement and returns the server's answer. */
export const request = <T>(socket: ClientSocket, event: string, payload: unknown) =>
  socket.timeout(10_000).emitWithAck(event, payload) as Promise<TSocketAck<T>>;

/** The data of a successful acknowledgement; throws with the error otherwise. */
export const dataOf = <T>(ack: TSocketAck<T>): T => {
  if (!ack.success) throw new Error(`${ack.error.code}: ${ack.error.message}`);
  return ack.data;
};

/** Every payload of `event` the socket receives from now on. */
export const record = <T>(socket: ClientSocket, event: string): T[] => {
  const seen: T[] = [];
  socket.on(event, (payload: T) => seen.push(payload));
  return seen;
};

/** The next `event` whose payload passes `match`, or a rejection after `timeoutMs`. */
export const nextEvent = <T>(
  socket: ClientSocket,
  event: string,
  match: (payload: T) => boolean = () => true,
  timeoutMs = 10_000,
): Promise<T> =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, listener);
      reject(new Error(`no ${event} within ${timeoutMs} ms`));
    }, timeoutMs);
    const listener = (payload: T) => {
      if (!match(payload)) return;
      clearTimeout(timer);
      socket.off(event, listener);
      resolve(payload);
    };
    socket.on(event, listener);
  });

/** Resolves with the disconnect reason. */
export const disconnection = (socket: ClientSocket, timeoutMs = 10_000): Promise<string> =>
  new Promise((resolve, reject) => {
    if (socket.disconnected) {
      resolve('already disconnected');
      return;
    }
    const timer = setTimeout(() => reject(new Error('still connected')), timeoutMs);
    socket.once('disconnect', (reason) => {
      clearTimeout(timer);
      resolve(reason);
    });
  });

/** Lets in-flight events arrive before asserting that something did not. */
export const settle = (ms = 300) => new Promise((resolve) => setTimeout(resolve, ms));
