import { Router } from 'express';
import { ZGenerateProfileRequest } from '@localkart/contracts/ai';
import type { AppDeps } from '../../app';
import { sendData } from '../../platform/http/envelope';
import { createRateLimiter } from '../../platform/http/rate-limit';
import { callerOf, type AuthGuard } from '../auth/auth.guard';
import type { ProfileGenerator } from './ai-engine';

const DRAFTS_PER_HOUR = 30;

/**
 * `POST /api/providers/generate-profile`: any signed-in user may ask, since onboarding starts
 * here before the provider account exists. Limited per user: with the LLM engine each call costs.
 */
export const aiRoutes = ({
  deps,
  generator,
  guard,
}: {
  deps: AppDeps;
  generator: ProfileGenerator;
  guard: AuthGuard;
}): Router => {
  const perUser = createRateLimiter(deps, {
    name: 'ai-profile',
    windowMs: 60 * 60 * 1000,
    limit: DRAFTS_PER_HOUR,
    keyOf: (req) => (req.auth ? `user:${req.auth.userId}` : undefined),
  });
  const router = Router();
  router.post('/api/providers/generate-profile', guard.requireAuth, perUser, async (req, res) => {
    callerOf(req);
    sendData(res, await generator.generateProfile(ZGenerateProfileRequest.parse(req.body)));
  });
  return router;
};
