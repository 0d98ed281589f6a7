import type { Router } from 'express';
import type { AppDeps } from '../../app';
import { createQuotaStorage } from '../../platform/storage/quota-storage';
import type { AuthGuard } from '../auth/auth.guard';
import type { Presence } from '../realtime/presence';
import { createAvatarUrls } from '../users/avatar-urls';
import { createBookingPartiesCache } from './booking-parties-cache';
import { createMessageFeed } from './message-feed';
import { createMessageWriter } from './message-writer';
import { messagesRoutes } from './messages.routes';
import { createMessagesService } from './messages.service';

/** The chat of each booking between its customer and provider (REST side; sockets in realtime). */
export const createMessagesModule = (
  deps: AppDeps,
  { guard, presence }: { guard: AuthGuard; presence: Presence },
) => {
  const { database, privateStorage, storage, pubsub, logger, config } = deps;
  const db = database.db;
  const feed = createMessageFeed();
  const messages = createMessagesService({
    db,
    parties: createBookingPartiesCache({ db, pubsub, logger }),
    writer: createMessageWriter(db),
    privateStorage,
    quota: createQuotaStorage({ db, logger, config }),
    pubsub,
    feed,
    isOnline: (userId) => presence.isOnline(userId),
    avatarUrls: createAvatarUrls(storage),
    logger,
  });
  const routers: Router[] = [messagesRoutes({ messages, guard })];
  return { messages, feed, routers };
};

export type MessagesModule = ReturnType<typeof createMessagesModule>;
