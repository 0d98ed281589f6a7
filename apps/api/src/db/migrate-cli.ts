import { loadConfig } from '../config';
import { createLogger } from '../platform/logger';
import { openDatabase } from './client';
import { migrateDatabase } from './migrate';

/** `npm run db:migrate`: applies pending migrations to the configured database. */
const config = loadConfig();
const logger = createLogger(config);
const database = await openDatabase(config, logger);
try {
  await migrateDatabase(database);
  process.stdout.write(`Migrations applied to ${database.kind}.\n`);
} finally {
  await database.close();
  logger.flush();
}
