import { Router } from 'express';
import { ZSearchSuggestionsQuery } from '@localkart/contracts/search-suggestions';
import { sendData } from '../../platform/http/envelope';
import type { SuggestionsService } from './suggestions.service';

/** Public, like the rest of search: suggestions need no account. */
export const suggestionsRoutes = ({ suggestions }: { suggestions: SuggestionsService }): Router => {
  const router = Router();
  router.get('/api/search/suggestions', async (req, res) => {
    sendData(res, await suggestions.suggest(ZSearchSuggestionsQuery.parse(req.query)));
  });
  return router;
};
