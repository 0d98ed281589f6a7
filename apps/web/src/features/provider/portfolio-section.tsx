import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TProviderProfile } from '@localkart/contracts/providers';
import { api } from '../../api/api';
import { apiMessage } from '@localkart/web-kit/api-error';
import { Button } from '@localkart/web-kit/ui/button';
import { Card } from '@localkart/web-kit/ui/card';
import { TextField } from '@localkart/web-kit/ui/field';
import { ErrorState } from '@localkart/web-kit/ui/states';

export const PortfolioSection = ({ profile }: { profile: TProviderProfile }) => {
  const { t } = useTranslation();
  const [add, adding] = api.useAddPortfolioMutation();
  const [remove] = api.useDeletePortfolioMutation();
  const [file, setFile] = useState<File>();
  const [description, setDescription] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    const result = await add({ image: file, description });
    if (!result.error) {
      setFile(undefined);
      setDescription('');
    }
  };
  return (
    <Card>
      <h2 className="text-lg font-semibold">{t('provider.portfolio')}</h2>
      <div className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-4">
        {profile.portfolio.map((item) => (
          <figure key={item.id} className="relative">
            <img
              src={item.thumbnailUrl}
              alt={item.description}
              className="aspect-square w-full rounded-xl object-cover"
            />
            <button
              type="button"
              onClick={() => void remove(item.id)}
              className="absolute right-1 top-1 rounded-full bg-white/90 px-2 text-xs font-semibold text-red-700 shadow"
            >
              {t('common.delete')}
            </button>
          </figure>
        ))}
      </div>
      <form
        onSubmit={(event) => void submit(event)}
        className="mt-3 grid gap-3 rounded-xl bg-slate-50 p-4 sm:grid-cols-[1fr_1fr_auto] sm:items-end"
      >
        <div>
          <label
            htmlFor="portfolio-file"
            className="mb-1.5 block text-sm font-medium text-slate-700"
          >
            {t('setup.photo')}
          </label>
          <input
            id="portfolio-file"
            type="file"
            accept="image/jpeg,image/png,image/webp"
            className="block w-full text-sm"
            onChange={(event) => setFile(event.target.files?.[0])}
          />
        </div>
        <TextField
          label={t('setup.caption')}
          value={description}
          maxLength={500}
          onChange={(event) => setDescription(event.target.value)}
        />
        <Button type="submit" busy={adding.isLoading} disabled={!file}>
          {t('setup.upload')}
        </Button>
      </form>
      {adding.error && (
        <div className="mt-3">
          <ErrorState message={apiMessage(adding.error)} />
        </div>
      )}
    </Card>
  );
};
