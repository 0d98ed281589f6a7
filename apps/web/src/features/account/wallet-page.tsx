import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/api';
import { apiMessage } from '@localkart/web-kit/api-error';
import { formatDateTime, formatPaise } from '@localkart/web-kit/format';
import { useIdempotencyKey } from '../../lib/idempotency';
import { Button } from '@localkart/web-kit/ui/button';
import { Card, PageTitle } from '@localkart/web-kit/ui/card';
import { TextField } from '@localkart/web-kit/ui/field';
import { EmptyState, ErrorState, Loading, Notice } from '@localkart/web-kit/ui/states';
import { OrderPayment } from '../payments/order-payment';
import type { TPaymentOrder } from '@localkart/contracts/payments';

const TopUp = () => {
  const { t } = useTranslation();
  const [rupees, setRupees] = useState('500');
  const [order, setOrder] = useState<TPaymentOrder>();
  const [topUp, { isLoading, error }] = api.useTopUpMutation();
  const { key, renew } = useIdempotencyKey();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await topUp({
      body: { amountPaise: Math.round(Number(rupees) * 100) },
      idempotencyKey: key,
    });
    if (result.data) {
      setOrder(result.data);
      renew();
    }
  };
  if (order) return <OrderPayment order={order} onDone={() => setOrder(undefined)} />;
  return (
    <form onSubmit={(event) => void submit(event)} className="space-y-3" noValidate>
      <TextField
        label={t('wallet.amount')}
        inputMode="decimal"
        value={rupees}
        onChange={(event) => setRupees(event.target.value)}
      />
      <div className="flex flex-wrap gap-2">
        {[200, 500, 1000, 2000].map((amount) => (
          <button
            key={amount}
            type="button"
            onClick={() => setRupees(String(amount))}
            className="rounded-full border border-slate-300 px-3 py-1 text-sm hover:border-teal-600 hover:text-teal-800"
          >
            {formatPaise(amount * 100)}
          </button>
        ))}
      </div>
      {error && <ErrorState message={apiMessage(error)} />}
      <Button type="submit" busy={isLoading} className="w-full">
        {t('wallet.addMoney')}
      </Button>
    </form>
  );
};

export const WalletPage = () => {
  const { t, i18n } = useTranslation();
  const [page, setPage] = useState(1);
  const { data: wallet, isLoading, isFetching, error, refetch } = api.useWalletQuery({ page });
  if (isLoading) return <Loading />;
  if (error || !wallet)
    return <ErrorState message={apiMessage(error)} onRetry={() => void refetch()} />;
  return (
    <div className="mx-auto max-w-4xl">
      <PageTitle title={t('wallet.title')} />
      <div className="grid gap-6 md:grid-cols-[320px_1fr]">
        <div className="space-y-6">
          <Card className="bg-gradient-to-br from-teal-700 to-teal-900 text-white">
            <p className="text-sm text-teal-100">{t('wallet.balance')}</p>
            <p className="mt-1 text-4xl font-bold tracking-tight" data-testid="wallet-balance">
              {formatPaise(wallet.balancePaise)}
            </p>
          </Card>
          <Card>
            <h2 className="mb-3 font-semibold">{t('wallet.topUp')}</h2>
            <TopUp />
          </Card>
        </div>
        <Card>
          <h2 className="mb-3 font-semibold">{t('wallet.transactions')}</h2>
          {wallet.transactions.length === 0 ? (
            <EmptyState title={t('wallet.noTransactions')} />
          ) : (
            <ul className={`divide-y divide-slate-100 ${isFetching ? 'opacity-60' : ''}`}>
              {wallet.transactions.map((entry) => (
                <li key={entry.id} className="flex items-center justify-between gap-3 py-3">
                  <div className="min-w-0">
                    <p className="truncate text-sm font-medium text-slate-800">
                      {t(`wallet.kinds.${entry.kind}`)}
                    </p>
                    <p className="text-xs text-slate-500">
                      {formatDateTime(entry.createdAt, i18n.language)}
                    </p>
                  </div>
                  <span
                    className={`whitespace-nowrap font-semibold ${entry.direction === 'credit' ? 'text-emerald-700' : 'text-slate-800'}`}
                  >
                    {entry.direction === 'credit' ? '+' : '−'}
                    {formatPaise(Math.abs(entry.amountPaise))}
                  </span>
                </li>
              ))}
            </ul>
          )}
          <div className="mt-4 flex justify-between">
            <Button
              variant="secondary"
              disabled={page === 1}
              onClick={() => setPage((value) => value - 1)}
            >
              {t('common.previous')}
            </Button>
            <Button
              variant="secondary"
              disabled={wallet.transactions.length < 20}
              onClick={() => setPage((value) => value + 1)}
            >
              {t('common.next')}
            </Button>
          </div>
          <div className="mt-4">
            <Notice>{t('wallet.creditNote')}</Notice>
          </div>
        </Card>
      </div>
    </div>
  );
};
