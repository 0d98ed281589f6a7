import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ZRazorpayCheckout, type TPaymentOrder } from '@localkart/contracts/payments';
import { apiMessage } from '@localkart/web-kit/api-error';
import { formatPaise } from '@localkart/web-kit/format';
import { Button } from '@localkart/web-kit/ui/button';
import { ErrorState, Notice } from '@localkart/web-kit/ui/states';
import { api } from '../../api/api';
import { PaymentDone } from './payment-done';
import { useSession } from '../../app/store';
import { useIdempotencyKey } from '../../lib/idempotency';
import { openRazorpayCheckout, type CheckoutOutcome } from './razorpay-checkout';

/**
 * Pays an order through Razorpay's checkout, then hands its signed answer to the API, which
 * verifies it before anything is credited (the webhook would confirm the same payment later).
 */
export const RazorpayPayment = ({
  order,
  onDone,
}: {
  order: TPaymentOrder;
  onDone: () => void;
}) => {
  const { t } = useTranslation();
  const { user } = useSession();
  const [confirm, confirmation] = api.useConfirmPaymentMutation();
  const { key } = useIdempotencyKey();
  const [outcome, setOutcome] = useState<CheckoutOutcome | { kind: 'unavailable' }>();
  const [open, setOpen] = useState(false);
  const checkout = ZRazorpayCheckout.safeParse(order.checkout);
  if (!checkout.success) return <ErrorState message={t('payment.gatewayUnavailable')} />;

  const pay = async () => {
    setOpen(true);
    setOutcome(undefined);
    try {
      const result = await openRazorpayCheckout({
        checkout: checkout.data,
        amountPaise: order.amountPaise,
        currency: order.currency,
        description: t(order.purpose === 'booking' ? 'payment.forBooking' : 'payment.forWallet'),
        ...(user
          ? {
              prefill: {
                name: `${user.firstName} ${user.lastName}`.trim(),
                email: user.email,
                ...(user.phone ? { contact: user.phone } : {}),
              },
            }
          : {}),
      });
      setOutcome(result);
      if (result.kind === 'paid')
        await confirm({
          orderId: order.id,
          body: { gatewayPaymentId: result.gatewayPaymentId, signature: result.signature },
          idempotencyKey: key,
        });
    } catch {
      setOutcome({ kind: 'unavailable' });
    } finally {
      setOpen(false);
    }
  };

  if (confirmation.isSuccess)
    return <PaymentDone amountPaise={order.amountPaise} onDone={onDone} />;
  return (
    <div className="space-y-3 rounded-xl border border-slate-200 bg-white p-4">
      <p className="text-2xl font-bold">{formatPaise(order.amountPaise)}</p>
      <p className="text-sm text-slate-600">{t('payment.razorpayBody')}</p>
      {outcome?.kind === 'dismissed' && <Notice tone="info">{t('payment.notCompleted')}</Notice>}
      {outcome?.kind === 'failed' && (
        <ErrorState message={t('payment.failed', { reason: outcome.reason })} />
      )}
      {outcome?.kind === 'unavailable' && <ErrorState message={t('payment.gatewayUnavailable')} />}
      {confirmation.error && <ErrorState message={apiMessage(confirmation.error)} />}
      <div className="flex gap-2">
        <Button busy={open || confirmation.isLoading} onClick={() => void pay()}>
          {t('payment.payAmount', { amount: formatPaise(order.amountPaise) })}
        </Button>
        <Button variant="ghost" onClick={onDone}>
          {t('common.cancel')}
        </Button>
      </div>
    </div>
  );
};
