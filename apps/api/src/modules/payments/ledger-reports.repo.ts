import { and, asc, count, desc, eq, gte, lt, sql } from 'drizzle-orm';
import type { TAnalyticsGranularity } from '@localkart/contracts/provider-analytics';
import { queryRows, type Db } from '../../db/client';
import { ledgerAccounts, ledgerEntries, ledgerTransactions } from '../../db/schema/payments';
import type { LedgerAccountKind, LedgerTransactionKind } from './ledger.repo';

/**
 * Read-only views of the ledger for admins: accounts, entries, refunds, payouts, what providers
 * are owed, and commission per period. Dates are calendar days in `timeZone`, both included.
 */
type Page = { limit: number; offset: number };
type DateRange = { from?: string | undefined; to?: string | undefined; timeZone: string };

const inRange = (column: typeof ledgerTransactions.createdAt, range: DateRange) =>
  and(
    range.from
      ? gte(column, sql`(${range.from}::date)::timestamp AT TIME ZONE ${range.timeZone}`)
      : undefined,
    range.to
      ? lt(column, sql`((${range.to}::date + 1)::timestamp AT TIME ZONE ${range.timeZone})`)
      : undefined,
  );

// ---- accounts ----

export type AccountFilter = {
  kind?: LedgerAccountKind | undefined;
  ownerId?: string | undefined;
};

const accountWhere = (filter: AccountFilter) =>
  and(
    filter.kind ? eq(ledgerAccounts.kind, filter.kind) : undefined,
    filter.ownerId ? eq(ledgerAccounts.ownerId, filter.ownerId) : undefined,
  );

export const listAccounts = (
  db: Db,
  filter: AccountFilter,
  { sort, order, limit, offset }: Page & { sort: 'balance' | 'createdAt'; order: 'asc' | 'desc' },
) => {
  const direction = order === 'asc' ? asc : desc;
  const key = sort === 'balance' ? ledgerAccounts.balancePaise : ledgerAccounts.createdAt;
  return db
    .select({
      id: ledgerAccounts.id,
      kind: ledgerAccounts.kind,
      ownerId: ledgerAccounts.ownerId,
      currency: ledgerAccounts.currency,
      balancePaise: ledgerAccounts.balancePaise,
      createdAt: ledgerAccounts.createdAt,
    })
    .from(ledgerAccounts)
    .where(accountWhere(filter))
    .orderBy(direction(key), direction(ledgerAccounts.id))
    .limit(limit)
    .offset(offset);
};

export const countAccounts = async (db: Db, filter: AccountFilter) => {
  const [row] = await db
    .select({ total: count() })
    .from(ledgerAccounts)
    .where(accountWhere(filter));
  return row?.total ?? 0;
};

// ---- entries ----

export type EntryFilter = DateRange & {
  accountId?: string | undefined;
  kind?: LedgerTransactionKind | undefined;
  bookingId?: string | undefined;
};

const entryWhere = (filter: EntryFilter) =>
  and(
    filter.accountId ? eq(ledgerEntries.accountId, filter.accountId) : undefined,
    filter.kind ? eq(ledgerTransactions.kind, filter.kind) : undefined,
    filter.bookingId ? eq(ledgerTransactions.bookingId, filter.bookingId) : undefined,
    inRange(ledgerTransactions.createdAt, filter),
  );

export const listEntries = (db: Db, filter: EntryFilter, { limit, offset }: Page) =>
  db
    .select({
      id: ledgerEntries.id,
      transactionId: ledgerTransactions.id,
      transactionKind: ledgerTransactions.kind,
      reference: ledgerTransactions.reference,
      bookingId: ledgerTransactions.bookingId,
      description: ledgerTransactions.description,
      accountId: ledgerAccounts.id,
      accountKind: ledgerAccounts.kind,
      ownerId: ledgerAccounts.ownerId,
      amountPaise: ledgerEntries.amountPaise,
      currency: ledgerEntries.currency,
      createdAt: ledgerEntries.createdAt,
    })
    .from(ledgerEntries)
    .innerJoin(ledgerTransactions, eq(ledgerTransactions.id, ledgerEntries.transactionId))
    .innerJoin(ledgerAccounts, eq(ledgerAccounts.id, ledgerEntries.accountId))
    .where(entryWhere(filter))
    // A transaction's entries share its time (one database transaction): kept together.
    .orderBy(
      desc(ledgerEntries.createdAt),
      desc(ledgerEntries.transactionId),
      desc(ledgerEntries.id),
    )
    .limit(limit)
    .offset(offset);

export const countEntries = async (db: Db, filter: EntryFilter) => {
  const [row] = await db
    .select({ total: count() })
    .from(ledgerEntries)
    .innerJoin(ledgerTransactions, eq(ledgerTransactions.id, ledgerEntries.transactionId))
    .where(entryWhere(filter));
  return row?.total ?? 0;
};

// ---- refunds and payouts: transactions of one kind with their legs ----

export type TransactionFilter = DateRange & {
  kind: 'refund' | 'payout';
  /** One transaction (the payout just posted). */
  transactionId?: string | undefined;
  bookingId?: string | undefined;
  /** For payouts: the provider paid (owner of the earnings leg). */
  providerId?: string | undefined;
};

type Leg = { accountKind: LedgerAccountKind; ownerId: string | null; amountPaise: number };
export type TransactionWithLegs = {
  id: string;
  reference: string;
  booking_id: string | null;
  created_at: string | Date;
  legs: Leg[];
  /** A refund's online part at the gateway, if it had one. */
  gateway_refund: {
    status: 'pending' | 'sent' | 'failed';
    attempts: number;
    gatewayRefundId: string | null;
    lastError: string | null;
  } | null;
};

const transactionWhere = (filter: TransactionFilter) =>
  sql`t.kind = ${filter.kind}::ledger_transaction_kind
    ${filter.transactionId ? sql`AND t.id = ${filter.transactionId}::uuid` : sql``}
    ${filter.bookingId ? sql`AND t.booking_id = ${filter.bookingId}::uuid` : sql``}
    ${
      filter.providerId
        ? sql`AND EXISTS (SELECT 1 FROM ledger_entries pe JOIN ledger_accounts pa ON pa.id = pe.account_id
            WHERE pe.transaction_id = t.id AND pa.kind = 'provider_earnings' AND pa.owner_id = ${filter.providerId}::uuid)`
        : sql``
    }
    ${filter.from ? sql`AND t.created_at >= (${filter.from}::date)::timestamp AT TIME ZONE ${filter.timeZone}` : sql``}
    ${filter.to ? sql`AND t.created_at < ((${filter.to}::date + 1)::timestamp AT TIME ZONE ${filter.timeZone})` : sql``}`;

/** Newest first; `limit` undefined reads them all (the CSV export). */
export const listTransactionsWithLegs = (
  db: Db,
  filter: TransactionFilter,
  page?: Page,
): Promise<TransactionWithLegs[]> =>
  queryRows<TransactionWithLegs>(
    db,
    sql`SELECT t.id, t.reference, t.booking_id, t.created_at,
          (SELECT json_agg(json_build_object('accountKind', a.kind, 'ownerId', a.owner_id,
                                             'amountPaise', e.amount_paise) ORDER BY e.amount_paise)
           FROM ledger_entries e JOIN ledger_accounts a ON a.id = e.account_id
           WHERE e.transaction_id = t.id) AS legs,
          (SELECT json_build_object('status', g.status, 'attempts', g.attempts,
                                    'gatewayRefundId', g.gateway_refund_id, 'lastError', g.last_error)
           FROM gateway_refunds g WHERE g.ledger_transaction_id = t.id) AS gateway_refund
        FROM ledger_transactions t
        WHERE ${transactionWhere(filter)}
        ORDER BY t.created_at DESC, t.id DESC
        ${page ? sql`LIMIT ${page.limit} OFFSET ${page.offset}` : sql``}`,
  );

export const countTransactions = async (db: Db, filter: TransactionFilter) => {
  const [row] = await queryRows<{ total: number | string }>(
    db,
    sql`SELECT count(*) AS total FROM ledger_transactions t WHERE ${transactionWhere(filter)}`,
  );
  return Number(row?.total ?? 0);
};

// ---- what providers are owed ----

export type OwedRow = { provider_id: string; earnings: number | string; cash: number | string };

const owedSql = sql`
  SELECT a.owner_id AS provider_id,
    coalesce(sum(a.balance_paise) FILTER (WHERE a.kind = 'provider_earnings'), 0) AS earnings,
    coalesce(sum(a.balance_paise) FILTER (WHERE a.kind = 'provider_cash'), 0) AS cash
  FROM ledger_accounts a
  WHERE a.kind IN ('provider_earnings', 'provider_cash')
  GROUP BY a.owner_id
  HAVING coalesce(sum(a.balance_paise), 0) > 0`;

/** Providers the platform owes money (earnings less cash held above zero), most owed first. */
export const listOwed = (db: Db, page?: Page): Promise<OwedRow[]> =>
  queryRows<OwedRow>(
    db,
    sql`SELECT * FROM (${owedSql}) owed ORDER BY earnings + cash DESC, provider_id
        ${page ? sql`LIMIT ${page.limit} OFFSET ${page.offset}` : sql``}`,
  );

export const countOwed = async (db: Db) => {
  const [row] = await queryRows<{ total: number | string }>(
    db,
    sql`SELECT count(*) AS total FROM (${owedSql}) owed`,
  );
  return Number(row?.total ?? 0);
};

// ---- commission per period ----

export type CommissionRow = {
  start: string;
  settled_bookings: number | string;
  settled: number | string;
  commission: number | string;
  earnings: number | string;
  refunded: number | string;
};

/**
 * One row per period (empty ones included), from the settlement and refund transactions: what
 * settled bookings held (escrow debited), the commission and provider earnings credited, and
 * what refunds took out of escrow.
 */
export const commissionPerPeriod = (
  db: Db,
  {
    from,
    to,
    timeZone: tz,
    granularity: g,
  }: { from: string; to: string; timeZone: string; granularity: TAnalyticsGranularity },
): Promise<CommissionRow[]> =>
  queryRows<CommissionRow>(
    db,
    sql`WITH periods AS (
        SELECT generate_series(date_trunc(${g}, ${from}::date::timestamp), ${to}::date::timestamp,
                               ('1 ' || ${g})::interval) AS start
      ),
      moves AS (
        SELECT date_trunc(${g}, t.created_at AT TIME ZONE ${tz}) AS period, t.kind, a.kind AS account,
               e.amount_paise
        FROM ledger_transactions t
        JOIN ledger_entries e ON e.transaction_id = t.id
        JOIN ledger_accounts a ON a.id = e.account_id
        WHERE t.kind IN ('settlement', 'refund')
          AND t.created_at >= (${from}::date)::timestamp AT TIME ZONE ${tz}
          AND t.created_at < ((${to}::date + 1)::timestamp AT TIME ZONE ${tz})
      ),
      figures AS (
        SELECT period,
          count(*) FILTER (WHERE kind = 'settlement' AND account = 'booking_escrow') AS settled_bookings,
          coalesce(-sum(amount_paise) FILTER (WHERE kind = 'settlement' AND account = 'booking_escrow'), 0) AS settled,
          coalesce(sum(amount_paise) FILTER (WHERE kind = 'settlement' AND account = 'platform_commission'), 0) AS commission,
          coalesce(sum(amount_paise) FILTER (WHERE kind = 'settlement' AND account = 'provider_earnings'), 0) AS earnings,
          coalesce(-sum(amount_paise) FILTER (WHERE kind = 'refund' AND account = 'booking_escrow'), 0) AS refunded
        FROM moves GROUP BY period
      )
      SELECT to_char(p.start, 'YYYY-MM-DD') AS start,
        coalesce(f.settled_bookings, 0) AS settled_bookings, coalesce(f.settled, 0) AS settled,
        coalesce(f.commission, 0) AS commission, coalesce(f.earnings, 0) AS earnings,
        coalesce(f.refunded, 0) AS refunded
      FROM periods p LEFT JOIN figures f ON f.period = p.start
      ORDER BY p.start`,
  );
