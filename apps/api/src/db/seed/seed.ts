import { sql } from 'drizzle-orm';
import { parseConfig, type Config } from '../../config';
import type { Db } from '../client';
import { users } from '../schema/users';
import type { Logger } from '../../platform/logger';
import type { PhoneProtection } from '../../modules/users/phone-protection';
import { hashPassword } from '../../platform/password';
import { BATCH_SIZE } from './batches';
import { DEMO_EMAIL_DOMAIN, demoUser } from './demo-users';
import { loadDemoLocalities } from './india-post';
import { seededRandom } from './random';
import { seedDemoActivity } from './seed-activity';
import { seedDemoProviders } from './seed-providers';
import { signupDateOf } from './signup-dates';
import { seedTaxonomy } from '../../modules/taxonomy/seed-taxonomy';
import { bookingPolicyOf } from '../../modules/bookings/booking-rules';

/** Printed in the README: every demo account signs in with it. Demo data only. */
export const DEMO_PASSWORD = 'LocalKart@2026';
export const DEMO_ADMIN_EMAIL = `admin@${DEMO_EMAIL_DOMAIN}`;

export type SeedOptions = { users: number; randomSeed?: number; now?: Date };

/** The money and cancellation rules the demo history follows; defaults when none are given. */
export type SeedRules = Pick<
  Config,
  | 'PLATFORM_COMMISSION_BPS'
  | 'BOOKING_FREE_CANCELLATION_HOURS'
  | 'BOOKING_CANCELLATION_FEE_BPS'
  | 'BOOKING_ONLINE_PAYMENT_MINUTES'
>;

/**
 * Fills the database with demo accounts: one admin and `users` customers and providers in real
 * Indian localities, each provider with a business in the service taxonomy (seeded first if
 * missing), then three months of marketplace activity between them (see `seedDemoActivity`).
 * Running it again with the same options adds nothing (same e-mails, one business each, no
 * second history for a provider that has bookings).
 */
export const seedDemoData = async (
  {
    db,
    logger,
    phones,
    config = parseConfig({}),
  }: { db: Db; logger: Logger; phones: PhoneProtection; config?: SeedRules },
  { users: count, randomSeed = 2026, now = new Date() }: SeedOptions,
): Promise<{ inserted: number; providers: number; bookings: number }> => {
  const started = Date.now();
  await seedTaxonomy(db);
  const random = seededRandom(randomSeed);
  const localities = loadDemoLocalities();
  // One hash for every demo account: hashing 100,000 times would take hours and prove nothing.
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  let inserted = 0;
  const insert = async (rows: (typeof users.$inferInsert)[]) => {
    const result = await db
      .insert(users)
      .values(rows)
      .onConflictDoNothing({ target: users.email })
      .returning({ id: users.id });
    inserted += result.length;
  };

  await insert([
    {
      email: DEMO_ADMIN_EMAIL,
      passwordHash,
      role: 'admin',
      firstName: 'LocalKart',
      lastName: 'Admin',
      isVerified: true,
    },
  ]);
  for (let start = 0; start < count; start += BATCH_SIZE) {
    const batch = Array.from({ length: Math.min(BATCH_SIZE, count - start) }, (_, offset) => {
      const user = demoUser(start + offset + 1, { random, localities, passwordHash, phones });
      return { ...user, createdAt: signupDateOf(user.email, now) };
    });
    await insert(batch);
  }
  const providers = await seedDemoProviders(db, { randomSeed, today: now });
  await db.execute(sql`ANALYZE users`);
  if (providers > 0)
    await db.execute(
      sql`ANALYZE providers, provider_services, provider_service_areas, provider_availability`,
    );
  const activity = await seedDemoActivity(db, {
    randomSeed,
    now,
    logger,
    rules: { commissionBps: config.PLATFORM_COMMISSION_BPS, policy: bookingPolicyOf(config) },
  });
  if (activity.bookings > 0)
    await db.execute(
      sql`ANALYZE bookings, booking_status_history, reviews, payment_orders, ledger_transactions, ledger_entries, ledger_accounts`,
    );
  logger.info(
    { inserted, providers, ...activity, requested: count, ms: Date.now() - started },
    'demo data seeded',
  );
  return { inserted, providers, bookings: activity.bookings };
};
