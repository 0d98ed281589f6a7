import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TProviderProfile } from '@localkart/contracts/providers';
import { api } from '../../api/api';
import { apiMessage, fieldErrors } from '@localkart/web-kit/api-error';
import { formatPaise } from '@localkart/web-kit/format';
import { Button } from '@localkart/web-kit/ui/button';
import { Badge, Card } from '@localkart/web-kit/ui/card';
import { SelectField, TextField } from '@localkart/web-kit/ui/field';
import { ErrorState } from '@localkart/web-kit/ui/states';

const AddService = () => {
  const { t, i18n } = useTranslation();
  const { data: taxonomy } = api.useTaxonomyQuery();
  const [add, { isLoading, error, reset }] = api.useAddServiceMutation();
  const [form, setForm] = useState({ category: '', subcategory: '', title: '', price: '' });
  const category = taxonomy?.find((candidate) => candidate.slug === form.category);
  const errors = fieldErrors(error);
  const hindi = i18n.language === 'hi';
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await add({
      categorySlug: form.category,
      subcategorySlug: form.subcategory || category?.subcategories[0]?.slug || '',
      title: form.title,
      description: '',
      basePricePaise: Math.round(Number(form.price) * 100),
    });
    if (!result.error) {
      setForm({ category: '', subcategory: '', title: '', price: '' });
      reset();
    }
  };
  return (
    <form
      onSubmit={(event) => void submit(event)}
      className="mt-4 grid gap-3 rounded-xl bg-slate-50 p-4 sm:grid-cols-2"
      noValidate
    >
      <SelectField
        label={t('search.category')}
        value={form.category}
        onChange={(event) => setForm({ ...form, category: event.target.value, subcategory: '' })}
        error={errors.categorySlug}
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
        value={form.subcategory}
        onChange={(event) => setForm({ ...form, subcategory: event.target.value })}
        error={errors.subcategorySlug}
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
        onChange={(event) => setForm({ ...form, title: event.target.value })}
        error={errors.title}
      />
      <TextField
        label={t('onboarding.price')}
        inputMode="numeric"
        value={form.price}
        onChange={(event) => setForm({ ...form, price: event.target.value.replace(/[^\d.]/g, '') })}
        error={errors.basePricePaise}
      />
      {error && Object.keys(errors).length === 0 && (
        <div className="sm:col-span-2">
          <ErrorState message={apiMessage(error)} />
        </div>
      )}
      <div className="sm:col-span-2">
        <Button type="submit" busy={isLoading}>
          {t('setup.addService')}
        </Button>
      </div>
    </form>
  );
};

export const ServicesSection = ({ profile }: { profile: TProviderProfile }) => {
  const { t } = useTranslation();
  const [update] = api.useUpdateServiceMutation();
  const [remove] = api.useDeleteServiceMutation();
  return (
    <Card>
      <h2 className="text-lg font-semibold">{t('provider.services')}</h2>
      <ul className="mt-3 divide-y divide-slate-100">
        {profile.services.map((service) => (
          <li key={service.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
            <div>
              <p className="font-medium">{service.title}</p>
              <p className="text-sm text-slate-600">
                {formatPaise(service.basePricePaise)} {t(`units.${service.unit}`)}
              </p>
            </div>
            <div className="flex items-center gap-2">
              {!service.isActive && <Badge tone="amber">{t('setup.paused')}</Badge>}
              <Button
                variant="secondary"
                onClick={() =>
                  void update({ id: service.id, body: { isActive: !service.isActive } })
                }
              >
                {service.isActive ? t('setup.pause') : t('setup.resume')}
              </Button>
              <Button variant="danger" onClick={() => void remove(service.id)}>
                {t('common.delete')}
              </Button>
            </div>
          </li>
        ))}
      </ul>
      <AddService />
    </Card>
  );
};
