import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, type Db } from '../../db/client';
import { AppError } from '../../platform/errors';
import { startTestApp, type TestApp } from '../../test-support/test-app';
import { findLedgerViolations } from './ledger.repo';
import { commissionOf, createLedger, type Ledger } from './ledger.service';

const COMMISSION_BPS = 1000;

type Command =
  | { op: 'topUp'; user: number; amount: number }
  | { op: 'payWallet'; user: number; amount: number }
  | { op: 'payOnline'; amount: number }
  | { op: 'payCash'; provider: number; amount: number }
  | { op: 'refund'; booking: number; percent: number }
  | { op: 'settle'; booking: number; provider: number };

const amount = fc.integer({ min: 1, max: 50_000 });
const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ op: fc.constant('topUp' as const), user: fc.nat(2), amount }),
  fc.record({ op: fc.constant('payWallet' as const), user: fc.nat(2), amount }),
  fc.record({ op: fc.constant('payOnline' as const), amount }),
  fc.record({ op: fc.constant('payCash' as const), provider: fc.nat(1), amount }),
  fc.record({
    op: fc.constant('refund' as const),
    booking: fc.nat(20),
    percent: fc.integer({ min: 1, max: 100 }),
  }),
  fc.record({ op: fc.constant('settle' as const), booking: fc.nat(20), provider: fc.nat(1) }),
);

const isConflict = (error: unknown) => error instanceof AppError && error.code === 'CONFLICT';

describe('ledger: double entry, append-only, never-negative wallets', () => {
  let app: TestApp;
  let db: Db;
  let ledger: Ledger;
  beforeAll(async () => {
    app = await startTestApp();
    db = app.runtime.database.db;
    ledger = createLedger({ db, commissionBps: COMMISSION_BPS });
  });
  afterAll(() => app.close());

  it('after any sequence of top-ups, payments, refunds and settlements, balances equal the sum of entries, every transaction sums to zero and no wallet is negative', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 25 }), async (commands) => {
        const users = [randomUUID(), randomUUID(), randomUUID()];
        const providers = [randomUUID(), randomUUID()];
        const wallets = [0, 0, 0];
        const earnings = [0, 0];
        const bookings: {
          id: string;
          held: number;
          refunded: boolean;
          settled: boolean;
          payer?: number;
        }[] = [];
        const newBooking = (paid: number) => {
          const booking = { id: randomUUID(), held: paid, refunded: false, settled: false };
          bookings.push(booking);
          return booking.id;
        };
        for (const c of commands) {
          if (c.op === 'topUp') {
            await ledger.topUp({
              userId: users[c.user]!,
              amountPaise: c.amount,
              reference: randomUUID(),
            });
            wallets[c.user]! += c.amount;
          } else if (c.op === 'payWallet') {
            const bookingId = randomUUID();
            const enough = wallets[c.user]! >= c.amount;
            const paid = ledger.payFromWallet({
              bookingId,
              userId: users[c.user]!,
              amountPaise: c.amount,
            });
            if (enough) {
              await paid;
              wallets[c.user]! -= c.amount;
              bookings.push({
                id: bookingId,
                held: c.amount,
                refunded: false,
                settled: false,
                payer: c.user,
              });
            } else {
              await expect(paid).rejects.toSatisfy(isConflict);
            }
          } else if (c.op === 'payOnline') {
            const bookingId = newBooking(c.amount);
            await ledger.recordOnlinePayment({
              bookingId,
              amountPaise: c.amount,
              reference: randomUUID(),
            });
          } else if (c.op === 'payCash') {
            const bookingId = newBooking(c.amount);
            await ledger.recordCashPayment({
              bookingId,
              providerId: providers[c.provider]!,
              amountPaise: c.amount,
            });
          } else if (c.op === 'refund') {
            const booking = bookings[c.booking];
            if (!booking || booking.refunded || booking.held === 0) continue;
            const refundPaise = Math.max(1, Math.floor((booking.held * c.percent) / 100));
            const result = await ledger.refund({
              bookingId: booking.id,
              amountPaise: refundPaise,
              refundOnline: () => Promise.resolve(),
            });
            booking.refunded = true;
            booking.held -= refundPaise;
            for (const leg of result.legs) {
              if (leg.method !== 'wallet') continue;
              // Each booking here is paid one way; a wallet leg goes back to whoever paid.
              wallets[booking.payer!]! += leg.amountPaise;
            }
          } else {
            const booking = bookings[c.booking];
            if (!booking || booking.settled) continue;
            const settled = await ledger.settleCompletedBooking({
              bookingId: booking.id,
              providerId: providers[c.provider]!,
            });
            if (booking.held === 0) {
              expect(settled).toBeNull();
            } else {
              expect(settled?.commissionPaise).toBe(commissionOf(booking.held, COMMISSION_BPS));
              earnings[c.provider]! += booking.held - settled!.commissionPaise;
              booking.held = 0;
              booking.settled = true;
            }
          }
        }
        expect(await findLedgerViolations(db)).toEqual({
          balanceMismatches: [],
          unbalancedTransactions: [],
          negativeAccounts: [],
        });
        for (const [i, user] of users.entries()) {
          expect(await ledger.walletBalance(user)).toBe(wallets[i]);
        }
        for (const [i, provider] of providers.entries()) {
          expect(await ledger.providerEarnings(provider)).toBe(earnings[i]);
        }
        for (const booking of bookings) {
          expect(await ledger.bookingHeld(booking.id)).toBe(booking.held);
        }
      }),
      { numRuns: 30 },
    );
  });

  it('when 50 wallet payments race for a balance that covers 10, then exactly 10 succeed and the wallet ends at zero', async () => {
    const userId = randomUUID();
    await ledger.topUp({ userId, amountPaise: 10 * 1_000, reference: randomUUID() });
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, () =>
        ledger.payFromWallet({ bookingId: randomUUID(), userId, amountPaise: 1_000 }),
      ),
    );
    const succeeded = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r) => r.status === 'rejected');
    expect(succeeded).toHaveLength(10);
    expect(refused.every((r) => isConflict(r.reason))).toBe(true);
    expect(await ledger.walletBalance(userId)).toBe(0);
    expect((await findLedgerViolations(db)).negativeAccounts).toEqual([]);
  });

  it('when the same movement is posted twice, then it counts once', async () => {
    const userId = randomUUID();
    const reference = randomUUID();
    const first = await ledger.topUp({ userId, amountPaise: 500, reference });
    const again = await ledger.topUp({ userId, amountPaise: 500, reference });
    expect(again).toEqual({ transactionId: first.transactionId, duplicate: true });
    expect(await ledger.walletBalance(userId)).toBe(500);
  });

  it('when a wallet booking is cancelled, then the refund is back in the wallet at once and the rest settles with commission', async () => {
    const userId = randomUUID();
    const bookingId = randomUUID();
    const providerId = randomUUID();
    await ledger.topUp({ userId, amountPaise: 100_000, reference: randomUUID() });
    await ledger.payFromWallet({ bookingId, userId, amountPaise: 60_000 });
    const refund = await ledger.refund({ bookingId, amountPaise: 50_000 });
    expect(refund.legs).toEqual([{ method: 'wallet', amountPaise: 50_000 }]);
    expect(await ledger.walletBalance(userId)).toBe(90_000);
    const fee = await ledger.settleCompletedBooking({ bookingId, providerId });
    expect(fee).toMatchObject({ commissionPaise: 1_000, earningsPaise: 9_000 });
    expect(await ledger.providerEarnings(providerId)).toBe(9_000);
  });

  it('when anything tries to change or delete ledger rows, or to set a balance, then the database refuses', async () => {
    const userId = randomUUID();
    await ledger.topUp({ userId, amountPaise: 700, reference: randomUUID() });
    await expect(
      db.execute(sql`UPDATE ledger_entries SET amount_paise = amount_paise * 2`),
    ).rejects.toThrow();
    await expect(db.execute(sql`DELETE FROM ledger_entries`)).rejects.toThrow();
    await expect(
      db.execute(sql`UPDATE ledger_transactions SET description = 'x'`),
    ).rejects.toThrow();
    await expect(db.execute(sql`TRUNCATE ledger_entries CASCADE`)).rejects.toThrow();
    await expect(
      db.execute(
        sql`UPDATE ledger_accounts SET balance_paise = 1000000 WHERE owner_id = ${userId}`,
      ),
    ).rejects.toThrow();
    expect(await ledger.walletBalance(userId)).toBe(700);
  });

  it('when a transaction does not balance, then it is refused at commit', async () => {
    const [wallet] = await queryRows<{ id: string }>(
      db,
      sql`SELECT id FROM ledger_accounts WHERE kind = 'gateway_clearing'`,
    );
    const unbalanced = db.transaction(async (tx) => {
      const [txn] = await queryRows<{ id: string }>(
        tx,
        sql`INSERT INTO ledger_transactions (kind, reference, description)
            VALUES ('wallet_top_up', ${randomUUID()}, 'forged') RETURNING id`,
      );
      await tx.execute(
        sql`INSERT INTO ledger_entries (transaction_id, account_id, currency, amount_paise)
            VALUES (${txn!.id}, ${wallet!.id}, 'INR', -500)`,
      );
    });
    await expect(unbalanced).rejects.toThrow();
    const empty = db.execute(
      sql`INSERT INTO ledger_transactions (kind, reference, description) VALUES ('refund', ${randomUUID()}, 'empty')`,
    );
    await expect(empty).rejects.toThrow();
  });

  it('when a wallet would go below zero by a direct entry, then the CHECK refuses it', async () => {
    const userId = randomUUID();
    await ledger.topUp({ userId, amountPaise: 100, reference: randomUUID() });
    const [wallet] = await queryRows<{ id: string }>(
      db,
      sql`SELECT id FROM ledger_accounts WHERE kind = 'user_wallet' AND owner_id = ${userId}`,
    );
    const [escrow] = await queryRows<{ id: string }>(
      db,
      sql`SELECT id FROM ledger_accounts WHERE kind = 'booking_escrow'`,
    );
    const overdraw = db.transaction(async (tx) => {
      const [txn] = await queryRows<{ id: string }>(
        tx,
        sql`INSERT INTO ledger_transactions (kind, reference, description)
            VALUES ('wallet_payment', ${randomUUID()}, 'overdraw') RETURNING id`,
      );
      await tx.execute(
        sql`INSERT INTO ledger_entries (transaction_id, account_id, currency, amount_paise)
            VALUES (${txn!.id}, ${wallet!.id}, 'INR', -200), (${txn!.id}, ${escrow!.id}, 'INR', 200)`,
      );
    });
    await expect(overdraw).rejects.toThrow();
    expect(await ledger.walletBalance(userId)).toBe(100);
  });
});
