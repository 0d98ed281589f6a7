import { useTranslation } from 'react-i18next';
import { formatPaise } from '@localkart/web-kit/format';
import { Button } from '@localkart/web-kit/ui/button';
import { Notice } from '@localkart/web-kit/ui/states';

/** What every checkout shows once the API has the order as paid. */
export const PaymentDone = ({
  amountPaise,
  onDone,
}: {
  amountPaise: number;
  onDone: () => void;
}) => {
  const { t } = useTranslation();
  return (
    <div className="space-y-3">
      <Notice tone="success">{t('payment.paid', { amount: formatPaise(amountPaise) })}</Notice>
      <Button variant="secondary" onClick={onDone}>
        {t('common.done')}
      </Button>
    </div>
  );
};
