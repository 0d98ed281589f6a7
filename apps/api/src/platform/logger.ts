import pino from 'pino';
import type { Config } from '../config';

export type Logger = pino.Logger;

/**
 * JSON logs to stdout, written asynchronously so a request never waits on the terminal.
 * Authorisation headers and cookies are redacted at the source.
 */
export const createLogger = (config: Pick<Config, 'LOG_LEVEL'>): Logger =>
  pino(
    {
      level: config.LOG_LEVEL,
      base: { service: 'localkart-api' },
      redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
    },
    pino.destination({ dest: 1, sync: false }),
  );
