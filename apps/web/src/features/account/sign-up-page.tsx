import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ZRegisterRequest } from '@localkart/contracts/auth';
import { api } from '../../api/api';
import { apiCode, apiMessage, fieldErrors } from '@localkart/web-kit/api-error';
import { Button } from '@localkart/web-kit/ui/button';
import { TextField } from '@localkart/web-kit/ui/field';
import { ErrorState } from '@localkart/web-kit/ui/states';
import { AuthCard } from './auth-card';
import { IdentityProviderSignIn } from './identity-provider-sign-in';

type Form = { firstName: string; lastName: string; email: string; phone: string; password: string };
const empty: Form = { firstName: '', lastName: '', email: '', phone: '', password: '' };

/** The contract's own schema checks the form, so the browser and the API agree on every rule. */
const localErrors = (form: Form) => {
  const parsed = ZRegisterRequest.safeParse(form);
  if (parsed.success) return {};
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
  return errors;
};

export const SignUpPage = () => {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [register, registration] = api.useRegisterMutation();
  const [login, signIn] = api.useLoginMutation();
  const [form, setForm] = useState<Form>(empty);
  const [offersServices, setOffersServices] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = (field: keyof Form) => (event: { target: { value: string } }) =>
    setForm((current) => ({ ...current, [field]: event.target.value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = localErrors(form);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    // Everyone starts as a customer; providers then describe their work in onboarding.
    const language = i18n.language === 'hi' ? 'hi' : 'en';
    const created = await register({ ...form, role: 'customer', language });
    if (created.error) {
      setErrors(fieldErrors(created.error));
      return;
    }
    const session = await login({ email: form.email, password: form.password });
    if (session.error) void navigate('/signin?registered=1');
    else void navigate(offersServices ? '/provider/onboarding' : '/', { replace: true });
  };

  const error = registration.error ?? signIn.error;
  const taken = apiCode(registration.error) === 'CONFLICT';
  return (
    <AuthCard title={t('auth.signUpTitle')} subtitle={t('auth.signUpSubtitle')}>
      <IdentityProviderSignIn returnTo="/" />
      <form onSubmit={(event) => void submit(event)} className="space-y-4" noValidate>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            label={t('auth.firstName')}
            autoComplete="given-name"
            value={form.firstName}
            onChange={set('firstName')}
            error={errors.firstName}
          />
          <TextField
            label={t('auth.lastName')}
            autoComplete="family-name"
            value={form.lastName}
            onChange={set('lastName')}
            error={errors.lastName}
          />
        </div>
        <TextField
          label={t('auth.email')}
          type="email"
          autoComplete="email"
          value={form.email}
          onChange={set('email')}
          error={errors.email}
        />
        <TextField
          label={t('auth.phone')}
          type="tel"
          autoComplete="tel"
          placeholder="+91 98765 43210"
          value={form.phone}
          onChange={set('phone')}
          error={errors.phone}
        />
        <TextField
          label={t('auth.password')}
          type="password"
          autoComplete="new-password"
          value={form.password}
          onChange={set('password')}
          error={errors.password}
          hint={t('auth.passwordRules')}
        />
        <label className="flex items-start gap-3 rounded-lg border border-slate-200 p-3 text-sm">
          <input
            type="checkbox"
            className="mt-0.5 h-4 w-4 accent-teal-700"
            checked={offersServices}
            onChange={(event) => setOffersServices(event.target.checked)}
          />
          <span>
            <span className="font-medium text-slate-800">{t('auth.offerServices')}</span>
            <span className="block text-slate-500">{t('auth.offerServicesHint')}</span>
          </span>
        </label>
        {error && Object.keys(errors).length === 0 && (
          <ErrorState message={taken ? t('auth.emailTaken') : apiMessage(error)} />
        )}
        <Button type="submit" busy={registration.isLoading || signIn.isLoading} className="w-full">
          {t('auth.createAccount')}
        </Button>
      </form>
      <p className="mt-6 text-sm text-slate-600">
        {t('auth.haveAccount')}{' '}
        <Link to="/signin" className="font-medium text-teal-800 hover:underline">
          {t('auth.signIn')}
        </Link>
      </p>
    </AuthCard>
  );
};
