import pino from 'pino';
import type { Config } from '../config';

export type Logger = pino.Logger;

const FLUSH_INTERVAL_MS = 500;
/** About 270 access lines: one hand-over to the thread pool per batch, not per 4 KB. */
const BATCH_CHARS = 64 * 1024;

type Destination = ReturnType<typeof pino.destination>;

/** Batches still in memory when the process exits; pino's own exit hook flushes first. */
const unreleased = new Set<() => void>();
process.once('exit', () => {
  for (const flushSync of unreleased) {
    try {
      flushSync();
    } catch {
      // Nowhere left to report it: stdout itself is what failed.
    }
  }
});

/**
 * Joins lines into large batches before they reach pino's destination. Each write the
 * destination starts is a hand-over to libuv's thread pool, which on a busy machine costs the
 * event loop a context switch; and the destination measures its pending buffer on every line
 * it is given, so it is cheaper to give it few long lines than many short ones.
 */
const batching = (destination: Destination) => {
  let lines: string[] = [];
  let chars = 0;
  const release = () => {
    if (chars === 0) return;
    destination.write(lines.join(''));
    lines = [];
    chars = 0;
  };
  const flushSync = () => {
    release();
    destination.flushSync();
  };
  unreleased.add(flushSync);
  return {
    write: (line: string) => {
      lines.push(line);
      chars += line.length;
      if (chars >= BATCH_CHARS) release();
      return true;
    },
    flush: (callback?: (error?: Error) => void) => {
      release();
      destination.flush(callback);
    },
    flushSync,
  };
};

/**
 * JSON logs to stdout. Lines are batched and written asynchronously, so a request never waits
 * on the terminal and the API does not pay a write system call per log line; a timer flushes a
 * partly filled batch, so a quiet server's lines still appear within half a second.
 * Authorisation headers and cookies are redacted at the source.
 */
export const createLogger = (config: Pick<Config, 'LOG_LEVEL'>): Logger => {
  const stream = batching(pino.destination({ dest: 1, sync: false }));
  setInterval(() => stream.flush(), FLUSH_INTERVAL_MS).unref();
  return pino(
    {
      level: config.LOG_LEVEL,
      base: { service: 'localkart-api' },
      redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
    },
    stream,
  );
};
