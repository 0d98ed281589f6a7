import { inTransaction as inTransactionOf, type Db } from '../../db/client';
import { AppError, ErrorCode } from '../../platform/errors';
import {
  bookingBalanceOn,
  countAccountEntries,
  ensureAccount,
  findAccount,
  findTransactionIdByReference,
  insertEntries,
  insertTransaction,
  listAccountEntries,
  listBookingPaymentEntries,
  lockAccount,
  lockBooking,
  otherPayoutWithBankReference,
  type AccountRef,
  type LedgerAccountKind,
  type LedgerTransactionKind,
} from './ledger.repo';

export const CURRENCY = 'INR';

type Account = AccountRef & { allowNegative: boolean };
type Leg = { account: Account; amountPaise: number };
export type Posting = { transactionId: string; duplicate: boolean };
export type RefundMethod = 'wallet' | 'online' | 'cash';
export type RefundLeg = { method: RefundMethod; amountPaise: number };

const account = (
  kind: LedgerAccountKind,
  ownerId: string | null,
  allowNegative: boolean,
): Account => ({ kind, ownerId, currency: CURRENCY, allowNegative });

const platform = (kind: LedgerAccountKind, allowNegative: boolean) =>
  account(kind, null, allowNegative);

/** The accounts, by role. Which may go below zero is fixed here and enforced by a CHECK. */
export const accounts = {
  wallet: (userId: string) => account('user_wallet', userId, false),
  providerEarnings: (providerId: string) => account('provider_earnings', providerId, false),
  providerCash: (providerId: string) => account('provider_cash', providerId, true),
  escrow: () => platform('booking_escrow', false),
  commission: () => platform('platform_commission', false),
  gatewayClearing: () => platform('gateway_clearing', true),
};

const assertAmount = (amountPaise: number) => {
  if (!Number.isSafeInteger(amountPaise) || amountPaise <= 0) {
    throw new AppError(ErrorCode.VALIDATION_ERROR, 'Amount must be a positive number of paise', [
      { path: 'amountPaise', message: 'must be a positive integer', code: 'too_small' },
    ]);
  }
};

/** The commission on `heldPaise`, rounded half up to whole paise. */
export const commissionOf = (heldPaise: number, bps: number) =>
  Math.floor((heldPaise * bps + 5000) / 10000);

/**
 * The wallet ledger (double entry). Every function runs in its own database transaction, or in
 * the caller's `tx` so a booking change and its money move commit together. Postings carry a
 * unique reference: posting the same movement twice returns the first with `duplicate: true`.
 * Postings are dated by the database, or by `postedAt` when given: the demo seed writes months
 * of history in one go and dates each movement when its story has it happen.
 */
export const createLedger = ({
  db,
  commissionBps,
  postedAt,
}: {
  db: Db;
  commissionBps: number;
  postedAt?: () => Date;
}) => {
  const inTransaction = <T>(tx: Db | undefined, work: (tx: Db) => Promise<T>): Promise<T> =>
    tx ? work(tx) : inTransactionOf(db, work);

  const post = async (
    tx: Db,
    {
      kind,
      reference,
      bookingId = null,
      description,
      legs,
    }: {
      kind: LedgerTransactionKind;
      reference: string;
      bookingId?: string | null;
      description: string;
      legs: Leg[];
    },
  ): Promise<Posting> => {
    const at = postedAt ? { createdAt: postedAt() } : {};
    const transactionId = await insertTransaction(tx, {
      kind,
      reference,
      bookingId,
      description,
      ...at,
    });
    if (!transactionId) {
      return {
        transactionId: (await findTransactionIdByReference(tx, reference))!,
        duplicate: true,
      };
    }
    const resolved: (Leg & { accountId: string })[] = [];
    for (const leg of legs.filter((one) => one.amountPaise !== 0)) {
      resolved.push({ ...leg, accountId: await ensureAccount(tx, leg.account) });
    }
    // Lock what is debited, in id order so two postings never wait on each other in a cycle.
    const debited = resolved
      .filter((leg) => leg.amountPaise < 0 && !leg.account.allowNegative)
      .sort((a, b) => a.accountId.localeCompare(b.accountId));
    for (const leg of debited) {
      const balancePaise = await lockAccount(tx, leg.accountId);
      if (balancePaise + leg.amountPaise < 0) {
        throw new AppError(
          ErrorCode.CONFLICT,
          leg.account.kind === 'user_wallet' ? 'Insufficient wallet balance' : 'Insufficient funds',
          { balancePaise, requiredPaise: -leg.amountPaise },
        );
      }
    }
    await insertEntries(
      tx,
      transactionId,
      resolved.map(({ accountId, account, amountPaise }) => ({
        accountId,
        currency: account.currency,
        amountPaise,
        ...at,
      })),
    );
    return { transactionId, duplicate: false };
  };

  const topUp = (
    { userId, amountPaise, reference }: { userId: string; amountPaise: number; reference: string },
    tx?: Db,
  ) => {
    assertAmount(amountPaise);
    return inTransaction(tx, (t) =>
      post(t, {
        kind: 'wallet_top_up',
        reference: `top_up:${reference}`,
        description: 'Wallet top-up',
        legs: [
          { account: accounts.gatewayClearing(), amountPaise: -amountPaise },
          { account: accounts.wallet(userId), amountPaise },
        ],
      }),
    );
  };

  /**
   * A booking payment: `from` pays into escrow, serialised with the booking's other money
   * moves. Wallet, online and cash payments differ only in the paying account and reference.
   */
  const payIntoEscrow = (
    payment: {
      kind: LedgerTransactionKind;
      reference: string;
      bookingId: string;
      description: string;
      from: Account;
      amountPaise: number;
    },
    tx?: Db,
  ) => {
    const { from, amountPaise, ...transaction } = payment;
    assertAmount(amountPaise);
    return inTransaction(tx, async (t) => {
      await lockBooking(t, payment.bookingId);
      return post(t, {
        ...transaction,
        legs: [
          { account: from, amountPaise: -amountPaise },
          { account: accounts.escrow(), amountPaise },
        ],
      });
    });
  };

  const payFromWallet = (
    { bookingId, userId, amountPaise }: { bookingId: string; userId: string; amountPaise: number },
    tx?: Db,
  ) =>
    payIntoEscrow(
      {
        kind: 'wallet_payment',
        reference: `wallet_payment:${bookingId}`,
        bookingId,
        description: 'Booking paid from wallet',
        from: accounts.wallet(userId),
        amountPaise,
      },
      tx,
    );

  const recordOnlinePayment = (
    {
      bookingId,
      amountPaise,
      reference,
    }: { bookingId: string; amountPaise: number; reference: string },
    tx?: Db,
  ) =>
    payIntoEscrow(
      {
        kind: 'online_payment',
        reference: `online_payment:${reference}`,
        bookingId,
        description: 'Booking paid online',
        from: accounts.gatewayClearing(),
        amountPaise,
      },
      tx,
    );

  const recordCashPayment = (
    {
      bookingId,
      providerId,
      amountPaise,
    }: { bookingId: string; providerId: string; amountPaise: number },
    tx?: Db,
  ) =>
    payIntoEscrow(
      {
        kind: 'cash_payment',
        reference: `cash_payment:${bookingId}`,
        bookingId,
        description: 'Booking paid in cash to the provider',
        from: accounts.providerCash(providerId),
        amountPaise,
      },
      tx,
    );

  /** What the booking's payments put in escrow, per original method, oldest first. */
  const paymentsOf = async (tx: Db, bookingId: string) => {
    const entries = await listBookingPaymentEntries(tx, bookingId);
    return entries
      .filter((entry) => entry.accountKind !== 'booking_escrow')
      .map((entry): { method: RefundMethod; ownerId: string | null; amountPaise: number } => ({
        method:
          entry.kind === 'wallet_payment'
            ? 'wallet'
            : entry.kind === 'online_payment'
              ? 'online'
              : 'cash',
        ownerId: entry.ownerId,
        amountPaise: -entry.amountPaise,
      }));
  };

  /**
   * Refunds `amountPaise` (default: all the booking still holds) to the methods it was paid with,
   * oldest payment first: wallet money returns to the wallet at once; cash is marked returned by
   * the provider; online money goes back through the gateway: `refundOnline` records what to send,
   * inside the transaction, and the payments module sends it once that commits. One refund per
   * booking.
   */
  const refund = (
    {
      bookingId,
      amountPaise,
      refundOnline,
    }: {
      bookingId: string;
      amountPaise?: number;
      refundOnline?: (tx: Db, amountPaise: number, transactionId: string) => Promise<void>;
    },
    tx?: Db,
  ) =>
    inTransaction(tx, async (t): Promise<Posting & { legs: RefundLeg[] }> => {
      await lockBooking(t, bookingId);
      const existing = await findTransactionIdByReference(t, `refund:${bookingId}`);
      if (existing) return { transactionId: existing, duplicate: true, legs: [] };
      const escrowId = await ensureAccount(t, accounts.escrow());
      const held = await bookingBalanceOn(t, escrowId, bookingId);
      const wanted = amountPaise ?? held;
      assertAmount(wanted);
      if (wanted > held) {
        throw new AppError(ErrorCode.CONFLICT, 'The refund is more than the booking holds', {
          heldPaise: held,
        });
      }
      let remaining = wanted;
      const legs: (Leg & { method: RefundMethod })[] = [];
      for (const payment of await paymentsOf(t, bookingId)) {
        const part = Math.min(remaining, payment.amountPaise);
        if (part <= 0) break;
        remaining -= part;
        const account =
          payment.method === 'wallet'
            ? accounts.wallet(payment.ownerId!)
            : payment.method === 'cash'
              ? accounts.providerCash(payment.ownerId!)
              : accounts.gatewayClearing();
        legs.push({ method: payment.method, account, amountPaise: part });
      }
      const posting = await post(t, {
        kind: 'refund',
        reference: `refund:${bookingId}`,
        bookingId,
        description: 'Booking refund',
        legs: [{ account: accounts.escrow(), amountPaise: -wanted }, ...legs],
      });
      const online = legs.filter((leg) => leg.method === 'online');
      const onlineTotal = online.reduce((sum, leg) => sum + leg.amountPaise, 0);
      if (onlineTotal > 0) {
        if (!refundOnline) throw new Error('an online refund needs refundOnline');
        await refundOnline(t, onlineTotal, posting.transactionId);
      }
      return {
        ...posting,
        legs: legs.map(({ method, amountPaise: paise }) => ({ method, amountPaise: paise })),
      };
    });

  /**
   * Moves everything the booking holds to the provider's earnings, less the platform commission
   * (PLATFORM_COMMISSION_BPS). Settling again is a no-op; a booking that holds nothing posts nothing.
   */
  const settleCompletedBooking = (
    { bookingId, providerId }: { bookingId: string; providerId: string },
    tx?: Db,
  ) =>
    inTransaction(
      tx,
      async (t): Promise<(Posting & { commissionPaise: number; earningsPaise: number }) | null> => {
        await lockBooking(t, bookingId);
        const escrowId = await ensureAccount(t, accounts.escrow());
        const held = await bookingBalanceOn(t, escrowId, bookingId);
        if (held <= 0) return null;
        const commissionPaise = commissionOf(held, commissionBps);
        const earningsPaise = held - commissionPaise;
        const posting = await post(t, {
          kind: 'settlement',
          reference: `settlement:${bookingId}`,
          bookingId,
          description: 'Booking settled',
          legs: [
            { account: accounts.escrow(), amountPaise: -held },
            { account: accounts.commission(), amountPaise: commissionPaise },
            { account: accounts.providerEarnings(providerId), amountPaise: earningsPaise },
          ],
        });
        return { ...posting, commissionPaise, earningsPaise };
      },
    );

  /**
   * Pays a provider what the platform owes it: its earnings less the cash it collected for
   * bookings (which it keeps). One posting clears both accounts; the money leaves through the
   * gateway account (the platform's money at hand). `expectedPaise` must be what is owed at the
   * moment of posting (409 with `owedPaise` otherwise), so a stale screen never pays the wrong
   * sum; the same bank reference for the same provider posts once, and for another provider is
   * refused.
   */
  const payOut = (
    {
      providerId,
      expectedPaise,
      bankReference,
    }: { providerId: string; expectedPaise: number; bankReference: string },
    tx?: Db,
  ) =>
    inTransaction(tx, async (t): Promise<Posting & { amountPaise: number }> => {
      assertAmount(expectedPaise);
      const reference = `payout:${providerId}:${bankReference}`;
      const ids = [
        await ensureAccount(t, accounts.providerEarnings(providerId)),
        await ensureAccount(t, accounts.providerCash(providerId)),
      ];
      // Both rows locked, in id order as `post` does, so concurrent postings wait in line.
      const balances = new Map<string, number>();
      for (const id of [...ids].sort()) balances.set(id, await lockAccount(t, id));
      const existing = await findTransactionIdByReference(t, reference);
      if (existing) return { transactionId: existing, duplicate: true, amountPaise: expectedPaise };
      // A bank reference names one transfer, and one transfer pays one provider.
      if (await otherPayoutWithBankReference(t, { providerId, bankReference })) {
        throw new AppError(
          ErrorCode.CONFLICT,
          "This bank reference is already recorded for another provider's payout",
          { bankReference },
        );
      }
      const earningsPaise = balances.get(ids[0]!)!;
      const cashPaise = balances.get(ids[1]!)!;
      const owedPaise = earningsPaise + cashPaise;
      if (owedPaise <= 0 || owedPaise !== expectedPaise) {
        throw new AppError(ErrorCode.CONFLICT, 'The amount is not what the provider is owed now', {
          owedPaise: Math.max(owedPaise, 0),
        });
      }
      const posting = await post(t, {
        kind: 'payout',
        reference,
        description: `Payout, bank reference ${bankReference}`,
        legs: [
          { account: accounts.providerEarnings(providerId), amountPaise: -earningsPaise },
          { account: accounts.providerCash(providerId), amountPaise: -cashPaise },
          { account: accounts.gatewayClearing(), amountPaise: owedPaise },
        ],
      });
      return { ...posting, amountPaise: owedPaise };
    });

  const balanceOf = async (account: Account) => (await findAccount(db, account))?.balancePaise ?? 0;

  const historyOf = async (account: Account, { page, limit }: { page: number; limit: number }) => {
    const found = await findAccount(db, account);
    if (!found) return { balancePaise: 0, entries: [], total: 0 };
    const [entries, total] = await Promise.all([
      listAccountEntries(db, found.id, { limit, offset: (page - 1) * limit }),
      countAccountEntries(db, found.id),
    ]);
    return { balancePaise: found.balancePaise, entries, total };
  };

  return {
    topUp,
    payFromWallet,
    recordOnlinePayment,
    recordCashPayment,
    refund,
    settleCompletedBooking,
    payOut,
    walletBalance: (userId: string) => balanceOf(accounts.wallet(userId)),
    walletHistory: (userId: string, page: { page: number; limit: number }) =>
      historyOf(accounts.wallet(userId), page),
    providerEarnings: (providerId: string) => balanceOf(accounts.providerEarnings(providerId)),
    providerEarningsHistory: (providerId: string, page: { page: number; limit: number }) =>
      historyOf(accounts.providerEarnings(providerId), page),
    bookingHeld: async (bookingId: string, tx: Db = db) => {
      const escrow = await findAccount(tx, accounts.escrow());
      return escrow ? bookingBalanceOn(tx, escrow.id, bookingId) : 0;
    },
  };
};

export type Ledger = ReturnType<typeof createLedger>;
