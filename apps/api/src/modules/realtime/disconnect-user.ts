import type { PubSub } from '../../platform/pubsub/pubsub';

export const DISCONNECT_USER_CHANNEL = 'realtime.disconnect-user';
export type DisconnectUser = { userId: string };

/**
 * Closes every socket of the user in every API process (each process closes its own when the
 * message arrives): for a suspension, a password change or a sign-out everywhere. The sockets'
 * clients then fail to reconnect unless their token is still good.
 */
export const disconnectUser = (pubsub: PubSub, userId: string): Promise<void> =>
  pubsub.publish(DISCONNECT_USER_CHANNEL, { userId } satisfies DisconnectUser);
