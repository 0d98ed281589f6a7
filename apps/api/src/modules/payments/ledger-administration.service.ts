import type {
  TCommissionReport,
  TLedgerAccount,
  TLedgerAccountsQuery,
  TLedgerEntriesQuery,
  TLedgerEntry,
  TRefund,
} from '@localkart/contracts/admin';
import type { TAnalyticsGranularity } from '@localkart/contracts/provider-analytics';
import { inTransaction, type Db } from '../../db/client';
import type { Within } from '../../db/within';
import { AppError, ErrorCode } from '../../platform/errors';
import {
  commissionPerPeriod,
  countAccounts,
  countEntries,
  countOwed,
  countTransactions,
  listAccounts,
  listEntries,
  listOwed,
  listTransactionsWithLegs,
  type TransactionWithLegs,
} from './ledger-reports.repo';
import type { Ledger } from './ledger.service';

type Page = { limit: number; offset: number };
type Range = { from?: string | undefined; to?: string | undefined };

export type OwedToProvider = {
  providerId: string;
  earningsPaise: number;
  cashHeldPaise: number;
  owedPaise: number;
};
export type PayoutRecord = {
  transactionId: string;
  providerId: string;
  amountPaise: number;
  bankReference: string;
  createdAt: string;
};

/** A payout just posted, and what the provider was owed at that moment (which it paid in full). */
export type PayoutMade = { payout: PayoutRecord; owedBeforePaise: number };

const iso = (value: string | Date) => new Date(value).toISOString();

const toPayout = (row: TransactionWithLegs): PayoutRecord => {
  const earnings = row.legs.find((leg) => leg.accountKind === 'provider_earnings');
  const paid = row.legs.find((leg) => leg.accountKind === 'gateway_clearing');
  return {
    transactionId: row.id,
    providerId: earnings?.ownerId ?? '',
    amountPaise: Number(paid?.amountPaise ?? 0),
    // `payout:<provider>:<bank reference>`, as `payOut` writes it.
    bankReference: row.reference.split(':').slice(2).join(':'),
    createdAt: iso(row.created_at),
  };
};

const toRefund = (row: TransactionWithLegs): TRefund => {
  const legs = row.legs.map((leg) => ({ ...leg, amountPaise: Number(leg.amountPaise) }));
  return {
    transactionId: row.id,
    bookingId: row.booking_id,
    amountPaise: -legs
      .filter((leg) => leg.accountKind === 'booking_escrow')
      .reduce((sum, leg) => sum + leg.amountPaise, 0),
    legs: legs.filter((leg) => leg.accountKind !== 'booking_escrow'),
    gatewayRefund: row.gateway_refund,
    createdAt: iso(row.created_at),
  };
};

/**
 * The payment module's answers for admins: the ledger's accounts and entries, refunds, what
 * providers are owed and the payouts made (a payout is a ledger posting, `Ledger.payOut`), and
 * the commission earned per period. Dates are calendar days in `timeZone`.
 */
export const createLedgerAdministration = ({
  db,
  ledger,
  timeZone,
}: {
  db: Db;
  ledger: Pick<Ledger, 'payOut'>;
  timeZone: string;
}) => {
  const accounts = async (query: TLedgerAccountsQuery, page: Page) => {
    const filter = { kind: query.kind, ownerId: query.ownerId };
    const [rows, total] = await Promise.all([
      listAccounts(db, filter, { ...page, sort: query.sort, order: query.order }),
      countAccounts(db, filter),
    ]);
    const views: TLedgerAccount[] = rows.map((row) => ({
      ...row,
      createdAt: row.createdAt.toISOString(),
    }));
    return { accounts: views, total };
  };

  const entries = async (query: TLedgerEntriesQuery, page: Page) => {
    const filter = { ...query, timeZone };
    const [rows, total] = await Promise.all([
      listEntries(db, filter, page),
      countEntries(db, filter),
    ]);
    const views: TLedgerEntry[] = rows.map((row) => ({
      ...row,
      createdAt: row.createdAt.toISOString(),
    }));
    return { entries: views, total };
  };

  const refunds = async (query: Range & { bookingId?: string | undefined }, page: Page) => {
    const filter = { ...query, kind: 'refund' as const, timeZone };
    const [rows, total] = await Promise.all([
      listTransactionsWithLegs(db, filter, page),
      countTransactions(db, filter),
    ]);
    return { refunds: rows.map(toRefund), total };
  };

  /** Providers owed money; every one of them when `page` is left out (the CSV export). */
  const owed = async (page?: Page): Promise<{ rows: OwedToProvider[]; total: number }> => {
    const [rows, total] = await Promise.all([listOwed(db, page), countOwed(db)]);
    return {
      rows: rows.map((row) => {
        const earningsPaise = Number(row.earnings);
        const cashHeldPaise = -Number(row.cash);
        return {
          providerId: row.provider_id,
          earningsPaise,
          cashHeldPaise,
          owedPaise: earningsPaise - cashHeldPaise,
        };
      }),
      total,
    };
  };

  /** Payouts made, newest first; all of them in the range when `page` is left out. */
  const payouts = async (
    query: Range & { providerId?: string | undefined },
    page?: Page,
  ): Promise<{ payouts: PayoutRecord[]; total: number }> => {
    const filter = { ...query, kind: 'payout' as const, timeZone };
    const [rows, total] = await Promise.all([
      listTransactionsWithLegs(db, filter, page),
      countTransactions(db, filter),
    ]);
    return { payouts: rows.map(toPayout), total };
  };

  /**
   * Posts a payout and, for a new one, runs `within` in the same transaction. The same bank
   * reference again posts nothing and runs nothing (`duplicate`).
   */
  const payOut = (
    providerId: string,
    { amountPaise, bankReference }: { amountPaise: number; bankReference: string },
    { within }: Within<PayoutMade> = {},
  ) =>
    inTransaction(db, async (tx) => {
      const posting = await ledger.payOut(
        { providerId, expectedPaise: amountPaise, bankReference },
        tx,
      );
      // The posting just made, not every payout the provider ever had.
      const [row] = await listTransactionsWithLegs(tx, {
        kind: 'payout',
        transactionId: posting.transactionId,
        timeZone,
      });
      if (!row) throw new AppError(ErrorCode.INTERNAL_SERVER_ERROR, 'Payout not recorded');
      const payout = toPayout(row);
      if (!posting.duplicate) await within?.(tx, { payout, owedBeforePaise: posting.amountPaise });
      return { payout, duplicate: posting.duplicate };
    });

  const commission = async (range: {
    from: string;
    to: string;
    granularity: TAnalyticsGranularity;
  }): Promise<TCommissionReport> => {
    const rows = await commissionPerPeriod(db, { ...range, timeZone });
    const periods = rows.map((row) => ({
      start: row.start,
      settledBookings: Number(row.settled_bookings),
      settledPaise: Number(row.settled),
      commissionPaise: Number(row.commission),
      providerEarningsPaise: Number(row.earnings),
      refundedPaise: Number(row.refunded),
    }));
    const sum = (key: Exclude<keyof (typeof periods)[number], 'start'>) =>
      periods.reduce((total, period) => total + period[key], 0);
    return {
      ...range,
      timeZone,
      periods,
      totals: {
        settledBookings: sum('settledBookings'),
        settledPaise: sum('settledPaise'),
        commissionPaise: sum('commissionPaise'),
        providerEarningsPaise: sum('providerEarningsPaise'),
        refundedPaise: sum('refundedPaise'),
      },
    };
  };

  return { accounts, entries, refunds, owed, payouts, payOut, commission };
};

export type LedgerAdministration = ReturnType<typeof createLedgerAdministration>;
