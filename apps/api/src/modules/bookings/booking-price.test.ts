import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, queryRows, type Database } from '../../db/client';
import { createLogger } from '../../platform/logger';
import { testConfig } from '../../test-support/test-env';
import { basePriceOf, basePriceSql } from './booking-rules';

const UNITS = ['hour', 'service', 'square_feet'] as const;

describe('a booking’s base price', () => {
  let database: Database;

  beforeAll(async () => {
    const config = testConfig();
    database = await openDatabase(config, createLogger(config));
  });

  afterAll(async () => {
    await database.close();
  });

  it('when priced in SQL (the one-statement creation) and in TypeScript (quotes), then both agree for any unit, price and duration', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...UNITS),
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.integer({ min: 15, max: 24 * 60 }),
        async (unit, unitPricePaise, minutes) => {
          const [row] = await queryRows<{ price: number }>(
            database.db,
            sql`SELECT ${basePriceSql(sql`${unit}::text`, sql`${unitPricePaise}::int`, sql`${minutes}::int`)} AS price`,
          );
          expect(Number(row!.price)).toBe(basePriceOf(unit, unitPricePaise, minutes));
        },
      ),
      { numRuns: 300 },
    );
  });
});
