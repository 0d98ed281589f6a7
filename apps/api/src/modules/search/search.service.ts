import type { TPageMeta } from '@localkart/contracts/envelope';
import {
  SEARCH_TOTAL_CAP,
  type TSearchProvidersQuery,
  type TSearchProvidersResult,
  type TSearchServicesQuery,
  type TSearchServicesResult,
} from '@localkart/contracts/search';
import type { Db } from '../../db/client';
import type { IndiaPostDirectory } from '../../platform/geo/india-post-directory';
import { envelopeJson } from '../../platform/http/envelope';
import type { Logger } from '../../platform/logger';
import type { QueryInterpreter } from '../ai/interpret-query';
import type { TaxonomyService } from '../taxonomy/taxonomy.service';
import type { SearchCache } from './search-cache';
import { resolveSearchLocation } from './search-location';
import { toProviderCard } from './provider-card';
import { findProvidersPage, type ProviderSearch } from './search-providers.repo';
import { countProvidersByService, recordSearchMiss } from './search-stats.repo';

type Page<T> = { data: T; meta: TPageMeta };

export const createSearchService = ({
  db,
  cache,
  directory,
  interpret,
  taxonomy,
  logger,
}: {
  db: Db;
  cache: SearchCache;
  directory: IndiaPostDirectory;
  interpret: QueryInterpreter;
  taxonomy: Pick<TaxonomyService, 'listCategories'>;
  logger: Logger;
}) => {
  /**
   * ERD §5.1 provider search, as the response envelope's JSON text: repeated queries come from
   * the cache until a provider changes, and a hit is sent without parsing it again.
   */
  const findProvidersJson = async (query: TSearchProvidersQuery): Promise<string> => {
    const location = resolveSearchLocation(directory, query);
    const category = query.category ?? '';
    return cache.throughJson('providers', { category, query }, async () => {
      const { data, meta } = await findProviders(query, location, category);
      return envelopeJson(data, { meta });
    });
  };

  /** One page of results (uncached). */
  const findProviders = async (
    query: TSearchProvidersQuery,
    location: ReturnType<typeof resolveSearchLocation>,
    category: string,
  ): Promise<Page<TSearchProvidersResult>> => {
    const intent = query.q ? interpret(query.q) : undefined;
    const search: ProviderSearch = {
      point: location,
      radiusKm: query.radiusKm,
      category,
      subcategory: query.subcategory,
      text: intent && { words: intent.words, categories: intent.categorySlugs },
      minRating: query.minRating,
      maxPricePaise: query.maxPrice,
      verifiedOnly: query.verifiedOnly,
      availableAt: query.availableOn ? { date: query.availableOn, time: query.time } : undefined,
      sort: query.sort ?? (query.q ? 'relevance' : 'distance'),
      limit: query.limit,
      offset: (query.page - 1) * query.limit,
    };
    const cap = Math.max(SEARCH_TOTAL_CAP, search.offset + search.limit);
    const { hits, counted } = await findProvidersPage(db, search, cap);
    if (counted === 0 && query.q) await recordMiss(query.q, category, location);
    const total = Math.min(counted, cap);
    return {
      data: {
        location,
        providers: hits.map(({ hit, details }) => toProviderCard(hit, details)),
        totalIsCapped: counted > cap,
      },
      meta: {
        page: query.page,
        limit: query.limit,
        total,
        hasNext: counted > search.offset + hits.length,
      },
    };
  };

  /** A miss is worth knowing (unmet demand) but never worth failing the search for. */
  const recordMiss = async (
    text: string,
    category: string,
    point: { lat: number; lng: number },
  ) => {
    await recordSearchMiss(db, { query: text, categorySlug: category || null, ...point }).catch(
      (error: unknown) => logger.warn({ err: error }, 'search miss not recorded'),
    );
  };

  /** The taxonomy with how many providers serve the point in each category and subcategory. */
  const countServices = async (query: TSearchServicesQuery): Promise<TSearchServicesResult> => {
    const location = resolveSearchLocation(directory, query);
    return cache.through('services', { category: '', query }, async () => {
      const [categories, counts] = await Promise.all([
        taxonomy.listCategories(),
        countProvidersByService(db, { point: location, radiusKm: query.radiusKm }),
      ]);
      const countOf = (key: string) => counts.get(key) ?? 0;
      return {
        location,
        categories: categories.map((category) => ({
          slug: category.slug,
          names: category.names,
          unit: category.unit,
          providerCount: countOf(category.slug),
          subcategories: category.subcategories.map((sub) => ({
            slug: sub.slug,
            names: sub.names,
            unit: sub.unit,
            providerCount: countOf(`${category.slug}/${sub.slug}`),
          })),
        })),
      };
    });
  };

  return { findProvidersJson, countServices };
};

export type SearchService = ReturnType<typeof createSearchService>;
