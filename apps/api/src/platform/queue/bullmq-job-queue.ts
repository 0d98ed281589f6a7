import { Queue, UnrecoverableError, Worker } from 'bullmq';
import type { Logger } from '../logger';
import { closeRedis, createRedisConnection, redisReconnectDelay } from '../redis-connection';
import { settleWithin, withTimeout } from '../timing';
import type { Job, JobHandler, JobQueue, RetryPolicy } from './job-queue';

const QUEUE_NAME = 'jobs';
/** Adding waits this long for Redis at most (BullMQ waits for a connection that is not ready). */
const ADD_TIMEOUT_MS = 3000;
/** Closing lets running jobs finish for this long, then stops waiting for them. */
const WORKER_CLOSE_MS = 10_000;

/**
 * BullMQ on Redis: jobs are stored in Redis before `add` resolves, so they survive an API restart
 * and any process running a worker may take them. Keys live under `<prefix>bull:`.
 */
export const createBullmqJobQueue = ({
  url,
  prefix,
  retry,
  logger,
  concurrency = 4,
}: {
  url: string;
  prefix: string;
  retry: RetryPolicy;
  logger: Logger;
  concurrency?: number;
}): JobQueue => {
  const bullPrefix = `${prefix}bull`;
  // Our own connection, not one BullMQ opens: adding fails fast while Redis is down, and closing
  // does not wait for a Redis that is gone (BullMQ's close would send QUIT and wait for an answer).
  const connection = createRedisConnection(url, logger, { name: 'jobs' });
  const queue = new Queue(QUEUE_NAME, {
    connection,
    prefix: bullPrefix,
    defaultJobOptions: {
      attempts: retry.attempts,
      backoff: { type: 'exponential', delay: retry.backoffMs },
      // Kept a while so that a duplicate id added soon after is still recognised, then dropped.
      removeOnComplete: { age: 24 * 3600, count: 10_000 },
      removeOnFail: { age: 7 * 24 * 3600 },
    },
  });
  let lastQueueError = '';
  queue.on('error', (error: Error) => {
    if (error.message === lastQueueError) return;
    lastQueueError = error.message;
    logger.warn({ err: error }, 'job queue connection error');
  });
  let worker: Worker | undefined;

  const startWorker = (handlers: Record<string, JobHandler>) => {
    if (worker) throw new Error('the worker is already running');
    worker = new Worker(
      QUEUE_NAME,
      async (job) => {
        const handler = handlers[job.name];
        if (!handler) throw new UnrecoverableError(`no handler for job ${job.name}`);
        await handler(job.data);
      },
      {
        // A worker blocks on Redis and must wait through outages: no per-command retry limit.
        connection: {
          url,
          connectionName: 'localkart-worker',
          maxRetriesPerRequest: null,
          retryStrategy: redisReconnectDelay,
        },
        prefix: bullPrefix,
        concurrency,
      },
    );
    worker.on('failed', (job, error) => {
      const context = { err: error, job: job?.name, jobId: job?.id, attempt: job?.attemptsMade };
      const final =
        !job || error instanceof UnrecoverableError || job.attemptsMade >= retry.attempts;
      if (final) logger.error(context, 'background job failed; giving up');
      else logger.warn(context, 'background job failed; retrying');
    });
    let lastWorkerError = '';
    worker.on('error', (error: Error) => {
      if (error.message === lastWorkerError) return;
      lastWorkerError = error.message;
      logger.warn({ err: error }, 'job worker error');
    });
  };

  return {
    kind: 'redis',
    add: async ({ name, id, data }: Job) => {
      await withTimeout(queue.add(name, data, { jobId: id }), ADD_TIMEOUT_MS, 'job queue (Redis)');
    },
    startWorker,
    close: async () => {
      if (worker && (await settleWithin(worker.close(), WORKER_CLOSE_MS)) !== 'done')
        logger.warn({ waitedMs: WORKER_CLOSE_MS }, 'job worker did not close in time; leaving it');
      await queue.close();
      await closeRedis(connection);
    },
  };
};
