import { Router } from 'express';
import { ZAiRecommendationsRequest } from '@localkart/contracts/search-recommendations';
import { sendData } from '../../platform/http/envelope';
import type { RecommendService } from './recommend.service';

/** Public, like the rest of search; the /api rate limit applies. */
export const recommendRoutes = ({ recommend }: { recommend: RecommendService }): Router => {
  const router = Router();
  router.post('/api/search/ai-recommendations', async (req, res) => {
    sendData(res, await recommend.recommend(ZAiRecommendationsRequest.parse(req.body)));
  });
  return router;
};
