import path from 'node:path';
import { z } from 'zod';

const booleanFlag = z.enum(['true', 'false']).transform((value) => value === 'true');
const positiveInt = z.coerce.number().int().positive();
const urlWithProtocols = (protocols: string[]) =>
  z.url({
    protocol: new RegExp(`^(${protocols.join('|')})$`),
    error: `must be a URL starting with ${protocols.map((p) => `${p}://`).join(' or ')}`,
  });

/**
 * Every environment variable the API reads, with its default. This file is the only reader of
 * `process.env`; the README's configuration table mirrors it.
 */
const ZEnvironment = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: urlWithProtocols(['postgres', 'postgresql']).optional(),
  PGLITE_DIR: z.string().min(1).optional(),
  DB_POOL_MAX: positiveInt.default(10),
  DB_CONNECT_TIMEOUT_MS: positiveInt.default(3000),
  DB_QUERY_TIMEOUT_MS: positiveInt.default(15000),
  REDIS_URL: urlWithProtocols(['redis', 'rediss']).optional(),
  REDIS_PREFIX: z
    .string()
    .regex(/^[\w:.-]{1,32}$/, 'letters, digits and : . - _ only')
    .default('lk:'),
  CORS_ORIGINS: z
    .string()
    .default('http://localhost:3000,http://localhost:5173')
    .transform((value) =>
      value
        .split(',')
        .map((origin) => origin.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.url().refine((o) => o !== '*', 'may not be *'))),
  TRUST_PROXY: z
    .string()
    .default('false')
    .transform((value): boolean | number | string => {
      if (value === 'true' || value === 'false') return value === 'true';
      return /^\d+$/.test(value) ? Number(value) : value;
    }),
  RATE_LIMIT_WINDOW_MS: positiveInt.default(15 * 60 * 1000),
  RATE_LIMIT_MAX: positiveInt.default(600),
  SHUTDOWN_TIMEOUT_MS: positiveInt.default(10000),
  SEED_DEMO_DATA: z.enum(['auto', 'true', 'false']).default('auto'),
  SEED_DEMO_USERS: positiveInt.default(300),
  AI_PROVIDER: z.enum(['local', 'openai']).default('local'),
  OPENAI_API_KEY: z.string().min(1).optional(),
  OPENAI_BASE_URL: urlWithProtocols(['https', 'http']).default('https://api.openai.com/v1'),
  AI_MODEL: z.string().min(1).default('gpt-4o-mini'),
  METRICS_ENABLED: booleanFlag.default(true),
});

type Environment = z.infer<typeof ZEnvironment>;

export type Config = Readonly<
  Environment & {
    /** `memory://` or an absolute directory; only used when DATABASE_URL is unset. */
    pgliteDir: string;
    dataDir: string;
  }
>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Empty strings count as unset, as in most process managers' env files. */
const withoutEmpty = (env: Record<string, string | undefined>) =>
  Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );

export const parseConfig = (env: Record<string, string | undefined>): Config => {
  const parsed = ZEnvironment.safeParse(withoutEmpty(env));
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map(
        (issue) => `${issue.path.join('.') || '(environment)'}: ${issue.message}`,
      ),
    );
  }
  const values = parsed.data;
  if (values.AI_PROVIDER === 'openai' && !values.OPENAI_API_KEY) {
    throw new ConfigError(['OPENAI_API_KEY: required when AI_PROVIDER=openai']);
  }
  const dataDir = path.resolve(values.DATA_DIR);
  const pgliteDir = values.PGLITE_DIR ?? path.join(dataDir, 'pg');
  return Object.freeze({
    ...values,
    CORS_ORIGINS: Object.freeze([...values.CORS_ORIGINS]) as string[],
    dataDir,
    pgliteDir: pgliteDir === 'memory://' ? pgliteDir : path.resolve(pgliteDir),
  });
};

export const loadConfig = (): Config => parseConfig(process.env);
