import type { Router } from 'express';
import type { AppDeps } from '../../app';
import { createIndiaPostDirectory } from '../../platform/geo/india-post-directory';
import type { AuthGuard } from '../auth/auth.guard';
import type { TaxonomyService } from '../taxonomy/taxonomy.service';
import { createProviderChangeFeed } from './provider-changes';
import { createProviderMediaService } from './provider-media.service';
import { createProviderScheduleService } from './provider-schedule.service';
import { providersRoutes } from './providers.routes';
import { createProvidersService } from './providers.service';
import { createPublicProfileService } from './public-profile.service';

/** Providers: registration, profile, services, areas, schedule, portfolio, documents, public page. */
export const createProvidersModule = (
  deps: AppDeps,
  { guard, taxonomy }: { guard: AuthGuard; taxonomy: TaxonomyService },
) => {
  const { database, storage, privateStorage, logger, config } = deps;
  const db = database.db;
  const directory = createIndiaPostDirectory();
  const changes = createProviderChangeFeed();
  const providers = createProvidersService({ db, storage, directory, taxonomy, changes });
  const schedule = createProviderScheduleService({ db, providers });
  const media = createProviderMediaService({
    db,
    storage,
    privateStorage,
    logger,
    config,
    providers,
  });
  const publicProfiles = createPublicProfileService({ db, storage });
  const routers: Router[] = [
    providersRoutes({ providers, schedule, media, publicProfiles, guard }),
  ];
  return { providers, schedule, media, publicProfiles, changes, directory, routers };
};
