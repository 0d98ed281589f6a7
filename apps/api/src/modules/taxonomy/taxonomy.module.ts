import type { Router } from 'express';
import type { AppDeps } from '../../app';
import { taxonomyRoutes } from './taxonomy.routes';
import { createTaxonomyService } from './taxonomy.service';

/** Service taxonomy: the public catalogue of categories, and lookups for other modules. */
export const createTaxonomyModule = (deps: AppDeps) => {
  const taxonomy = createTaxonomyService({ db: deps.database.db });
  const routers: Router[] = [taxonomyRoutes({ taxonomy })];
  return { taxonomy, routers };
};

export type TaxonomyModule = ReturnType<typeof createTaxonomyModule>;
