import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { eventually, findFreePort } from '../../test-support/http';
import { uniquePrefix } from '../../test-support/redis-for-tests';
import { startTcpProxy } from '../../test-support/tcp-proxy';
import { serverRedisUrl } from '../../test-support/test-env';
import { createBullmqJobQueue } from './bullmq-job-queue';
import type { JobQueue, RetryPolicy } from './job-queue';
import { createMemoryJobQueue } from './memory-job-queue';

const retry: RetryPolicy = { attempts: 3, backoffMs: 150 };

/** A logger whose lines the test can read. */
const recordingLogger = () => {
  const lines: { level: number; msg: string; attempt?: number }[] = [];
  const logger = pino(
    { level: 'info' },
    { write: (line: string) => void lines.push(JSON.parse(line) as (typeof lines)[number]) },
  );
  return { logger, lines };
};

type Open = (logger: pino.Logger, prefix?: string) => JobQueue;

const implementations: [string, Open][] = [
  ['in-process', (logger) => createMemoryJobQueue({ retry, logger })],
];
if (serverRedisUrl) {
  const url = serverRedisUrl;
  implementations.push([
    'bullmq',
    (logger, prefix = uniquePrefix()) => createBullmqJobQueue({ url, prefix, retry, logger }),
  ]);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const job = (data: unknown, name = 'work') => ({ name, id: randomUUID(), data });

describe.each(implementations)('job queue contract: %s', (_name, open) => {
  const opened: JobQueue[] = [];
  const openQueue = (logger = recordingLogger().logger, prefix?: string) => {
    const queue = open(logger, prefix);
    opened.push(queue);
    return queue;
  };
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((queue) => queue.close()));
  });

  it('when a job is added, then the worker runs it once with its data', async () => {
    const queue = openQueue();
    const seen: unknown[] = [];
    queue.startWorker({ work: (data) => Promise.resolve(void seen.push(data)) });
    await queue.add(job({ notificationId: 'n1', nested: { list: [1, 2] } }));
    await eventually(() => (seen.length === 1 ? Promise.resolve() : Promise.reject(new Error())));
    await sleep(200);
    expect(seen).toEqual([{ notificationId: 'n1', nested: { list: [1, 2] } }]);
  });

  it('when jobs are added before the worker starts, then they run once it starts', async () => {
    const queue = openQueue();
    await queue.add(job(1));
    await queue.add(job(2));
    const seen: unknown[] = [];
    queue.startWorker({ work: (data) => Promise.resolve(void seen.push(data)) });
    await eventually(() => (seen.length === 2 ? Promise.resolve() : Promise.reject(new Error())));
    expect(seen.sort()).toEqual([1, 2]);
  });

  it('when the same job id is added again, waiting or already done, then it runs once', async () => {
    const queue = openQueue();
    const twin = job('once');
    await queue.add(twin);
    await queue.add({ ...twin, data: 'changed' });
    const seen: unknown[] = [];
    queue.startWorker({ work: (data) => Promise.resolve(void seen.push(data)) });
    await eventually(() => (seen.length === 1 ? Promise.resolve() : Promise.reject(new Error())));
    await queue.add(twin);
    await sleep(300);
    expect(seen).toEqual(['once']);
  });

  it('when a handler fails, then it is retried with exponential backoff and the failures are logged', async () => {
    const { logger, lines } = recordingLogger();
    const queue = openQueue(logger);
    const attempts: number[] = [];
    queue.startWorker({
      work: () => {
        attempts.push(Date.now());
        return attempts.length < 3 ? Promise.reject(new Error('SMTP 451')) : Promise.resolve();
      },
    });
    await queue.add(job('mail'));
    await eventually(
      () => (attempts.length === 3 ? Promise.resolve() : Promise.reject(new Error())),
      { timeoutMs: 10_000, intervalMs: 20 },
    );
    // 150 ms, then 300 ms (a little slack for timer granularity).
    expect(attempts[1]! - attempts[0]!).toBeGreaterThanOrEqual(140);
    expect(attempts[2]! - attempts[1]!).toBeGreaterThanOrEqual(290);
    await sleep(300);
    expect(attempts).toHaveLength(3);
    const retries = lines.filter((line) => line.msg === 'background job failed; retrying');
    expect(retries).toHaveLength(2);
    expect(lines.some((line) => line.msg.includes('giving up'))).toBe(false);
  });

  it('when a handler always fails, then it gives up after the last attempt, logs it, and other jobs still run', async () => {
    const { logger, lines } = recordingLogger();
    const queue = openQueue(logger);
    let failures = 0;
    const done: unknown[] = [];
    queue.startWorker({
      broken: () => {
        failures += 1;
        return Promise.reject(new Error('always'));
      },
      work: (data) => Promise.resolve(void done.push(data)),
    });
    await queue.add(job(null, 'broken'));
    await eventually(
      () =>
        lines.some((line) => line.msg === 'background job failed; giving up')
          ? Promise.resolve()
          : Promise.reject(new Error()),
      { timeoutMs: 10_000, intervalMs: 20 },
    );
    expect(failures).toBe(3);
    await queue.add(job('after'));
    await eventually(() => (done.length === 1 ? Promise.resolve() : Promise.reject(new Error())));
    await sleep(600);
    expect(failures).toBe(3);
  });

  it('when a job has no handler, then it fails for good at once', async () => {
    const { logger, lines } = recordingLogger();
    const queue = openQueue(logger);
    queue.startWorker({ work: () => Promise.resolve() });
    await queue.add(job(null, 'unknown'));
    await eventually(() =>
      lines.some((line) => line.msg === 'background job failed; giving up')
        ? Promise.resolve()
        : Promise.reject(new Error()),
    );
    expect(lines.filter((line) => line.msg.startsWith('background job failed'))).toHaveLength(1);
  });

  it('when a handler is slow, then adding returns at once and closing waits for it to finish', async () => {
    const queue = openQueue();
    let finished = false;
    let started = false;
    queue.startWorker({
      work: async () => {
        started = true;
        await sleep(800);
        finished = true;
      },
    });
    const before = performance.now();
    await queue.add(job('slow'));
    expect(performance.now() - before).toBeLessThan(200);
    await eventually(() => (started ? Promise.resolve() : Promise.reject(new Error())), {
      intervalMs: 10,
    });
    await queue.close();
    expect(finished).toBe(true);
  });
});

describe.runIf(serverRedisUrl)('job queue on Redis', () => {
  it('when the API stops with jobs waiting, then a queue opened later on the same Redis runs them', async () => {
    const url = serverRedisUrl!;
    const prefix = uniquePrefix();
    const logger = recordingLogger().logger;
    const first = createBullmqJobQueue({ url, prefix, retry, logger });
    await first.add(job('survivor'));
    await first.close();

    const second = createBullmqJobQueue({ url, prefix, retry, logger });
    const seen: unknown[] = [];
    second.startWorker({ work: (data) => Promise.resolve(void seen.push(data)) });
    try {
      await eventually(() => (seen.length === 1 ? Promise.resolve() : Promise.reject(new Error())));
      expect(seen).toEqual(['survivor']);
    } finally {
      await second.close();
    }
  });

  it('when Redis cannot be reached, then adding a job fails within seconds instead of hanging', async () => {
    const closed = `redis://127.0.0.1:${await findFreePort()}`;
    const queue = createBullmqJobQueue({
      url: closed,
      prefix: uniquePrefix(),
      retry,
      logger: recordingLogger().logger,
    });
    const start = performance.now();
    await expect(queue.add(job('lost'))).rejects.toThrow();
    expect(performance.now() - start).toBeLessThan(4000);
    await queue.close();
  });

  it('when Redis goes away while the worker waits for jobs, then closing still finishes instead of waiting for Redis', async () => {
    const redis = new URL(serverRedisUrl!);
    const proxy = await startTcpProxy({ host: redis.hostname, port: Number(redis.port || 6379) });
    const queue = createBullmqJobQueue({
      url: `redis://${proxy.host}:${proxy.port}`,
      prefix: uniquePrefix(),
      retry,
      logger: recordingLogger().logger,
    });
    try {
      const seen: unknown[] = [];
      queue.startWorker({ work: (data) => Promise.resolve(void seen.push(data)) });
      await queue.add(job('before'));
      await eventually(() => (seen.length === 1 ? Promise.resolve() : Promise.reject(new Error())));

      await proxy.cut();
      const start = performance.now();
      await queue.close();
      expect(performance.now() - start).toBeLessThan(15_000);
    } finally {
      await proxy.close();
    }
  });
});
