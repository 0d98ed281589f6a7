import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { TSearchSuggestion } from '@localkart/contracts/search-suggestions';
import { api, type SearchParams } from '../../api/api';
import { apiMessage } from '@localkart/web-kit/api-error';
import { Button } from '@localkart/web-kit/ui/button';
import { EmptyState, ErrorState, Loading } from '@localkart/web-kit/ui/states';
import { Filters, type FilterValues } from './filters';
import { LocationPicker } from './location-picker';
import { placeFromParams, placeParams, type Place } from './location';
import { ProviderCard } from './provider-card';
import { SearchBox } from './search-box';

const PLACE_KEYS = ['lat', 'lng', 'pincode', 'locality'] as const;

// Leaflet is most of a map's weight: the cards show first, the map follows when its code is in.
const ResultsMap = lazy(() =>
  import('./results-map').then((module) => ({ default: module.ResultsMap })),
);

/** The search lives in the address bar: back, forward, reload and sharing keep it. */
const requestOf = (params: URLSearchParams, place: Place): SearchParams => ({
  ...placeParams(place),
  radiusKm: 20,
  q: params.get('q') ?? undefined,
  category: params.get('category') ?? undefined,
  subcategory: params.get('category') ? (params.get('subcategory') ?? undefined) : undefined,
  minRating: params.get('minRating') ?? undefined,
  // The filter is typed in rupees; the API counts paise.
  maxPrice: params.get('maxPrice') ? Number(params.get('maxPrice')) * 100 : undefined,
  availableOn: params.get('availableOn') ?? undefined,
  verifiedOnly: params.get('verifiedOnly') === 'true' ? true : undefined,
  sort: params.get('sort') ?? undefined,
  page: Number(params.get('page') ?? 1),
  limit: 12,
});

const Results = ({
  request,
  onPage,
}: {
  request: SearchParams;
  onPage: (page: number) => void;
}) => {
  const { t } = useTranslation();
  const [view, setView] = useState<'list' | 'map'>('list');
  const { data, isFetching, isLoading, error, refetch } = api.useSearchProvidersQuery(request);
  if (isLoading) return <Loading label={t('search.searching')} />;
  if (error || !data)
    return <ErrorState message={apiMessage(error)} onRetry={() => void refetch()} />;
  const { result, meta } = data;
  const page = Number(request.page ?? 1);
  return (
    <section
      aria-labelledby="results-heading"
      className={isFetching ? 'opacity-70 transition' : ''}
    >
      <div className="mb-3 flex items-center justify-between gap-3">
        <h2 id="results-heading" className="text-sm text-slate-600" aria-live="polite">
          {result.totalIsCapped
            ? t('search.resultCountCapped', {
                total: meta.total ?? 0,
                place: result.location.label,
              })
            : t('search.resultCount', {
                count: meta.total ?? result.providers.length,
                place: result.location.label,
              })}
        </h2>
        <div
          role="group"
          aria-label={t('search.view')}
          className="inline-flex rounded-lg bg-slate-100 p-0.5 text-sm lg:hidden"
        >
          {(['list', 'map'] as const).map((mode) => (
            <button
              key={mode}
              type="button"
              aria-pressed={view === mode}
              onClick={() => setView(mode)}
              className={`rounded-md px-3 py-1 ${view === mode ? 'bg-white font-semibold shadow-sm' : 'text-slate-600'}`}
            >
              {t(`search.${mode}`)}
            </button>
          ))}
        </div>
      </div>
      {result.providers.length === 0 ? (
        <EmptyState title={t('search.noResults')}>
          {t('search.noResultsHint')}{' '}
          <Link to="/match" className="font-semibold text-teal-800 underline">
            {t('nav.match')}
          </Link>
        </EmptyState>
      ) : (
        <div className="grid gap-4 lg:grid-cols-[1fr_420px]">
          <div className={`min-w-0 space-y-3 ${view === 'map' ? 'hidden lg:block' : ''}`}>
            {result.providers.map((provider) => (
              <ProviderCard key={provider.id} provider={provider} />
            ))}
            <div className="flex justify-between pt-2">
              <Button variant="secondary" disabled={page <= 1} onClick={() => onPage(page - 1)}>
                {t('common.previous')}
              </Button>
              <Button variant="secondary" disabled={!meta.hasNext} onClick={() => onPage(page + 1)}>
                {t('common.next')}
              </Button>
            </div>
          </div>
          <div
            className={`min-w-0 h-[70vh] lg:sticky lg:top-24 lg:block lg:h-[calc(100vh-8rem)] ${view === 'list' ? 'hidden' : ''}`}
          >
            <Suspense fallback={<Loading />}>
              <ResultsMap location={result.location} providers={result.providers} />
            </Suspense>
          </div>
        </div>
      )}
    </section>
  );
};

export const HomePage = () => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const place = placeFromParams(params);
  const [text, setText] = useState(params.get('q') ?? '');
  const [showFilters, setShowFilters] = useState(false);

  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined || value === '') next.delete(key);
      else next.set(key, value);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next);
  };
  const setPlace = (chosen: Place) => {
    const cleared = Object.fromEntries(PLACE_KEYS.map((key) => [key, undefined]));
    update({
      ...cleared,
      ...Object.fromEntries(
        Object.entries(placeParams(chosen)).map(([key, value]) => [key, String(value)]),
      ),
    });
  };
  const pick = (suggestion: TSearchSuggestion) => {
    switch (suggestion.kind) {
      case 'provider':
        void navigate(`/providers/${suggestion.providerId}`);
        return;
      case 'category':
        setText(suggestion.label);
        update({ q: undefined, category: suggestion.categorySlug, subcategory: undefined });
        return;
      case 'subcategory':
        setText(suggestion.label);
        update({
          q: undefined,
          category: suggestion.categorySlug,
          subcategory: suggestion.subcategorySlug,
        });
        return;
      case 'skill':
        setText(suggestion.q);
        update({ q: suggestion.q, category: undefined, subcategory: undefined });
        return;
    }
  };
  const filters: FilterValues = {
    category: params.get('category') ?? '',
    minRating: params.get('minRating') ?? '',
    maxPrice: params.get('maxPrice') ?? '',
    availableOn: params.get('availableOn') ?? '',
    verifiedOnly: params.get('verifiedOnly') === 'true',
    sort: params.get('sort') ?? '',
  };
  const onFilters = (changes: Partial<FilterValues>) =>
    update(
      Object.fromEntries(
        Object.entries(changes).map(([key, value]) => [
          key,
          value === false ? undefined : String(value),
        ]),
      ),
    );

  return (
    <div className="space-y-6">
      <section className="rounded-3xl bg-gradient-to-br from-teal-800 via-teal-700 to-emerald-600 px-5 py-8 text-white shadow-sm sm:px-10 sm:py-12">
        <h1 className="max-w-2xl text-3xl font-extrabold tracking-tight sm:text-4xl">
          {t('search.heroTitle')}
        </h1>
        <p className="mt-2 max-w-2xl text-teal-50">{t('search.heroSubtitle')}</p>
        <form
          className="mt-6 grid gap-3 rounded-2xl bg-white p-3 text-slate-900 shadow-lg md:grid-cols-[1fr_1fr_auto]"
          onSubmit={(event) => {
            event.preventDefault();
            update({ q: text.trim() || undefined, category: undefined, subcategory: undefined });
          }}
        >
          <SearchBox
            value={text}
            onChange={setText}
            onPick={pick}
            onSubmit={() =>
              update({ q: text.trim() || undefined, category: undefined, subcategory: undefined })
            }
          />
          <LocationPicker place={place} onPlace={setPlace} />
          <Button type="submit" className="py-3">
            {t('search.search')}
          </Button>
        </form>
        <p className="mt-4 text-sm text-teal-50">
          {t('search.orDescribe')}{' '}
          <Link to="/match" className="font-semibold text-white underline underline-offset-4">
            {t('nav.match')} →
          </Link>
        </p>
      </section>

      {place ? (
        <>
          <div className="rounded-2xl border border-slate-200 bg-white p-4">
            <button
              type="button"
              className="flex w-full items-center justify-between text-sm font-semibold text-slate-700 lg:hidden"
              aria-expanded={showFilters}
              onClick={() => setShowFilters((value) => !value)}
            >
              {t('search.filters')} <span aria-hidden="true">{showFilters ? '▴' : '▾'}</span>
            </button>
            <div className={`${showFilters ? 'mt-3 block' : 'hidden'} lg:block`}>
              <Filters values={filters} onChange={onFilters} />
            </div>
          </div>
          <Results
            request={requestOf(params, place)}
            onPage={(page) => update({ page: String(page) })}
          />
        </>
      ) : (
        <EmptyState title={t('search.pickPlace')}>{t('search.pickPlaceHint')}</EmptyState>
      )}
    </div>
  );
};
