import { parseArgs } from 'node:util';
import { loadConfig } from '../../config';
import { createLogger } from '../../platform/logger';
import { openDatabase } from '../client';
import { migrateDatabase } from '../migrate';
import { openSharedServices } from '../../runtime';
import { seedDemoData } from './seed';

/** `npm run seed -- --users 100000`: adds demo accounts to the configured database. */
const { values } = parseArgs({
  options: { users: { type: 'string', default: '300' }, seed: { type: 'string', default: '2026' } },
});
const users = Number(values.users);
const randomSeed = Number(values.seed);
if (!Number.isInteger(users) || users < 0 || !Number.isInteger(randomSeed)) {
  process.stderr.write('Usage: npm run seed -- [--users N] [--seed N]\n');
  process.exit(2);
}

const config = loadConfig();
const logger = createLogger(config);
const database = await openDatabase(config, logger);
try {
  await migrateDatabase(database);
  const { phones } = openSharedServices(config, logger);
  const { inserted, providers, bookings } = await seedDemoData(
    { db: database.db, logger, phones, config },
    { users, randomSeed },
  );
  process.stdout.write(
    `Seeded ${inserted} new accounts, ${providers} providers and ${bookings} bookings into ${database.kind}.\n`,
  );
} finally {
  await database.close();
  logger.flush();
}
