import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiMessage } from '@localkart/web-kit/api-error';
import { Button } from '@localkart/web-kit/ui/button';
import { Card } from '@localkart/web-kit/ui/card';
import { TextField } from '@localkart/web-kit/ui/field';
import { Notice } from '@localkart/web-kit/ui/states';
import { LanguageSwitch } from '../../components/language-switch';
import { useLoginMutation, useLogoutMutation } from './auth-api';

export const SignInPage = () => {
  const { t } = useTranslation();
  const [login, { isLoading, error }] = useLoginMutation();
  const [logout] = useLogoutMutation();
  const [refused, setRefused] = useState(false);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  const submit = async () => {
    setRefused(false);
    const result = await login({ email, password });
    if (result.data && result.data.user.role !== 'admin') {
      // Signed in as a customer or provider: end that session (its refresh cookie) at once.
      setRefused(true);
      setPassword('');
      await logout();
    }
  };

  return (
    <main className="flex min-h-dvh items-center justify-center px-4 py-10">
      <div className="w-full max-w-sm space-y-4">
        <div className="flex items-center justify-between">
          <p className="text-lg font-bold tracking-tight">
            Local<span className="text-teal-700">Kart</span>{' '}
            <span className="text-sm font-medium text-slate-500">admin</span>
          </p>
          <LanguageSwitch />
        </div>
        <Card>
          <h1 className="text-xl font-bold text-slate-900">{t('auth.title')}</h1>
          <p className="mt-1 text-sm text-slate-600">{t('auth.subtitle')}</p>
          <form
            className="mt-5 space-y-4"
            onSubmit={(event) => {
              event.preventDefault();
              void submit();
            }}
          >
            {refused && <Notice tone="warning">{t('auth.adminOnly')}</Notice>}
            {error && !refused && (
              <Notice tone="warning">{apiMessage(error) ?? t('auth.failed')}</Notice>
            )}
            <TextField
              label={t('auth.email')}
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(event) => setEmail(event.target.value)}
            />
            <TextField
              label={t('auth.password')}
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
            <Button type="submit" busy={isLoading} className="w-full">
              {t('auth.signIn')}
            </Button>
          </form>
        </Card>
      </div>
    </main>
  );
};
