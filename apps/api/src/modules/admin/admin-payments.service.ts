import type {
  TLedgerAccountsQuery,
  TLedgerEntriesQuery,
  TPayout,
  TPayoutOwed,
  TPayoutRequest,
  TPayoutsExportQuery,
  TPayoutsOwedQuery,
  TPayoutsQuery,
  TRefundsQuery,
  TReportQuery,
} from '@localkart/contracts/admin';
import type {
  LedgerAdministration,
  OwedToProvider,
  PayoutMade,
  PayoutRecord,
} from '../payments/ledger-administration.service';
import type { ProviderVerification } from '../providers/provider-verification.service';
import { metaOf, pageOf } from './admin-page';
import type { Actor, AuditLog } from './audit-log.service';
import { toCsv } from './csv';

const rupees = (paise: number) => (paise / 100).toFixed(2);

/**
 * Money for admins, through the payments module: the ledger, refunds, what providers are owed,
 * payouts (ledger postings, audited in the same transaction), the CSV for the bank, and
 * commission.
 */
export const createAdminPayments = ({
  ledger,
  verification,
  audit,
  resolveRange,
}: {
  ledger: LedgerAdministration;
  verification: Pick<ProviderVerification, 'summariesOf' | 'provider'>;
  audit: AuditLog;
  resolveRange: (query: Pick<TReportQuery, 'from' | 'to'>) => { from: string; to: string };
}) => {
  const named = async (rows: OwedToProvider[]): Promise<TPayoutOwed[]> => {
    const names = await verification.summariesOf(rows.map((row) => row.providerId));
    return rows.map((row) => ({
      ...row,
      businessName: names.get(row.providerId)?.businessName ?? '',
      email: names.get(row.providerId)?.email ?? '',
    }));
  };
  const namedPayouts = async (rows: PayoutRecord[]): Promise<TPayout[]> => {
    const names = await verification.summariesOf(rows.map((row) => row.providerId));
    return rows.map((row) => ({
      ...row,
      businessName: names.get(row.providerId)?.businessName ?? '',
    }));
  };

  const accounts = async (query: TLedgerAccountsQuery) => {
    const { accounts: rows, total } = await ledger.accounts(query, pageOf(query));
    return { accounts: rows, meta: metaOf(query, total) };
  };

  const entries = async (query: TLedgerEntriesQuery) => {
    const { entries: rows, total } = await ledger.entries(query, pageOf(query));
    return { entries: rows, meta: metaOf(query, total) };
  };

  const refunds = async (query: TRefundsQuery) => {
    const { page, limit, ...filter } = query;
    const { refunds: rows, total } = await ledger.refunds(filter, pageOf({ page, limit }));
    return { refunds: rows, meta: metaOf(query, total) };
  };

  const owed = async (query: TPayoutsOwedQuery) => {
    const { rows, total } = await ledger.owed(pageOf(query));
    return { owed: await named(rows), meta: metaOf(query, total) };
  };

  const payouts = async (query: TPayoutsQuery) => {
    const { page, limit, ...filter } = query;
    const { payouts: rows, total } = await ledger.payouts(filter, pageOf({ page, limit }));
    return { payouts: await namedPayouts(rows), meta: metaOf(query, total) };
  };

  const payOut = async (actor: Actor, providerId: string, request: TPayoutRequest) => {
    await verification.provider(providerId);
    // Audited in the payout's own transaction; the same bank reference again records nothing
    // new, so there is nothing new to audit.
    const { payout } = await ledger.payOut(
      providerId,
      request,
      audit.within(actor, ({ payout: made, owedBeforePaise }: PayoutMade) => ({
        action: 'provider.payout',
        targetType: 'provider',
        targetId: providerId,
        before: { owedPaise: owedBeforePaise },
        after: { owedPaise: 0, payout: made },
        reason: request.reason,
      })),
    );
    const [view] = await namedPayouts([payout]);
    return view!;
  };

  /** The owed list (for the bank batch) or the payouts made in a range, as CSV. */
  const exportCsv = async (query: TPayoutsExportQuery): Promise<string> => {
    if (query.kind === 'owed') {
      const rows = await named((await ledger.owed()).rows);
      return toCsv(
        ['provider_id', 'business_name', 'email', 'earnings_inr', 'cash_held_inr', 'owed_inr'],
        rows.map((row) => [
          row.providerId,
          row.businessName,
          row.email,
          rupees(row.earningsPaise),
          rupees(row.cashHeldPaise),
          rupees(row.owedPaise),
        ]),
      );
    }
    const rows = await namedPayouts(
      (await ledger.payouts({ from: query.from, to: query.to })).payouts,
    );
    return toCsv(
      ['paid_at', 'provider_id', 'business_name', 'amount_inr', 'bank_reference', 'transaction_id'],
      rows.map((row) => [
        row.createdAt,
        row.providerId,
        row.businessName,
        rupees(row.amountPaise),
        row.bankReference,
        row.transactionId,
      ]),
    );
  };

  const commission = (query: TReportQuery) =>
    ledger.commission({ ...resolveRange(query), granularity: query.granularity });

  return { accounts, entries, refunds, owed, payouts, payOut, exportCsv, commission };
};

export type AdminPayments = ReturnType<typeof createAdminPayments>;
