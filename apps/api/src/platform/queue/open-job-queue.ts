import type { Config } from '../../config';
import type { Logger } from '../logger';
import { createBullmqJobQueue } from './bullmq-job-queue';
import type { JobQueue } from './job-queue';
import { createMemoryJobQueue } from './memory-job-queue';

/** BullMQ when REDIS_URL is set, else the in-process queue; retries as configured. */
export const openJobQueue = (
  config: Pick<Config, 'REDIS_URL' | 'REDIS_PREFIX' | 'JOB_ATTEMPTS' | 'JOB_BACKOFF_MS'>,
  logger: Logger,
): JobQueue => {
  const retry = { attempts: config.JOB_ATTEMPTS, backoffMs: config.JOB_BACKOFF_MS };
  return config.REDIS_URL
    ? createBullmqJobQueue({ url: config.REDIS_URL, prefix: config.REDIS_PREFIX, retry, logger })
    : createMemoryJobQueue({ retry, logger });
};
