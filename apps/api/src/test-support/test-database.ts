import { openDatabase, type Database } from '../db/client';
import { createLogger } from '../platform/logger';
import { createTestDatabaseUrl, testConfig } from './test-env';

/**
 * A database of the test file's own, without the app around it (not migrated): embedded, or a
 * fresh one on the PostgreSQL server when the environment names it. `close` also drops it.
 */
export const openTestDatabase = async (): Promise<{
  database: Database;
  close: () => Promise<void>;
}> => {
  const created = await createTestDatabaseUrl();
  const config = testConfig({ DATABASE_URL: created.url });
  const database = await openDatabase(config, createLogger(config));
  return {
    database,
    close: async () => {
      await database.close();
      await created.drop();
    },
  };
};
