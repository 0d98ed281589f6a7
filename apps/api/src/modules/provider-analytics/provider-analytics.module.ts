import type { Router } from 'express';
import type { AppDeps } from '../../app';
import type { AuthGuard } from '../auth/auth.guard';
import type { ProvidersService } from '../providers/providers.service';
import { providerAnalyticsRoutes } from './provider-analytics.routes';
import { createProviderAnalyticsService } from './provider-analytics.service';

/**
 * A provider's own figures. Mount before the providers module: `GET /api/providers/:id` would
 * otherwise take `/api/providers/analytics`.
 */
export const createProviderAnalyticsModule = (
  deps: AppDeps,
  { guard, providers }: { guard: AuthGuard; providers: ProvidersService },
) => {
  const analytics = createProviderAnalyticsService({
    db: deps.database.db,
    providers,
    commissionBps: deps.config.PLATFORM_COMMISSION_BPS,
  });
  const routers: Router[] = [providerAnalyticsRoutes({ analytics, guard })];
  return { analytics, routers };
};
