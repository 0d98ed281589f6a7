import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ZPayoutRequest, type TPayout, type TPayoutOwed } from '@localkart/contracts/admin';
import { apiMessage, fieldErrors } from '@localkart/web-kit/api-error';
import { formatPaise } from '@localkart/web-kit/format';
import { TextArea, TextField } from '@localkart/web-kit/ui/field';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { messagesByPath } from '../../components/form-values';
import { usePayOutMutation } from './payments-api';

/**
 * Records a bank transfer already made: the amount is what the provider is owed (the API refuses
 * anything else, so a stale screen cannot pay twice), with the bank's reference and a note.
 */
export const MarkPaidDialog = ({
  owed,
  onPaid,
  onCancel,
}: {
  owed: TPayoutOwed | undefined;
  onPaid: (payout: TPayout) => void;
  onCancel: () => void;
}) => {
  const { t } = useTranslation();
  const [payOut, state] = usePayOutMutation();
  const [bankReference, setBankReference] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});

  const submit = async () => {
    if (!owed) return;
    const parsed = ZPayoutRequest.safeParse({
      amountPaise: owed.owedPaise,
      bankReference,
      ...(note.trim() ? { reason: note } : {}),
    });
    if (!parsed.success) {
      setErrors(messagesByPath(parsed.error.issues));
      return;
    }
    setErrors({});
    const result = await payOut({ providerId: owed.providerId, ...parsed.data });
    if (result.error) setErrors(fieldErrors(result.error));
    else onPaid(result.data);
  };

  const fieldError = errors.bankReference ?? errors.reason;
  return (
    <ConfirmDialog
      open={!!owed}
      title={owed ? t('payments.markPaid.title', { name: owed.businessName }) : ''}
      message={
        owed && (
          <div className="space-y-4">
            <p>{t('payments.markPaid.body', { amount: formatPaise(owed.owedPaise) })}</p>
            <p className="rounded-lg bg-slate-50 px-3 py-2">
              <span className="text-slate-600">{t('payments.markPaid.amount')}: </span>
              <span className="text-lg font-bold text-slate-900">
                {formatPaise(owed.owedPaise)}
              </span>
            </p>
            <TextField
              label={t('payments.markPaid.bankReference')}
              value={bankReference}
              aria-required="true"
              autoComplete="off"
              maxLength={40}
              spellCheck={false}
              onChange={(event) => setBankReference(event.target.value)}
              hint={t('payments.markPaid.bankReferenceHint')}
              error={errors.bankReference}
            />
            <TextArea
              label={t('payments.markPaid.note')}
              rows={2}
              maxLength={500}
              value={note}
              onChange={(event) => setNote(event.target.value)}
              error={errors.reason}
            />
          </div>
        )
      }
      confirmLabel={t('payments.markPaid.confirm')}
      destructive={false}
      busy={state.isLoading}
      error={
        state.error && !fieldError
          ? (apiMessage(state.error) ?? t('common.errorBody'))
          : errors.amountPaise
      }
      onConfirm={() => void submit()}
      onCancel={onCancel}
    />
  );
};
