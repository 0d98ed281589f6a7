import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { TGeneratedProfile } from '@localkart/contracts/ai';
import { api } from '../../api/api';
import { useSession } from '../../app/store';
import { apiMessage } from '@localkart/web-kit/api-error';
import { Button } from '@localkart/web-kit/ui/button';
import { Card, PageTitle } from '@localkart/web-kit/ui/card';
import { TextArea } from '@localkart/web-kit/ui/field';
import { ErrorState, Notice } from '@localkart/web-kit/ui/states';
import { ProfileDraftForm } from './profile-draft-form';

/**
 * "Describe your work in your own words" → the AI's draft, shown for editing → saved as the
 * provider's profile. The draft is only a suggestion: nothing is saved until the provider says so.
 */
export const OnboardingPage = () => {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { user } = useSession();
  const [text, setText] = useState('');
  const [draft, setDraft] = useState<TGeneratedProfile>();
  const [generate, generation] = api.useGenerateProfileMutation();
  if (user?.role === 'provider')
    return (
      <div className="mx-auto max-w-xl">
        <Notice tone="info">{t('onboarding.already')}</Notice>
        <Button className="mt-4" onClick={() => void navigate('/provider')}>
          {t('nav.provider')}
        </Button>
      </div>
    );
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await generate({
      description: text,
      language: i18n.language === 'hi' ? 'hi' : 'en',
    });
    if (result.data) setDraft(result.data);
  };
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <PageTitle title={t('onboarding.title')} subtitle={t('onboarding.subtitle')} />
      <Card>
        <form onSubmit={(event) => void submit(event)} className="space-y-4">
          <TextArea
            label={t('onboarding.describe')}
            rows={5}
            placeholder={t('onboarding.placeholder')}
            value={text}
            onChange={(event) => setText(event.target.value)}
            hint={t('onboarding.hint')}
          />
          {generation.error && <ErrorState message={apiMessage(generation.error)} />}
          <Button type="submit" busy={generation.isLoading} disabled={text.trim().length < 10}>
            {draft ? t('onboarding.regenerate') : t('onboarding.generate')}
          </Button>
        </form>
      </Card>
      {draft && <ProfileDraftForm key={JSON.stringify(draft)} draft={draft} description={text} />}
    </div>
  );
};
