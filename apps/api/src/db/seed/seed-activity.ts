import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { inTransaction, type Db } from '../client';
import { bookings, bookingStatusHistory } from '../schema/bookings';
import { reviews } from '../schema/reviews';
import type { CancellationPolicy } from '../../modules/bookings/booking-rules';
import { lockProviderRow, setProviderRating } from '../../modules/providers/providers.repo';
import { tallyRatings } from '../../modules/reviews/reviews.repo';
import type { Logger } from '../../platform/logger';
import { loadCustomersByCity, loadUnbookedProviders } from './activity-load';
import { openDemoMoney, type DatedOrder } from './activity-money';
import {
  customersNear,
  planProviderBookings,
  type CustomerCalendar,
  type PlanProvider,
} from './activity-plan';
import {
  bookingRowOf,
  historyRowsOf,
  moneyBookingOf,
  paymentPatchOf,
  reviewRowOf,
  type SeededBooking,
} from './activity-rows';
import { chunks } from './batches';
import { hashOf } from './hash';
import { seededRandom } from './random';

export type ActivityRules = { commissionBps: number; policy: CancellationPolicy };
export type ActivityCounts = { bookings: number; reviews: number; topUps: number };

/** Bookings have about thirty columns: 500 rows stay far below the parameter limit. */
const BOOKING_ROWS_PER_INSERT = 500;
const TOP_UP_STEP_PAISE = 50_000;
const TOP_UP_LEAD_MS = 30 * 60_000;

/** A wallet top-up before each customer's first wallet booking, covering them all (in ₹500s). */
const topUpsFor = (batch: SeededBooking[]) => {
  const byCustomer = new Map<string, { amountPaise: number; firstAt: Date }>();
  for (const b of batch.filter((one) => one.paymentMethod === 'wallet')) {
    const seen = byCustomer.get(b.customer.id);
    byCustomer.set(b.customer.id, {
      amountPaise: (seen?.amountPaise ?? 0) + b.basePricePaise,
      firstAt: seen && seen.firstAt < b.createdAt ? seen.firstAt : b.createdAt,
    });
  }
  return [...byCustomer].map(([userId, { amountPaise, firstAt }]) => ({
    userId,
    amountPaise: Math.ceil(amountPaise / TOP_UP_STEP_PAISE) * TOP_UP_STEP_PAISE,
    at: new Date(firstAt.getTime() - TOP_UP_LEAD_MS),
  }));
};

const datePaymentOrders = async (tx: Db, orders: DatedOrder[]) => {
  for (const rows of chunks(orders)) {
    const values = rows.map(
      (o) =>
        sql`(${o.orderId}::uuid, ${o.createdAt.toISOString()}::timestamptz, ${o.paidAt.toISOString()}::timestamptz)`,
    );
    await tx.execute(sql`UPDATE payment_orders o SET created_at = v.created_at, paid_at = v.paid_at
      FROM (VALUES ${sql.join(values, sql`, `)}) AS v(id, created_at, paid_at) WHERE o.id = v.id`);
  }
};

const setPaymentColumns = async (tx: Db, patches: ReturnType<typeof paymentPatchOf>[]) => {
  for (const rows of chunks(patches)) {
    const values = rows.map(
      (p) =>
        sql`(${p.id}::uuid, ${p.paymentStatus}::booking_payment_status, ${p.paymentTransactionId}::text, ${p.changes}::int, ${p.at.toISOString()}::timestamptz)`,
    );
    await tx.execute(sql`UPDATE bookings b SET payment_status = v.status,
        payment_transaction_id = v.transaction_id, version = b.version + v.changes, updated_at = v.at
      FROM (VALUES ${sql.join(values, sql`, `)}) AS v(id, status, transaction_id, changes, at)
      WHERE b.id = v.id`);
  }
};

/**
 * One provider's history in one transaction: bookings and their status history, their money
 * through the ledger, reviews and the rating. Per provider, not more: every posting rewrites the
 * platform accounts' rows, and in one long transaction those rows' versions pile up and each
 * posting gets slower than the last.
 */
const writeProviderHistory = async (
  db: Db,
  provider: PlanProvider,
  batch: SeededBooking[],
  { rules, logger }: { rules: ActivityRules; logger: Logger },
) =>
  inTransaction(db, async (tx) => {
    for (const rows of chunks(batch.map(bookingRowOf), BOOKING_ROWS_PER_INSERT))
      await tx.insert(bookings).values(rows);
    for (const rows of chunks(batch.flatMap(historyRowsOf)))
      await tx.insert(bookingStatusHistory).values(rows);
    const money = openDemoMoney(tx, { commissionBps: rules.commissionBps, logger });
    const orders: DatedOrder[] = [];
    const topUps = topUpsFor(batch);
    for (const topUp of topUps) orders.push(await money.topUpWallet(topUp));
    const patches: ReturnType<typeof paymentPatchOf>[] = [];
    for (const b of [...batch].sort((x, y) => x.createdAt.getTime() - y.createdAt.getTime())) {
      const payment = await money.postBookingMoney(moneyBookingOf(b));
      if (payment.order) orders.push(payment.order);
      patches.push(paymentPatchOf(b, payment));
    }
    await setPaymentColumns(tx, patches);
    await datePaymentOrders(tx, orders);
    const reviewRows = batch.map(reviewRowOf).filter((row) => row !== undefined);
    for (const rows of chunks(reviewRows)) await tx.insert(reviews).values(rows);
    // As the reviews service does after each review: the provider's row locked, the tally stored.
    if (await lockProviderRow(tx, provider.id))
      await setProviderRating(tx, provider.id, await tallyRatings(tx, provider.id));
    return { bookings: batch.length, reviews: reviewRows.length, topUps: topUps.length };
  });

/**
 * Gives demo providers without bookings a history: bookings of nearby demo customers over the
 * last three months and the next two weeks, with their status history, payments, settlements,
 * refunds and reviews, ledger postings included, all dated as they happened. Each provider's
 * rating becomes what its reviews give (none: 0), replacing the made-up one `demoProvider`
 * starts it with. Deterministic for `randomSeed` and `now`; providers
 * that already have bookings are left alone, so running it again adds nothing.
 */
export const seedDemoActivity = async (
  db: Db,
  {
    randomSeed,
    now = new Date(),
    rules,
    logger,
  }: { randomSeed: number; now?: Date; rules: ActivityRules; logger: Logger },
): Promise<ActivityCounts> => {
  const counts: ActivityCounts = { bookings: 0, reviews: 0, topUps: 0 };
  const providers = await loadUnbookedProviders(db);
  if (providers.length === 0) return counts;
  const customersByCity = await loadCustomersByCity(db);
  const calendar: CustomerCalendar = new Map();
  for (const provider of providers) {
    const planned = planProviderBookings(
      provider,
      customersNear(provider, provider.area ? (customersByCity.get(provider.area.city) ?? []) : []),
      {
        random: seededRandom(randomSeed ^ hashOf(`activity:${provider.email}`)),
        now,
        policy: rules.policy,
        calendar,
      },
    );
    const batch = planned.map((b) => ({ ...b, id: randomUUID() }));
    const written = await writeProviderHistory(db, provider, batch, { rules, logger });
    counts.bookings += written.bookings;
    counts.reviews += written.reviews;
    counts.topUps += written.topUps;
  }
  // An account is opened by its first posting; providers are seeded one after another, so a
  // customer's wallet may first be touched by a later-dated story than its earliest one.
  await db.execute(sql`UPDATE ledger_accounts a SET created_at = f.first_at
    FROM (SELECT account_id, min(created_at) AS first_at FROM ledger_entries GROUP BY account_id) f
    WHERE a.id = f.account_id AND f.first_at < a.created_at`);
  return counts;
};
