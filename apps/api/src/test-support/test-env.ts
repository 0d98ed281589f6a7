import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { parseConfig, type Config } from '../config';

/**
 * Tests run on the embedded default unless the environment names real servers, as `.ci/run`
 * does on its second pass: then each test file gets a fresh PostgreSQL database of its own
 * and a Redis key prefix of its own, so files can run side by side.
 */
export const serverDatabaseUrl = process.env.DATABASE_URL || undefined;
export const serverRedisUrl = process.env.REDIS_URL || undefined;

/** A fresh, migrated-on-open database for one test file; `drop` removes it. */
export const createTestDatabaseUrl = async (): Promise<{
  url?: string;
  drop: () => Promise<void>;
}> => {
  if (!serverDatabaseUrl) return { drop: () => Promise.resolve() };
  const name = `lk_test_${randomUUID().replaceAll('-', '')}`;
  const admin = new pg.Client({ connectionString: serverDatabaseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverDatabaseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: serverDatabaseUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
};

/** Config as the app would parse it, quiet and embedded unless overridden. */
export const testConfig = (overrides: Record<string, string | undefined> = {}): Config =>
  parseConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    PGLITE_DIR: 'memory://',
    // Uploads and the mail outbox of each test app go to a directory of their own.
    DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'localkart-test-')),
    RATE_LIMIT_MAX: '100000',
    REDIS_PREFIX: `lkt:${randomUUID().slice(0, 8)}:`,
    SEED_DEMO_DATA: 'false',
    ...overrides,
  });
