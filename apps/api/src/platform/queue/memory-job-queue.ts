import { LRUCache } from 'lru-cache';
import type { Logger } from '../logger';
import {
  backoffDelay,
  type Job,
  type JobHandler,
  type JobQueue,
  type RetryPolicy,
} from './job-queue';

type Pending = Job & { attempt: number };

/**
 * The embedded default: jobs run in this process, `concurrency` at a time, retried with
 * exponential backoff. Nothing survives a restart; production sets REDIS_URL for that.
 */
export const createMemoryJobQueue = ({
  retry,
  logger,
  concurrency = 4,
}: {
  retry: RetryPolicy;
  logger: Logger;
  concurrency?: number;
}): JobQueue => {
  const waiting: Pending[] = [];
  const queued = new Set<string>();
  // Recently finished ids, so a duplicate added just after its twin ran is still ignored.
  const done = new LRUCache<string, true>({ max: 10_000 });
  const running = new Set<Promise<void>>();
  const timers = new Set<NodeJS.Timeout>();
  let handlers: Record<string, JobHandler> | undefined;
  let closed = false;

  const attemptJob = async (job: Pending) => {
    const handler = handlers?.[job.name];
    try {
      if (!handler) throw new Error(`no handler for job ${job.name}`);
      await handler(structuredClone(job.data));
      queued.delete(job.id);
      done.set(job.id, true);
    } catch (error) {
      const final = !handler || job.attempt >= retry.attempts;
      const context = { err: error, job: job.name, jobId: job.id, attempt: job.attempt };
      if (final) {
        logger.error(context, 'background job failed; giving up');
        queued.delete(job.id);
        done.set(job.id, true);
        return;
      }
      logger.warn(context, 'background job failed; retrying');
      const timer = setTimeout(
        () => {
          timers.delete(timer);
          waiting.push({ ...job, attempt: job.attempt + 1 });
          pump();
        },
        backoffDelay(retry, job.attempt),
      );
      timers.add(timer);
    }
  };

  const pump = () => {
    while (!closed && handlers && running.size < concurrency && waiting.length > 0) {
      const job = waiting.shift()!;
      const run = attemptJob(job).finally(() => {
        running.delete(run);
        pump();
      });
      running.add(run);
    }
  };

  return {
    kind: 'in-process',
    add: (job) => {
      if (closed) return Promise.reject(new Error('the job queue is closed'));
      if (queued.has(job.id) || done.has(job.id)) return Promise.resolve();
      queued.add(job.id);
      // A copy, as Redis would store: later changes to the caller's object do not leak in.
      waiting.push({ ...job, data: structuredClone(job.data), attempt: 1 });
      pump();
      return Promise.resolve();
    },
    startWorker: (byName) => {
      if (handlers) throw new Error('the worker is already running');
      handlers = byName;
      pump();
    },
    close: async () => {
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      const dropped = waiting.length + timers.size;
      timers.clear();
      waiting.length = 0;
      await Promise.all(running);
      if (dropped > 0) logger.warn({ dropped }, 'in-process jobs dropped at shutdown');
    },
  };
};
