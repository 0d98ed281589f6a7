import type { Server as HttpServer } from 'node:http';
import { createAdapter } from '@socket.io/redis-adapter';
import type { Redis } from 'ioredis';
import { Server } from 'socket.io';
import type { AppDeps } from '../../app';
import { memoryCounter } from '../../platform/http/rate-limit-counters';
import type { Logger } from '../../platform/logger';
import { closeRedis, createRedisConnection } from '../../platform/redis-connection';
import type { AuthGuard } from '../auth/auth.guard';
import type { MessageFeed } from '../messages/message-feed';
import type { MessagesService } from '../messages/messages.service';
import { PRESENCE_TTL_MS, type Presence } from './presence';
import { relayToSockets } from './realtime-bus';
import { authenticateSocket, originAllowed } from './socket-auth';
import { handleSocket, SOCKET_MESSAGE_WINDOW_MS } from './socket-handlers';
import type { RealtimeServer } from './socket-types';

/** A message is at most 2,000 characters (≤ 8 KB of UTF-8) plus its JSON; nothing needs more. */
export const SOCKET_MAX_PAYLOAD_BYTES = 16 * 1024;

/**
 * The adapter publishes fire-and-forget: with Redis down (or a broadcast racing shutdown) each
 * publish would be an unhandled rejection. The message is lost either way; say so in the log.
 */
const withSafePublish = (redis: Redis, logger: Logger): Redis =>
  new Proxy(redis, {
    get(target, property, receiver) {
      if (property !== 'publish') return Reflect.get(target, property, receiver) as unknown;
      return (...args: Parameters<Redis['publish']>) =>
        target.publish(...args).catch((error: unknown) => {
          logger.warn({ err: error }, 'socket broadcast not published to other processes');
          return 0;
        });
    },
  });

export type RealtimeModules = {
  messages: MessagesService;
  feed: MessageFeed;
  guard: AuthGuard;
  presence: Presence;
};

/**
 * Socket.io on the API's own HTTP server (ERD §8): JWT handshake, per-user and per-booking
 * rooms, chat events through the messages service, booking and notification events from the
 * bus. With REDIS_URL the Redis adapter links the processes, so a message sent to one reaches
 * sockets on all. `close` disconnects this process's sockets and stops its timers; call it
 * before closing the HTTP server, whose `close` would otherwise wait for the open sockets.
 */
export const attachRealtime = async (
  server: HttpServer,
  deps: Pick<AppDeps, 'config' | 'logger' | 'pubsub'>,
  { messages, feed, guard, presence }: RealtimeModules,
) => {
  const { config, logger, pubsub } = deps;
  const log = logger.child({ module: 'realtime' });
  let closing = false;
  const allowOrigin = originAllowed(config);
  const io: RealtimeServer = new Server(server, {
    maxHttpBufferSize: SOCKET_MAX_PAYLOAD_BYTES,
    serveClient: false,
    cors: { origin: [...config.CORS_ORIGINS], credentials: true },
    allowRequest: (req, callback) => {
      if (closing) callback('Shutting down', false);
      else allowOrigin(req, callback);
    },
  });

  const adapterConnections = config.REDIS_URL
    ? [
        createRedisConnection(config.REDIS_URL, log, { name: 'socket.io-pub' }),
        createRedisConnection(config.REDIS_URL, log, {
          name: 'socket.io-sub',
          queueWhileOffline: true,
        }),
      ]
    : [];
  const [pub, sub] = adapterConnections;
  if (pub && sub) {
    io.adapter(
      createAdapter(withSafePublish(pub, log), sub, { key: `${config.REDIS_PREFIX}socket.io` }),
    );
  }

  io.use(authenticateSocket(guard));
  const messageCounter = memoryCounter(SOCKET_MESSAGE_WINDOW_MS);
  io.on('connection', (socket) =>
    handleSocket({ io, socket, messages, presence, messageCounter, logger: log }),
  );
  const stopRelay = await relayToSockets({ io, pubsub, feed, logger: log });

  const localSockets = () => [...io.of('/').sockets.values()];

  // Presence entries of a live process never run out; a dead process's do.
  const presenceTimer = setInterval(() => {
    void presence.refresh(
      localSockets().map((socket) => ({ userId: socket.data.user.userId, socketId: socket.id })),
    );
  }, PRESENCE_TTL_MS / 3);
  presenceTimer.unref();

  /**
   * A socket outlives its token and any later change to the account; drop those whose token
   * has expired (the client reconnects with a fresh one) or whose user was deactivated or
   * signed out everywhere since. One query per batch of users, not one per user.
   */
  const recheckAccess = async () => {
    const now = Date.now();
    const sockets = localSockets();
    const active = await guard.activeUsers([
      ...new Set(sockets.map((socket) => socket.data.user.userId)),
    ]);
    for (const socket of sockets) {
      const user = active.get(socket.data.user.userId);
      const revoked = !user || socket.data.issuedAtMs < user.tokensValidAfter.getTime();
      if (revoked || socket.data.expiresAtMs <= now) socket.disconnect(true);
    }
  };
  const recheckTimer = setInterval(() => {
    recheckAccess().catch((error: unknown) => log.warn({ err: error }, 'access re-check failed'));
  }, config.REALTIME_ACCESS_RECHECK_MS);
  recheckTimer.unref();

  const close = async () => {
    if (closing) return;
    closing = true;
    clearInterval(presenceTimer);
    clearInterval(recheckTimer);
    await stopRelay();
    io.local.disconnectSockets(true);
    io.engine.close();
    await Promise.all(adapterConnections.map(closeRedis));
  };

  return { io, close };
};

export type Realtime = Awaited<ReturnType<typeof attachRealtime>>;
