import type { Redis } from 'ioredis';
import path from 'node:path';
import { createPhoneProtection } from './modules/users/phone-protection';
import { createBlindIndex, createFieldEncryption } from './platform/crypto/field-encryption';
import { createMailer } from './platform/mail/mailer';
import { createLocalPrivateStorage, createLocalStorage } from './platform/storage/local-storage';
import {
  createS3PrivateStorage,
  createS3Storage,
  s3OptionsOf,
} from './platform/storage/s3-storage';
import type { PrivateStorage, Storage } from './platform/storage/storage';
import type { AppDeps } from './app';
import type { Config } from './config';
import { openDatabase, type Database } from './db/client';
import { migrateDatabase } from './db/migrate';
import { seedTaxonomy } from './modules/taxonomy/seed-taxonomy';
import { isDatabaseUnavailableError } from './db/unavailable';
import type { Cache } from './platform/cache/cache';
import { createMemoryCache } from './platform/cache/memory-cache';
import { createRedisCache } from './platform/cache/redis-cache';
import type { Logger } from './platform/logger';
import { createMemoryPubSub } from './platform/pubsub/memory-pubsub';
import type { PubSub } from './platform/pubsub/pubsub';
import { createRedisPubSub } from './platform/pubsub/redis-pubsub';
import { openJobQueue } from './platform/queue/open-job-queue';
import { createRedisConnection, waitForRedis } from './platform/redis-connection';

/** An S3-compatible bucket when S3_BUCKET and its keys are set, else `$DATA_DIR/uploads`. */
const openStorage = (config: Config): Storage => {
  const s3 = s3OptionsOf(config);
  return s3 ? createS3Storage(s3) : createLocalStorage(path.join(config.dataDir, 'uploads'));
};

/**
 * Files only their owner and admins may read (provider documents), never served publicly: the
 * same bucket under `private/` (which its policy must keep non-public), else `$DATA_DIR/private`.
 */
const openPrivateStorage = (config: Config): PrivateStorage => {
  const s3 = s3OptionsOf(config);
  return s3
    ? createS3PrivateStorage(s3)
    : createLocalPrivateStorage(path.join(config.dataDir, 'private'));
};

/** Services every module shares, built once from the config. */
export const openSharedServices = (config: Config, logger: Logger) => ({
  phones: createPhoneProtection({
    encryption: createFieldEncryption(config.dataEncryptionKeys),
    blindIndex: createBlindIndex(config.BLIND_INDEX_KEY),
  }),
  mailer: createMailer({ config, logger }),
  storage: openStorage(config),
  privateStorage: openPrivateStorage(config),
});

export type Runtime = AppDeps & {
  /** Closes background jobs, pub/sub, cache and database, in that order. */
  closers: { name: string; close: () => Promise<void> }[];
};

const MIGRATION_ATTEMPTS = 15;

/** A database that is still starting (as in `docker compose up`) gets some time before we give up. */
const migrateWhenReachable = async (database: Database, logger: Logger) => {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await migrateDatabase(database);
      return;
    } catch (error) {
      if (!isDatabaseUnavailableError(error) || attempt === MIGRATION_ATTEMPTS) throw error;
      logger.warn({ attempt }, 'database unreachable; retrying migrations in 2 s');
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
  }
};

const openRedis = async (url: string, prefix: string, logger: Logger) => {
  const redis = createRedisConnection(url, logger, { name: 'cache' });
  const publisher = createRedisConnection(url, logger, { name: 'publisher' });
  const subscriber = createRedisConnection(url, logger, {
    name: 'subscriber',
    queueWhileOffline: true,
  });
  const ready = await waitForRedis(redis, 3000);
  if (!ready) logger.warn('redis unreachable at start-up; serving without it until it is back');
  await waitForRedis(publisher, ready ? 3000 : 0);
  // Subscriptions made before the subscriber connects are only queued (and time out under load).
  await waitForRedis(subscriber, ready ? 3000 : 0);
  return {
    redis,
    cache: createRedisCache(redis, logger, prefix),
    pubsub: createRedisPubSub({ publisher, subscriber }, logger, prefix),
  };
};

/** Opens every dependency the app needs, applying migrations first. */
export const openRuntime = async (config: Config, logger: Logger): Promise<Runtime> => {
  const database = await openDatabase(config, logger);
  await migrateWhenReachable(database, logger);
  // Every database, embedded or server, gets the service taxonomy; only missing rows are added.
  await seedTaxonomy(database.db);
  let cache: Cache = createMemoryCache();
  let pubsub: PubSub = createMemoryPubSub();
  let redis: Redis | undefined;
  if (config.REDIS_URL)
    ({ redis, cache, pubsub } = await openRedis(config.REDIS_URL, config.REDIS_PREFIX, logger));
  const jobs = openJobQueue(config, logger);
  return {
    config,
    logger,
    ...openSharedServices(config, logger),
    database,
    cache,
    pubsub,
    jobs,
    ...(redis ? { redis } : {}),
    closers: [
      // First: running jobs finish while the database and bus are still open.
      { name: 'jobs', close: () => jobs.close() },
      { name: 'pubsub', close: () => pubsub.close() },
      { name: 'cache', close: () => cache.close() },
      { name: 'database', close: () => database.close() },
    ],
  };
};
