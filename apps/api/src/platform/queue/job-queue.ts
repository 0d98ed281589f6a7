/** A unit of background work. `data` must be JSON; it is stored as such (Redis) and re-read. */
export type Job = { name: string; id: string; data: unknown };

/** Runs one job; a rejection is a failed attempt, retried under the queue's policy. */
export type JobHandler = (data: unknown) => Promise<void>;

/** `attempts` in all; the n-th retry waits `backoffMs × 2^(n-1)`. */
export type RetryPolicy = { attempts: number; backoffMs: number };

/**
 * Background jobs, so that slow work (sending e-mail) never holds up a request. One interface,
 * two implementations: BullMQ on Redis (jobs persist across restarts and are shared by every API
 * process) and an in-process queue for the embedded default (jobs live as long as the process).
 */
export interface JobQueue {
  readonly kind: 'redis' | 'in-process';
  /**
   * Stores the job and resolves; it runs later. A job whose id is still queued, running or
   * recently done is not added again. Rejects when the job could not be stored.
   */
  add(job: Job): Promise<void>;
  /**
   * Starts running jobs in this process with the handler for each job name. A job with no
   * handler fails for good. Failures are logged and retried; nothing is thrown.
   */
  startWorker(handlers: Record<string, JobHandler>): void;
  /** Stops taking jobs, lets running ones finish, and closes connections. */
  close(): Promise<void>;
}

/** How long the retry after failed attempt `attempt` (1-based) waits. */
export const backoffDelay = ({ backoffMs }: RetryPolicy, attempt: number) =>
  backoffMs * 2 ** (attempt - 1);
