import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { TGeneratedProfile } from '@localkart/contracts/ai';
import { api } from '../../api/api';
import { apiMessage, fieldErrors } from '@localkart/web-kit/api-error';
import { Button } from '@localkart/web-kit/ui/button';
import { Badge, Card } from '@localkart/web-kit/ui/card';
import { SelectField, TextArea, TextField } from '@localkart/web-kit/ui/field';
import { ErrorState } from '@localkart/web-kit/ui/states';

const list = (text: string) =>
  text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

/** The AI's draft as editable fields; saving registers the provider, then stores the profile text. */
export const ProfileDraftForm = ({
  draft,
  description,
}: {
  draft: TGeneratedProfile;
  description: string;
}) => {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { data: taxonomy } = api.useTaxonomyQuery();
  const [register, registration] = api.useRegisterProviderMutation();
  const [updateProfile, update] = api.useUpdateMyProviderMutation();
  const [restore] = api.useRestoreSessionMutation();
  const [form, setForm] = useState({
    businessName: '',
    summary: draft.summary,
    skills: draft.skills.join(', '),
    specialties: draft.specialties.join(', '),
    experience: draft.experience,
    category: draft.category?.slug ?? '',
    subcategory: draft.category?.subcategory ?? '',
    title: '',
    price: draft.pricing.basePrice ? String(draft.pricing.basePrice) : '',
    unit: draft.pricing.unit,
    areas: draft.serviceAreas.join(', '),
    radiusKm: '8',
  });
  const set = (field: keyof typeof form) => (event: { target: { value: string } }) =>
    setForm((current) => ({ ...current, [field]: event.target.value }));
  const category = taxonomy?.find((candidate) => candidate.slug === form.category);
  const hindi = i18n.language === 'hi';
  const errors = fieldErrors(registration.error);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const areas = list(form.areas);
    const subcategory = form.subcategory || category?.subcategories[0]?.slug || '';
    const registered = await register({
      businessName: form.businessName,
      description,
      service: {
        categorySlug: form.category,
        subcategorySlug: subcategory,
        title:
          form.title ||
          category?.subcategories.find((sub) => sub.slug === subcategory)?.names.en ||
          form.businessName,
        description: form.summary,
        basePricePaise: Math.round(Number(form.price) * 100),
        unit: form.unit,
      },
      serviceArea: {
        pincodes: areas.filter((area) => /^[1-9]\d{5}$/.test(area)),
        localities: areas.filter((area) => !/^[1-9]\d{5}$/.test(area)),
        radiusKm: Number(form.radiusKm),
      },
    });
    if (registered.error) return;
    // The role is now provider; a fresh access token carries it.
    await restore();
    await updateProfile({
      aiGeneratedProfile: {
        summary: form.summary.slice(0, 600),
        skills: list(form.skills).slice(0, 12),
        specialties: list(form.specialties).slice(0, 8),
        experience: form.experience.slice(0, 120),
      },
    });
    void navigate('/provider/setup');
  };

  return (
    <Card>
      <div className="mb-4 flex flex-wrap items-center gap-2">
        <h2 className="text-lg font-semibold">{t('onboarding.draft')}</h2>
        {draft.category && (
          <Badge tone="teal">
            {t('onboarding.confidence', { percent: Math.round(draft.category.confidence * 100) })}
          </Badge>
        )}
      </div>
      <form onSubmit={(event) => void submit(event)} className="space-y-4" noValidate>
        <TextField
          label={t('onboarding.businessName')}
          value={form.businessName}
          onChange={set('businessName')}
          error={errors.businessName}
        />
        <TextArea
          label={t('onboarding.summary')}
          rows={4}
          value={form.summary}
          onChange={set('summary')}
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            label={t('onboarding.skills')}
            value={form.skills}
            onChange={set('skills')}
            hint={t('onboarding.commaHint')}
          />
          <TextField
            label={t('onboarding.specialties')}
            value={form.specialties}
            onChange={set('specialties')}
            hint={t('onboarding.commaHint')}
          />
          <TextField
            label={t('onboarding.experience')}
            value={form.experience}
            onChange={set('experience')}
          />
          <SelectField
            key={taxonomy ? 'loaded' : 'loading'}
            label={t('search.category')}
            value={form.category}
            onChange={(event) =>
              setForm((current) => ({ ...current, category: event.target.value, subcategory: '' }))
            }
            error={errors['service.categorySlug']}
          >
            <option value="">—</option>
            {taxonomy?.map((candidate) => (
              <option key={candidate.slug} value={candidate.slug}>
                {hindi ? candidate.names.hi : candidate.names.en}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t('onboarding.subcategory')}
            value={form.subcategory || category?.subcategories[0]?.slug || ''}
            onChange={set('subcategory')}
            error={errors['service.subcategorySlug']}
          >
            {category?.subcategories.map((sub) => (
              <option key={sub.slug} value={sub.slug}>
                {hindi ? sub.names.hi : sub.names.en}
              </option>
            ))}
          </SelectField>
          <TextField
            label={t('onboarding.serviceTitle')}
            value={form.title}
            onChange={set('title')}
            error={errors['service.title']}
          />
          <TextField
            label={t('onboarding.price')}
            inputMode="numeric"
            value={form.price}
            onChange={set('price')}
            error={errors['service.basePricePaise']}
          />
          <SelectField label={t('onboarding.unit')} value={form.unit} onChange={set('unit')}>
            {(['hour', 'service', 'square_feet'] as const).map((unit) => (
              <option key={unit} value={unit}>
                {t(`units.${unit}`)}
              </option>
            ))}
          </SelectField>
          <TextField
            label={t('onboarding.areas')}
            value={form.areas}
            onChange={set('areas')}
            hint={t('onboarding.areasHint')}
            error={errors['serviceArea.pincodes'] ?? errors['serviceArea.localities']}
          />
          <TextField
            label={t('onboarding.radius')}
            inputMode="numeric"
            value={form.radiusKm}
            onChange={set('radiusKm')}
            error={errors['serviceArea.radiusKm']}
          />
        </div>
        {(registration.error || update.error) && Object.keys(errors).length === 0 && (
          <ErrorState message={apiMessage(registration.error ?? update.error)} />
        )}
        <Button type="submit" busy={registration.isLoading || update.isLoading}>
          {t('onboarding.save')}
        </Button>
      </form>
    </Card>
  );
};
