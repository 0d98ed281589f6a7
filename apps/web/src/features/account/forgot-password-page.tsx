import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/api';
import { apiMessage } from '@localkart/web-kit/api-error';
import { Button } from '@localkart/web-kit/ui/button';
import { TextField } from '@localkart/web-kit/ui/field';
import { ErrorState, Notice } from '@localkart/web-kit/ui/states';
import { AuthCard } from './auth-card';

export const ForgotPasswordPage = () => {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [send, { isLoading, isSuccess, error }] = api.useForgotPasswordMutation();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void send({ email });
  };
  return (
    <AuthCard title={t('auth.forgotTitle')} subtitle={t('auth.forgotSubtitle')}>
      {isSuccess ? (
        // The API answers the same for unknown addresses, so we cannot (and must not) say more.
        <Notice tone="success">{t('auth.forgotSent')}</Notice>
      ) : (
        <form onSubmit={submit} className="space-y-4" noValidate>
          <TextField
            label={t('auth.email')}
            type="email"
            autoComplete="email"
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
          {error && <ErrorState message={apiMessage(error)} />}
          <Button type="submit" busy={isLoading} className="w-full">
            {t('auth.sendLink')}
          </Button>
        </form>
      )}
      <Link
        to="/signin"
        className="mt-6 inline-block text-sm font-medium text-teal-800 hover:underline"
      >
        {t('auth.backToSignIn')}
      </Link>
    </AuthCard>
  );
};
