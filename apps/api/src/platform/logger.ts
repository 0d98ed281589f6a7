import pino from 'pino';
import type { Config } from '../config';

export type Logger = pino.Logger;

const FLUSH_INTERVAL_MS = 500;

/**
 * JSON logs to stdout. Lines are buffered (4 KB) and written asynchronously, so a request never
 * waits on the terminal and the API does not pay one write system call per log line; a timer
 * flushes a partly filled buffer, so a quiet server's lines still appear within half a second.
 * Authorisation headers and cookies are redacted at the source.
 */
export const createLogger = (config: Pick<Config, 'LOG_LEVEL'>): Logger => {
  const destination = pino.destination({ dest: 1, sync: false, minLength: 4096 });
  setInterval(() => destination.flush(), FLUSH_INTERVAL_MS).unref();
  return pino(
    {
      level: config.LOG_LEVEL,
      base: { service: 'localkart-api' },
      redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
    },
    destination,
  );
};
