import { Queue, UnrecoverableError, Worker } from 'bullmq';
import type { Logger } from '../logger';
import type { Job, JobHandler, JobQueue, RetryPolicy } from './job-queue';

const QUEUE_NAME = 'jobs';
/** Adding waits this long for Redis at most (BullMQ waits for a connection that is not ready). */
const ADD_TIMEOUT_MS = 3000;

const withTimeout = async <T>(work: Promise<T>, ms: number): Promise<T> => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`job queue: no answer from Redis in ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
};

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
  const queue = new Queue(QUEUE_NAME, {
    // Adding fails fast while Redis is down instead of holding the caller.
    connection: { url, connectionName: 'localkart-jobs', enableOfflineQueue: false },
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
        connection: { url, connectionName: 'localkart-worker', maxRetriesPerRequest: null },
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
      await withTimeout(queue.add(name, data, { jobId: id }), ADD_TIMEOUT_MS);
    },
    startWorker,
    close: async () => {
      await worker?.close();
      await queue.close();
    },
  };
};
