import { Router } from 'express';
import { sendData } from '../../platform/http/envelope';
import type { TaxonomyService } from './taxonomy.service';

/** Public: the taxonomy changes only when an admin edits it, so clients may keep it 5 minutes. */
export const taxonomyRoutes = ({ taxonomy }: { taxonomy: TaxonomyService }): Router => {
  const router = Router();
  router.get('/api/taxonomy', async (_req, res) => {
    const categories = await taxonomy.listCategories();
    res.set('Cache-Control', 'public, max-age=300');
    sendData(res, categories);
  });
  return router;
};
