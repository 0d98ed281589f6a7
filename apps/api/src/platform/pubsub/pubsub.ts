export type MessageHandler = (message: unknown) => void;

/**
 * Fire-and-forget broadcast between modules (and, on Redis, between API processes).
 * Messages are JSON values; a subscriber gets those published after it subscribed.
 */
export interface PubSub {
  readonly kind: 'redis' | 'in-process';
  /** Rejects when the bus is unreachable, so a caller can tell that nobody was told. */
  publish(channel: string, message: unknown): Promise<void>;
  /** Resolves once the subscription is live; the returned function unsubscribes. */
  subscribe(channel: string, handler: MessageHandler): Promise<() => Promise<void>>;
  close(): Promise<void>;
}
