import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api } from '../../api/api';
import { apiCode, apiMessage } from '@localkart/web-kit/api-error';
import { Button } from '@localkart/web-kit/ui/button';
import { TextField } from '@localkart/web-kit/ui/field';
import { ErrorState, Notice } from '@localkart/web-kit/ui/states';
import { AuthCard } from './auth-card';
import { IdentityProviderSignIn } from './identity-provider-sign-in';

/** Only same-site paths: `?next=https://evil.example` must not become an open redirect. */
export const safeNext = (next: string | null) => (next && /^\/(?!\/)/.test(next) ? next : '/');

export const SignInPage = () => {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [login, { isLoading, error }] = api.useLoginMutation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await login({ email, password });
    if (!result.error) void navigate(safeNext(params.get('next')), { replace: true });
  };
  const wrong = apiCode(error) === 'AUTHENTICATION_ERROR';
  return (
    <AuthCard title={t('auth.signInTitle')} subtitle={t('auth.signInSubtitle')}>
      <IdentityProviderSignIn returnTo={safeNext(params.get('next'))} />
      {params.get('error') === 'oidc' && (
        <div className="mb-4">
          <ErrorState message={t('auth.identityProviderFailed')} />
        </div>
      )}
      {params.get('registered') && (
        <div className="mb-4">
          <Notice tone="success">{t('auth.registered')}</Notice>
        </div>
      )}
      <form onSubmit={(event) => void submit(event)} className="space-y-4" noValidate>
        <TextField
          label={t('auth.email')}
          type="email"
          autoComplete="email"
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
        {error && <ErrorState message={wrong ? t('auth.wrongCredentials') : apiMessage(error)} />}
        <Button type="submit" busy={isLoading} className="w-full">
          {t('auth.signIn')}
        </Button>
      </form>
      <div className="mt-6 flex flex-wrap justify-between gap-2 text-sm">
        <Link to="/forgot-password" className="font-medium text-teal-800 hover:underline">
          {t('auth.forgot')}
        </Link>
        <Link to="/signup" className="font-medium text-teal-800 hover:underline">
          {t('auth.noAccount')}
        </Link>
      </div>
    </AuthCard>
  );
};
