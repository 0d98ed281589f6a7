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
  /** How often open sockets are checked against their user's account (deactivated, signed out). */
  REALTIME_ACCESS_RECHECK_MS: positiveInt.default(60_000),
  SEED_DEMO_DATA: z.enum(['auto', 'true', 'false']).default('auto'),
  SEED_DEMO_USERS: positiveInt.default(300),
  AI_PROVIDER: z.enum(['local', 'openai']).default('local'),
  OPENAI_API_KEY: z.string().min(1).optional(),
  OPENAI_BASE_URL: urlWithProtocols(['https', 'http']).default('https://api.openai.com/v1'),
  AI_MODEL: z.string().min(1).default('gpt-4o-mini'),
  METRICS_ENABLED: booleanFlag.default(true),
  SEARCH_CACHE_ENABLED: booleanFlag.default(true),
  APP_URL: urlWithProtocols(['https', 'http']).default('http://localhost:3000'),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(900).default(900),
  REFRESH_TOKEN_TTL_DAYS: positiveInt.max(90).default(30),
  DATA_ENCRYPTION_KEYS: z
    .string()
    .regex(
      /^[\w-]{1,16}:[A-Za-z0-9+/]{43}=(,[\w-]{1,16}:[A-Za-z0-9+/]{43}=)*$/,
      'must be id:base64key pairs (32-byte keys), comma-separated, current key first',
    )
    .optional(),
  BLIND_INDEX_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
  SMTP_URL: urlWithProtocols(['smtp', 'smtps']).optional(),
  MAIL_FROM: z.string().min(3).default('LocalKart <no-reply@localkart.in>'),
  JOB_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(5),
  JOB_BACKOFF_MS: positiveInt.default(30_000),
  WORKER_ENABLED: booleanFlag.default(true),
  OIDC_ISSUER: urlWithProtocols(['https', 'http']).optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  /** The provider's name on the sign-in button ("Continue with Google"). */
  OIDC_DISPLAY_NAME: z.string().trim().min(1).max(40).default('Google'),
  ADMIN_EMAIL: z.email().optional(),
  ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
  AUTH_RATE_LIMIT_WINDOW_MS: positiveInt.default(15 * 60 * 1000),
  AUTH_RATE_LIMIT_MAX: positiveInt.default(20),
  LOGIN_ACCOUNT_RATE_LIMIT_MAX: positiveInt.default(5),
  UPLOAD_QUOTA_MB: positiveInt.default(50),
  S3_ENDPOINT: urlWithProtocols(['https', 'http']).optional(),
  S3_REGION: z.string().min(1).default('ap-south-1'),
  S3_BUCKET: z.string().min(1).optional(),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_PUBLIC_URL: urlWithProtocols(['https', 'http']).optional(),
  PLATFORM_COMMISSION_BPS: z.coerce.number().int().min(0).max(10000).default(1000),
  BOOKING_FREE_CANCELLATION_HOURS: z.coerce.number().int().min(0).max(168).default(4),
  BOOKING_CANCELLATION_FEE_BPS: z.coerce.number().int().min(0).max(10000).default(2000),
  BOOKING_ONLINE_PAYMENT_MINUTES: z.coerce.number().int().min(5).max(1440).default(30),
  RAZORPAY_KEY_ID: z.string().min(1).optional(),
  RAZORPAY_KEY_SECRET: z.string().min(1).optional(),
  RAZORPAY_WEBHOOK_SECRET: z.string().min(1).optional(),
  RAZORPAY_API_URL: urlWithProtocols(['https', 'http']).default('https://api.razorpay.com'),
});

/**
 * Development-only secrets, so `npm start` works with no configuration and embedded data stays
 * readable across restarts. Production refuses to start with them.
 */
const DEVELOPMENT_SECRETS = {
  JWT_SECRET: 'localkart-development-only-jwt-secret-do-not-use',
  DATA_ENCRYPTION_KEYS: 'dev1:ZGV2ZWxvcG1lbnQtb25seS1rZXktMzItYnl0ZXMhISE=',
  BLIND_INDEX_KEY: 'localkart-development-only-blind-index-key',
} as const;

const allOrNone = (values: Record<string, unknown>, names: string[]): string[] => {
  const set = names.filter((name) => values[name] !== undefined);
  return set.length === 0 || set.length === names.length
    ? []
    : names
        .filter((name) => values[name] === undefined)
        .map(
          (name) => `${name}: required when ${set.join(', ')} ${set.length > 1 ? 'are' : 'is'} set`,
        );
};

const crossFieldProblems = (values: z.infer<typeof ZEnvironment>): string[] => [
  ...(values.AI_PROVIDER === 'openai' && !values.OPENAI_API_KEY
    ? ['OPENAI_API_KEY: required when AI_PROVIDER=openai']
    : []),
  ...allOrNone(values, ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET']),
  ...allOrNone(values, ['ADMIN_EMAIL', 'ADMIN_PASSWORD']),
  // Without Redis, jobs and events stay in this process: nobody else could do its background work.
  ...(!values.WORKER_ENABLED && !values.REDIS_URL
    ? ['WORKER_ENABLED: may be false only when REDIS_URL is set']
    : []),
  ...allOrNone(values, ['S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY']),
  ...allOrNone(values, ['RAZORPAY_KEY_ID', 'RAZORPAY_KEY_SECRET', 'RAZORPAY_WEBHOOK_SECRET']),
  ...(values.NODE_ENV === 'production'
    ? (['JWT_SECRET', 'DATA_ENCRYPTION_KEYS', 'BLIND_INDEX_KEY'] as const)
        .filter((name) => !values[name] || values[name] === DEVELOPMENT_SECRETS[name])
        .map((name) => `${name}: required in production (and not the development value)`)
    : []),
];

type Environment = z.infer<typeof ZEnvironment>;

export type EncryptionKey = { id: string; key: Buffer };

export type Config = Readonly<
  Omit<Environment, 'JWT_SECRET' | 'DATA_ENCRYPTION_KEYS' | 'BLIND_INDEX_KEY'> & {
    JWT_SECRET: string;
    BLIND_INDEX_KEY: string;
    /** The first key encrypts; every key decrypts (rotation). */
    dataEncryptionKeys: readonly EncryptionKey[];
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
  const problems = crossFieldProblems(values);
  if (problems.length > 0) throw new ConfigError(problems);
  const dataEncryptionKeys = (
    values.DATA_ENCRYPTION_KEYS ?? DEVELOPMENT_SECRETS.DATA_ENCRYPTION_KEYS
  )
    .split(',')
    .map((pair) => {
      const [id, key] = pair.split(':') as [string, string];
      return Object.freeze({ id, key: Buffer.from(key, 'base64') });
    });
  const dataDir = path.resolve(values.DATA_DIR);
  const pgliteDir = values.PGLITE_DIR ?? path.join(dataDir, 'pg');
  const { DATA_ENCRYPTION_KEYS: _keys, ...rest } = values;
  return Object.freeze({
    ...rest,
    JWT_SECRET: values.JWT_SECRET ?? DEVELOPMENT_SECRETS.JWT_SECRET,
    BLIND_INDEX_KEY: values.BLIND_INDEX_KEY ?? DEVELOPMENT_SECRETS.BLIND_INDEX_KEY,
    dataEncryptionKeys: Object.freeze(dataEncryptionKeys),
    CORS_ORIGINS: Object.freeze([...values.CORS_ORIGINS]) as string[],
    dataDir,
    pgliteDir: pgliteDir === 'memory://' ? pgliteDir : path.resolve(pgliteDir),
  });
};

export const loadConfig = (): Config => parseConfig(process.env);
