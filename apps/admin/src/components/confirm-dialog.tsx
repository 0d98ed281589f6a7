import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ZAdminReason } from '@localkart/contracts/admin';
import { Button } from '@localkart/web-kit/ui/button';
import { TextArea } from '@localkart/web-kit/ui/field';
import { useModalDialog } from './use-modal-dialog';

type Props = {
  open: boolean;
  title: string;
  message?: ReactNode;
  confirmLabel: string;
  /** `required`: the action needs a reason (kept in the audit log); `optional`: may have one. */
  reason?: 'required' | 'optional';
  /** A destructive action gets the red button. */
  destructive?: boolean;
  busy?: boolean;
  /** The API's refusal, shown in the dialog so the admin can correct and retry. */
  error?: string | undefined;
  onConfirm: (reason: string | undefined) => void;
  onCancel: () => void;
};

/** Asks before an action that changes someone's account, money or standing. */
export const ConfirmDialog = (props: Props) => {
  const { ref, onBackdropClick } = useModalDialog(props.open, props.onCancel);
  const titleId = useId();
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onClick={onBackdropClick}
      className="m-auto w-full max-w-md rounded-2xl bg-white p-0 shadow-2xl"
    >
      {/* Mounted only while open, so each opening starts with an empty reason. */}
      {props.open && <ConfirmForm {...props} titleId={titleId} />}
    </dialog>
  );
};

const ConfirmForm = ({
  titleId,
  title,
  message,
  confirmLabel,
  reason: reasonMode,
  destructive = true,
  busy = false,
  error,
  onConfirm,
  onCancel,
}: Props & { titleId: string }) => {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [invalid, setInvalid] = useState(false);
  return (
    <form
      className="space-y-4 p-6"
      onSubmit={(event) => {
        event.preventDefault();
        const text = reason.trim();
        if (!reasonMode || (reasonMode === 'optional' && text === '')) {
          onConfirm(undefined);
          return;
        }
        // The API's own rule for a reason, checked before the request.
        const parsed = ZAdminReason.safeParse(text);
        setInvalid(!parsed.success);
        if (parsed.success) onConfirm(parsed.data);
      }}
    >
      <h2 id={titleId} className="text-lg font-bold text-slate-900">
        {title}
      </h2>
      {message && <div className="text-sm text-slate-700">{message}</div>}
      {reasonMode && (
        <TextArea
          label={reasonMode === 'optional' ? t('confirm.reasonOptional') : t('confirm.reason')}
          rows={3}
          value={reason}
          aria-required={reasonMode === 'required'}
          maxLength={500}
          onChange={(event) => {
            setReason(event.target.value);
            setInvalid(false);
          }}
          hint={t('confirm.reasonHint')}
          error={invalid ? t('confirm.reasonTooShort') : undefined}
          autoFocus
        />
      )}
      {error && (
        <p role="alert" className="rounded-lg bg-red-50 p-3 text-sm text-red-800">
          {error}
        </p>
      )}
      <div className="flex justify-end gap-2 pt-2">
        <Button variant="secondary" onClick={onCancel} disabled={busy}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" variant={destructive ? 'danger' : 'primary'} busy={busy}>
          {confirmLabel}
        </Button>
      </div>
    </form>
  );
};
