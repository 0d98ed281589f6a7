import { Router } from 'express';
import { ZAnalyticsQuery } from '@localkart/contracts/provider-analytics';
import { sendData } from '../../platform/http/envelope';
import { callerOf, type AuthGuard } from '../auth/auth.guard';
import type { ProviderAnalyticsService } from './provider-analytics.service';

export const providerAnalyticsRoutes = ({
  analytics,
  guard,
}: {
  analytics: ProviderAnalyticsService;
  guard: AuthGuard;
}): Router => {
  const router = Router();
  router.get(
    '/api/providers/analytics',
    guard.requireAuth,
    guard.requireRole('provider'),
    async (req, res) => {
      const query = ZAnalyticsQuery.parse(req.query);
      sendData(res, await analytics.analyticsFor(callerOf(req).userId, query));
    },
  );
  return router;
};
