import type { Router } from 'express';
import type { AppDeps } from '../../app';
import type { AuthGuard } from '../auth/auth.guard';
import type { ProvidersService } from '../providers/providers.service';
import { createReviewImages } from './review-images';
import { reviewsRoutes } from './reviews.routes';
import { createReviewsService } from './reviews.service';

/** Reviews of completed bookings, the provider's replies, and the public list per provider. */
export const createReviewsModule = (
  deps: AppDeps,
  { guard, providers }: { guard: AuthGuard; providers: ProvidersService },
) => {
  const { database, storage, logger, config, pubsub } = deps;
  const db = database.db;
  const images = createReviewImages({ db, storage, logger, config });
  const reviews = createReviewsService({ db, storage, images, providers, pubsub, logger });
  const routers: Router[] = [reviewsRoutes({ reviews, guard })];
  return { reviews, routers };
};
