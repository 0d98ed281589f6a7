import type { TMessage, TReadReceipt } from '@localkart/contracts/messages';

export type MessageFeedEvent =
  | {
      kind: 'stored';
      message: TMessage;
      /** The socket it was sent on, which has it in its acknowledgement already. */
      originSocketId?: string;
    }
  | { kind: 'read'; receipt: TReadReceipt };
type Listener = (event: MessageFeedEvent) => void;

/**
 * Tells this process's listeners (the realtime gateway) what the messages service stored or
 * marked read, whichever door it came in by (REST or socket). The gateway broadcasts through the
 * Socket.io adapter, which reaches the other processes' sockets.
 */
export const createMessageFeed = () => {
  const listeners = new Set<Listener>();
  return {
    publish: (event: MessageFeedEvent) => {
      for (const listener of listeners) listener(event);
    },
    subscribe: (listener: Listener): (() => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
};

export type MessageFeed = ReturnType<typeof createMessageFeed>;
