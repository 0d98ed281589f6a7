import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/api';
import { apiMessage } from '@localkart/web-kit/api-error';
import { Button } from '@localkart/web-kit/ui/button';
import { Card, PageTitle } from '@localkart/web-kit/ui/card';
import { TextArea } from '@localkart/web-kit/ui/field';
import { EmptyState, ErrorState, Loading } from '@localkart/web-kit/ui/states';
import { LocationPicker } from '../search/location-picker';
import type { Place } from '../search/location';
import { ProviderCard } from '../search/provider-card';

const locationOf = (place: Place) =>
  place.kind === 'point'
    ? { lat: place.lat, lng: place.lng }
    : place.kind === 'pincode'
      ? { pincode: place.pincode }
      : { locality: place.locality };

/** "Describe your problem": free text in, ranked providers out, each with a score and a reason. */
export const MatchPage = () => {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [place, setPlace] = useState<Place>();
  const [match, { data, isLoading, error }] = api.useAiRecommendationsMutation();
  const [missingPlace, setMissingPlace] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!place) return setMissingPlace(true);
    setMissingPlace(false);
    void match({ requirements: text, location: locationOf(place), limit: 8 });
  };
  return (
    <div className="mx-auto max-w-4xl">
      <PageTitle title={t('match.title')} subtitle={t('match.subtitle')} />
      <Card>
        <form onSubmit={submit} className="space-y-4" noValidate>
          <TextArea
            label={t('match.describe')}
            rows={4}
            placeholder={t('match.placeholder')}
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
          <div>
            <p className="mb-1.5 text-sm font-medium text-slate-700">{t('search.where')}</p>
            <LocationPicker place={place} onPlace={setPlace} />
            {missingPlace && (
              <p role="alert" className="mt-1 text-xs text-red-700">
                {t('match.needPlace')}
              </p>
            )}
          </div>
          <Button type="submit" busy={isLoading} disabled={text.trim().length < 3}>
            {t('match.find')}
          </Button>
        </form>
      </Card>
      <div className="mt-6 space-y-4" aria-live="polite">
        {isLoading && <Loading label={t('match.thinking')} />}
        {error && <ErrorState message={apiMessage(error)} />}
        {data && (
          <>
            <Card className="bg-teal-50/60">
              <p className="text-xs font-semibold uppercase tracking-wide text-teal-800">
                {t('match.understood')}
              </p>
              <p className="mt-1 font-medium text-slate-900">{data.intent.summary}</p>
              <p className="mt-1 text-xs text-slate-500">
                {t('match.near', { place: data.location.label })}
              </p>
            </Card>
            {data.matches.length === 0 ? (
              <EmptyState title={t('match.none')} />
            ) : (
              data.matches.map((recommendation) => (
                <ProviderCard
                  key={recommendation.provider.id}
                  provider={recommendation.provider}
                  extra={
                    <div className="mt-3 flex items-center gap-3 rounded-xl bg-slate-50 p-3">
                      <span
                        className="flex h-11 w-11 shrink-0 items-center justify-center rounded-full bg-teal-700 text-sm font-bold text-white"
                        aria-label={t('match.score', { score: recommendation.score })}
                      >
                        {recommendation.score}
                      </span>
                      <p className="text-sm text-slate-700">{recommendation.reason}</p>
                    </div>
                  }
                />
              ))
            )}
          </>
        )}
      </div>
    </div>
  );
};
