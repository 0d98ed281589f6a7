import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TUserProfile } from '@localkart/contracts/users';
import { api } from '../../api/api';
import { apiMessage, fieldErrors } from '@localkart/web-kit/api-error';
import { Button } from '@localkart/web-kit/ui/button';
import { Badge, Card, PageTitle } from '@localkart/web-kit/ui/card';
import { SelectField, TextField } from '@localkart/web-kit/ui/field';
import { ErrorState, Loading, Notice } from '@localkart/web-kit/ui/states';
import { AvatarUpload } from './avatar-upload';

const ProfileForm = ({ profile }: { profile: TUserProfile }) => {
  const { t } = useTranslation();
  const [update, { isLoading, isSuccess, error }] = api.useUpdateProfileMutation();
  const [form, setForm] = useState({
    firstName: profile.firstName,
    lastName: profile.lastName,
    phone: profile.phone ?? '',
    language: profile.language,
    address: profile.location?.address ?? '',
    city: profile.location?.city ?? '',
    state: profile.location?.state ?? '',
    pincode: profile.location?.pincode ?? '',
  });
  const set = (field: keyof typeof form) => (event: { target: { value: string } }) =>
    setForm((current) => ({ ...current, [field]: event.target.value }));
  const errors = fieldErrors(error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const hasAddress = form.address || form.city || form.state || form.pincode;
    void update({
      firstName: form.firstName,
      lastName: form.lastName,
      phone: form.phone === '' ? null : form.phone,
      language: form.language,
      location: hasAddress
        ? {
            address: form.address,
            city: form.city,
            state: form.state,
            pincode: form.pincode,
            coordinates: profile.location?.coordinates ?? null,
          }
        : null,
    });
  };
  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label={t('auth.firstName')}
          value={form.firstName}
          onChange={set('firstName')}
          error={errors.firstName}
        />
        <TextField
          label={t('auth.lastName')}
          value={form.lastName}
          onChange={set('lastName')}
          error={errors.lastName}
        />
        <TextField
          label={t('auth.phone')}
          type="tel"
          value={form.phone}
          onChange={set('phone')}
          error={errors.phone}
        />
        <SelectField label={t('profile.language')} value={form.language} onChange={set('language')}>
          <option value="en">English</option>
          <option value="hi">हिन्दी</option>
        </SelectField>
      </div>
      <h2 className="pt-2 text-sm font-semibold text-slate-800">{t('profile.address')}</h2>
      <TextField
        label={t('profile.street')}
        value={form.address}
        onChange={set('address')}
        error={errors['location.address']}
      />
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField
          label={t('profile.city')}
          value={form.city}
          onChange={set('city')}
          error={errors['location.city']}
        />
        <TextField
          label={t('profile.state')}
          value={form.state}
          onChange={set('state')}
          error={errors['location.state']}
        />
        <TextField
          label={t('search.pincode')}
          inputMode="numeric"
          value={form.pincode}
          onChange={set('pincode')}
          error={errors['location.pincode']}
        />
      </div>
      {error && Object.keys(errors).length === 0 && <ErrorState message={apiMessage(error)} />}
      {isSuccess && <Notice tone="success">{t('profile.saved')}</Notice>}
      <Button type="submit" busy={isLoading}>
        {t('common.save')}
      </Button>
    </form>
  );
};

export const ProfilePage = () => {
  const { t } = useTranslation();
  const { data: profile, isLoading, error, refetch } = api.useProfileQuery();
  const [resend, resent] = api.useResendVerificationMutation();
  if (isLoading) return <Loading />;
  if (error || !profile)
    return <ErrorState message={apiMessage(error)} onRetry={() => void refetch()} />;
  return (
    <div className="mx-auto max-w-3xl">
      <PageTitle title={t('profile.title')} subtitle={profile.email} />
      <div className="grid gap-6 md:grid-cols-[240px_1fr]">
        <Card className="flex flex-col items-center gap-4 text-center">
          <AvatarUpload profile={profile} />
          <p className="font-semibold">
            {profile.firstName} {profile.lastName}
          </p>
          <Badge tone={profile.role === 'provider' ? 'teal' : 'slate'}>
            {t(`roles.${profile.role}`)}
          </Badge>
          {profile.isVerified ? (
            <Badge tone="green">✓ {t('profile.emailVerified')}</Badge>
          ) : (
            <div className="space-y-2 text-sm">
              <Badge tone="amber">{t('profile.emailNotVerified')}</Badge>
              {resent.isSuccess ? (
                <p className="text-emerald-700">{t('profile.verificationSent')}</p>
              ) : (
                <Button variant="ghost" busy={resent.isLoading} onClick={() => void resend()}>
                  {t('profile.resend')}
                </Button>
              )}
            </div>
          )}
        </Card>
        <Card>
          <ProfileForm key={profile.id} profile={profile} />
        </Card>
      </div>
    </div>
  );
};
