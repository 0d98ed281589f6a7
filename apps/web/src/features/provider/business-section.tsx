import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TProviderProfile } from '@localkart/contracts/providers';
import { api } from '../../api/api';
import { apiMessage } from '@localkart/web-kit/api-error';
import { Button } from '@localkart/web-kit/ui/button';
import { Badge, Card } from '@localkart/web-kit/ui/card';
import { TextArea, TextField } from '@localkart/web-kit/ui/field';
import { ErrorState, Notice } from '@localkart/web-kit/ui/states';

export const BusinessSection = ({ profile }: { profile: TProviderProfile }) => {
  const { t } = useTranslation();
  const [update, { isLoading, isSuccess, error }] = api.useUpdateMyProviderMutation();
  const [businessName, setBusinessName] = useState(profile.businessName);
  const [summary, setSummary] = useState(
    profile.aiGeneratedProfile?.summary ?? profile.description,
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void update({
      businessName,
      aiGeneratedProfile: {
        summary: summary.slice(0, 600),
        skills: profile.aiGeneratedProfile?.skills ?? [],
        specialties: profile.aiGeneratedProfile?.specialties ?? [],
        experience: profile.aiGeneratedProfile?.experience ?? '',
      },
    });
  };
  return (
    <Card>
      <div className="flex flex-wrap items-center gap-2">
        <h2 className="text-lg font-semibold">{t('setup.business')}</h2>
        {profile.isVerified ? (
          <Badge tone="green">✓ {t('search.verified')}</Badge>
        ) : (
          <Badge tone="amber">{t('setup.notVerified')}</Badge>
        )}
      </div>
      <form onSubmit={submit} className="mt-3 space-y-3">
        <TextField
          label={t('onboarding.businessName')}
          value={businessName}
          onChange={(event) => setBusinessName(event.target.value)}
        />
        <TextArea
          label={t('onboarding.summary')}
          rows={4}
          maxLength={600}
          value={summary}
          onChange={(event) => setSummary(event.target.value)}
        />
        {error && <ErrorState message={apiMessage(error)} />}
        {isSuccess && <Notice tone="success">{t('setup.saved')}</Notice>}
        <Button type="submit" busy={isLoading}>
          {t('common.save')}
        </Button>
      </form>
    </Card>
  );
};
