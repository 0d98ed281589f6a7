import { and, count, desc, eq, inArray, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client';
import {
  ledgerAccounts,
  ledgerEntries,
  ledgerTransactions,
  type ledgerAccountKind,
  type ledgerTransactionKind,
} from '../../db/schema/payments';

export type LedgerAccountKind = (typeof ledgerAccountKind.enumValues)[number];
export type LedgerTransactionKind = (typeof ledgerTransactionKind.enumValues)[number];
export type AccountRef = { kind: LedgerAccountKind; ownerId: string | null; currency: string };
export type NewEntry = {
  accountId: string;
  currency: string;
  amountPaise: number;
  /** The database's time unless given. */
  createdAt?: Date;
};

/** The account's id, creating it on first use. */
export const ensureAccount = async (
  db: Db,
  { kind, ownerId, currency, allowNegative }: AccountRef & { allowNegative: boolean },
): Promise<string> => {
  const [created] = await db
    .insert(ledgerAccounts)
    .values({ kind, ownerId, currency, allowNegative })
    .onConflictDoNothing()
    .returning({ id: ledgerAccounts.id });
  if (created) return created.id;
  const [existing] = await db
    .select({ id: ledgerAccounts.id })
    .from(ledgerAccounts)
    .where(accountIs({ kind, ownerId, currency }));
  return existing!.id;
};

const accountIs = ({ kind, ownerId, currency }: AccountRef) =>
  and(
    eq(ledgerAccounts.kind, kind),
    ownerId === null ? sql`${ledgerAccounts.ownerId} IS NULL` : eq(ledgerAccounts.ownerId, ownerId),
    eq(ledgerAccounts.currency, currency),
  );

export const findAccount = async (db: Db, ref: AccountRef) => {
  const [row] = await db
    .select({ id: ledgerAccounts.id, balancePaise: ledgerAccounts.balancePaise })
    .from(ledgerAccounts)
    .where(accountIs(ref));
  return row;
};

/** The account's balance, its row locked until the transaction `db` belongs to ends. */
export const lockAccount = async (db: Db, id: string): Promise<number> => {
  const [row] = await db
    .select({ balancePaise: ledgerAccounts.balancePaise })
    .from(ledgerAccounts)
    .where(eq(ledgerAccounts.id, id))
    .for('update');
  return row!.balancePaise;
};

/** Serialises every movement of one booking's money until the transaction ends. */
export const lockBooking = async (db: Db, bookingId: string): Promise<void> => {
  await db.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${bookingId}, 6006))`);
};

/** Inserts a transaction, or returns undefined when one with this reference exists. */
export const insertTransaction = async (
  db: Db,
  row: {
    kind: LedgerTransactionKind;
    reference: string;
    bookingId: string | null;
    description: string;
    /** The database's time unless given. */
    createdAt?: Date;
  },
): Promise<string | undefined> => {
  const [inserted] = await db
    .insert(ledgerTransactions)
    .values(row)
    .onConflictDoNothing({ target: ledgerTransactions.reference })
    .returning({ id: ledgerTransactions.id });
  return inserted?.id;
};

export const findTransactionIdByReference = async (db: Db, reference: string) => {
  const [row] = await db
    .select({ id: ledgerTransactions.id })
    .from(ledgerTransactions)
    .where(eq(ledgerTransactions.reference, reference));
  return row?.id;
};

/**
 * The provider another payout with this bank reference went to, if any (payout references are
 * `payout:<provider id>:<bank reference>`). Takes a lock on the bank reference until the
 * transaction ends, so two payouts naming one transfer cannot both pass.
 */
export const otherPayoutWithBankReference = async (
  db: Db,
  { providerId, bankReference }: { providerId: string; bankReference: string },
) => {
  await db.execute(
    sql`SELECT pg_advisory_xact_lock(hashtextextended(${`payout-reference:${bankReference}`}, 6006))`,
  );
  const [row] = await queryRows<{ provider_id: string }>(
    db,
    sql`SELECT split_part(reference, ':', 2) AS provider_id FROM ledger_transactions
      WHERE kind = 'payout' AND substring(reference from 45) = ${bankReference}
        AND split_part(reference, ':', 2) <> ${providerId}
      LIMIT 1`,
  );
  return row?.provider_id;
};

export const insertEntries = async (db: Db, transactionId: string, entries: NewEntry[]) => {
  await db.insert(ledgerEntries).values(entries.map((entry) => ({ ...entry, transactionId })));
};

/** What one account holds for one booking (the escrow account, say). */
export const bookingBalanceOn = async (db: Db, accountId: string, bookingId: string) => {
  const [row] = await db
    .select({ total: sql<string>`COALESCE(SUM(${ledgerEntries.amountPaise}), 0)` })
    .from(ledgerEntries)
    .innerJoin(ledgerTransactions, eq(ledgerTransactions.id, ledgerEntries.transactionId))
    .where(
      and(eq(ledgerEntries.accountId, accountId), eq(ledgerTransactions.bookingId, bookingId)),
    );
  return Number(row?.total ?? 0);
};

/** Every entry of the booking's payment transactions, with its account, oldest first. */
export const listBookingPaymentEntries = (db: Db, bookingId: string) =>
  db
    .select({
      kind: ledgerTransactions.kind,
      accountKind: ledgerAccounts.kind,
      ownerId: ledgerAccounts.ownerId,
      amountPaise: ledgerEntries.amountPaise,
      currency: ledgerEntries.currency,
    })
    .from(ledgerEntries)
    .innerJoin(ledgerTransactions, eq(ledgerTransactions.id, ledgerEntries.transactionId))
    .innerJoin(ledgerAccounts, eq(ledgerAccounts.id, ledgerEntries.accountId))
    .where(
      and(
        eq(ledgerTransactions.bookingId, bookingId),
        inArray(ledgerTransactions.kind, ['wallet_payment', 'online_payment', 'cash_payment']),
      ),
    )
    .orderBy(ledgerEntries.createdAt);

/**
 * The booking's payments and refund, one row per ledger transaction, oldest first: what moved
 * (the sum of its positive legs) and how. For notifications, keyed by the transaction id.
 */
export const listBookingMoneyMovements = async (db: Db, bookingId: string) => {
  const rows = await db
    .select({
      transactionId: ledgerTransactions.id,
      kind: ledgerTransactions.kind,
      amountPaise: sql<string>`SUM(GREATEST(${ledgerEntries.amountPaise}, 0))`,
    })
    .from(ledgerTransactions)
    .innerJoin(ledgerEntries, eq(ledgerEntries.transactionId, ledgerTransactions.id))
    .where(
      and(
        eq(ledgerTransactions.bookingId, bookingId),
        inArray(ledgerTransactions.kind, [
          'wallet_payment',
          'online_payment',
          'cash_payment',
          'refund',
        ]),
      ),
    )
    .groupBy(ledgerTransactions.id, ledgerTransactions.kind, ledgerTransactions.createdAt)
    .orderBy(ledgerTransactions.createdAt);
  return rows.map((row) => ({ ...row, amountPaise: Number(row.amountPaise) }));
};

/** One page of an account's entries, newest first, with its transaction. */
export const listAccountEntries = (
  db: Db,
  accountId: string,
  { limit, offset }: { limit: number; offset: number },
) =>
  db
    .select({
      id: ledgerEntries.id,
      transactionId: ledgerTransactions.id,
      kind: ledgerTransactions.kind,
      bookingId: ledgerTransactions.bookingId,
      description: ledgerTransactions.description,
      amountPaise: ledgerEntries.amountPaise,
      currency: ledgerEntries.currency,
      createdAt: ledgerEntries.createdAt,
    })
    .from(ledgerEntries)
    .innerJoin(ledgerTransactions, eq(ledgerTransactions.id, ledgerEntries.transactionId))
    .where(eq(ledgerEntries.accountId, accountId))
    .orderBy(desc(ledgerEntries.createdAt), desc(ledgerEntries.id))
    .limit(limit)
    .offset(offset);

export const countAccountEntries = async (db: Db, accountId: string) => {
  const [row] = await db
    .select({ total: count() })
    .from(ledgerEntries)
    .where(eq(ledgerEntries.accountId, accountId));
  return row?.total ?? 0;
};

/**
 * The ledger's invariants, as SQL: accounts whose cached balance differs from the sum of their
 * entries, unbalanced transactions, and accounts below zero that may not be. All empty when sound.
 */
export const findLedgerViolations = async (db: Db) => ({
  balanceMismatches: await queryRows<{ id: string }>(
    db,
    sql`SELECT a.id FROM ledger_accounts a
        LEFT JOIN ledger_entries e ON e.account_id = a.id
        GROUP BY a.id HAVING a.balance_paise <> COALESCE(SUM(e.amount_paise), 0)`,
  ),
  unbalancedTransactions: await queryRows<{ id: string }>(
    db,
    sql`SELECT t.id FROM ledger_transactions t
        LEFT JOIN ledger_entries e ON e.transaction_id = t.id
        GROUP BY t.id HAVING COALESCE(SUM(e.amount_paise), 0) <> 0 OR COUNT(e.id) < 2`,
  ),
  negativeAccounts: await queryRows<{ id: string }>(
    db,
    sql`SELECT id FROM ledger_accounts WHERE NOT allow_negative AND balance_paise < 0`,
  ),
});
