import type { TWallet, TWalletQuery } from '@localkart/contracts/payments';
import type { TPageMeta } from '@localkart/contracts/envelope';
import { CURRENCY, type Ledger } from './ledger.service';

/** The customer's view of their wallet: balance and transactions, from the ledger. */
export const createWalletService = ({ ledger }: { ledger: Ledger }) => ({
  getWallet: async (
    userId: string,
    { page, limit }: TWalletQuery,
  ): Promise<{ wallet: TWallet; meta: TPageMeta }> => {
    const history = await ledger.walletHistory(userId, { page, limit });
    return {
      wallet: {
        balancePaise: history.balancePaise,
        currency: CURRENCY,
        transactions: history.entries.map((entry) => ({
          id: entry.id,
          transactionId: entry.transactionId,
          kind: entry.kind,
          bookingId: entry.bookingId,
          description: entry.description,
          amountPaise: entry.amountPaise,
          direction: entry.amountPaise > 0 ? 'credit' : 'debit',
          currency: entry.currency,
          createdAt: entry.createdAt.toISOString(),
        })),
      },
      meta: { page, limit, total: history.total, hasNext: page * limit < history.total },
    };
  },
});

export type WalletService = ReturnType<typeof createWalletService>;
