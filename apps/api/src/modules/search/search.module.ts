import type { Router } from 'express';
import type { AppDeps } from '../../app';
import { createQueryInterpreter } from '../ai/interpret-query';
import type { ProviderChangeFeed } from '../providers/provider-changes';
import type { PublicProfileService } from '../providers/public-profile.service';
import type { IndiaPostDirectory } from '../../platform/geo/india-post-directory';
import { serviceTaxonomy } from '../taxonomy/taxonomy-data';
import type { TaxonomyService } from '../taxonomy/taxonomy.service';
import { createRecommendRouter } from './recommend.module';
import { createSearchCache } from './search-cache';
import { searchRoutes } from './search.routes';
import { createSearchService } from './search.service';
import { suggestionsRoutes } from './suggestions.routes';
import { createSuggestionsService } from './suggestions.service';

/** The search service: providers near a point, services near a point, suggestions, AI matching. */
export const createSearchModule = (
  deps: AppDeps,
  {
    changes,
    publicProfiles,
    directory,
    taxonomy,
  }: {
    changes: ProviderChangeFeed;
    publicProfiles: PublicProfileService;
    directory: IndiaPostDirectory;
    taxonomy: TaxonomyService;
  },
) => {
  const cache = createSearchCache({ cache: deps.cache, enabled: deps.config.SEARCH_CACHE_ENABLED });
  changes.subscribe(({ categories }) => cache.invalidate(categories));
  // One taxonomy matcher for searches and for recommendations.
  const interpretQuery = createQueryInterpreter(serviceTaxonomy);
  const search = createSearchService({
    db: deps.database.db,
    cache,
    directory,
    interpret: interpretQuery,
    taxonomy,
    logger: deps.logger,
  });
  const suggestions = createSuggestionsService({ db: deps.database.db, cache });
  const routers: Router[] = [
    searchRoutes({ search }),
    suggestionsRoutes({ suggestions }),
    createRecommendRouter(deps, { directory, cards: publicProfiles, interpretQuery }),
  ];
  return { search, suggestions, cache, routers };
};
