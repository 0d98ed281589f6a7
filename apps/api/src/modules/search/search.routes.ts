import { Router } from 'express';
import { ZSearchProvidersQuery, ZSearchServicesQuery } from '@localkart/contracts/search';
import { sendData, sendEnvelopeJson } from '../../platform/http/envelope';
import type { SearchService } from './search.service';

/** Public: searching needs no account. */
export const searchRoutes = ({ search }: { search: SearchService }): Router => {
  const router = Router();
  router.get('/api/search/providers', async (req, res) => {
    sendEnvelopeJson(res, await search.findProvidersJson(ZSearchProvidersQuery.parse(req.query)));
  });
  router.get('/api/search/services', async (req, res) => {
    sendData(res, await search.countServices(ZSearchServicesQuery.parse(req.query)));
  });
  return router;
};
