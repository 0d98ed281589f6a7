import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ZNewPassword } from '@localkart/contracts/auth';
import { api } from '../../api/api';
import { apiMessage } from '@localkart/web-kit/api-error';
import { buttonClass, Button } from '@localkart/web-kit/ui/button';
import { TextField } from '@localkart/web-kit/ui/field';
import { ErrorState, Notice } from '@localkart/web-kit/ui/states';
import { AuthCard } from './auth-card';

/** The reset e-mail links to `/reset-password?token=…`. */
export const ResetPasswordPage = () => {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [localError, setLocalError] = useState<string>();
  const [reset, { isLoading, isSuccess, error }] = api.useResetPasswordMutation();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = ZNewPassword.safeParse(password);
    if (!checked.success) return setLocalError(checked.error.issues[0]?.message);
    if (password !== confirm) return setLocalError(t('auth.passwordsDiffer'));
    setLocalError(undefined);
    void reset({ token, password });
  };
  if (!token)
    return (
      <AuthCard title={t('auth.resetTitle')}>
        <ErrorState message={t('auth.resetNoToken')} />
      </AuthCard>
    );
  return (
    <AuthCard title={t('auth.resetTitle')} subtitle={t('auth.resetSubtitle')}>
      {isSuccess ? (
        <div className="space-y-4">
          <Notice tone="success">{t('auth.resetDone')}</Notice>
          <Link to="/signin" className={buttonClass('primary', 'w-full')}>
            {t('auth.signIn')}
          </Link>
        </div>
      ) : (
        <form onSubmit={submit} className="space-y-4" noValidate>
          <TextField
            label={t('auth.newPassword')}
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            error={localError}
            hint={t('auth.passwordRules')}
          />
          <TextField
            label={t('auth.confirmPassword')}
            type="password"
            autoComplete="new-password"
            value={confirm}
            onChange={(event) => setConfirm(event.target.value)}
          />
          {error && <ErrorState message={apiMessage(error)} />}
          <Button type="submit" busy={isLoading} className="w-full">
            {t('auth.setPassword')}
          </Button>
        </form>
      )}
    </AuthCard>
  );
};
