import { useTranslation } from 'react-i18next';
import type { TPaymentOrder } from '@localkart/contracts/payments';
import { api } from '../../api/api';
import { PaymentDone } from './payment-done';
import { apiMessage } from '@localkart/web-kit/api-error';
import { formatPaise } from '@localkart/web-kit/format';
import { useIdempotencyKey } from '../../lib/idempotency';
import { Button } from '@localkart/web-kit/ui/button';
import { ErrorState } from '@localkart/web-kit/ui/states';

/**
 * The built-in test gateway's simulated checkout, labelled as such: paying here marks the order
 * paid as a real gateway would, and no real money moves.
 */
export const TestPayment = ({ order, onDone }: { order: TPaymentOrder; onDone: () => void }) => {
  const { t } = useTranslation();
  const [pay, { isLoading, isSuccess, error }] = api.usePayTestOrderMutation();
  const { key } = useIdempotencyKey();
  if (isSuccess) return <PaymentDone amountPaise={order.amountPaise} onDone={onDone} />;
  return (
    <div className="space-y-3 rounded-xl border-2 border-dashed border-amber-300 bg-amber-50 p-4">
      <p className="text-xs font-bold uppercase tracking-wide text-amber-800">
        {t('payment.testMode')}
      </p>
      <p className="text-sm text-amber-900">{t('payment.testModeBody')}</p>
      <p className="text-2xl font-bold">{formatPaise(order.amountPaise)}</p>
      {error && <ErrorState message={apiMessage(error)} />}
      <div className="flex gap-2">
        <Button
          busy={isLoading}
          onClick={() =>
            void pay({ body: { gatewayOrderId: order.gatewayOrderId }, idempotencyKey: key })
          }
        >
          {t('payment.payTest')}
        </Button>
        <Button variant="ghost" onClick={onDone}>
          {t('common.cancel')}
        </Button>
      </div>
    </div>
  );
};
