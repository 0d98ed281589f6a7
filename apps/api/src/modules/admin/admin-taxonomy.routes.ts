import type { Request, Router } from 'express';
import {
  ZCreateCategoryRequest,
  ZCreateSubcategoryRequest,
  ZTaxonomyParams,
  ZSubcategoryParams,
  ZUpdateCategoryRequest,
  ZUpdateSubcategoryRequest,
} from '@localkart/contracts/admin';
import { AppError, ErrorCode } from '../../platform/errors';
import { sendData } from '../../platform/http/envelope';
import { actorOf } from './admin-page';
import type { AdminTaxonomy } from './admin-taxonomy.service';

/** A slug that cannot exist is as unknown as a missing one: 404. */
const slugsOf = (req: Request) => {
  const parsed = ZSubcategoryParams.partial({ subSlug: true }).safeParse(req.params);
  if (!parsed.success) throw new AppError(ErrorCode.NOT_FOUND, 'Not found');
  return parsed.data;
};

export const adminTaxonomyRoutes = (router: Router, taxonomy: AdminTaxonomy) => {
  router.get('/api/admin/taxonomy', async (_req, res) => {
    sendData(res, await taxonomy.listAll());
  });
  router.post('/api/admin/taxonomy/categories', async (req, res) => {
    const request = ZCreateCategoryRequest.parse(req.body);
    sendData(res, await taxonomy.createCategory(actorOf(req), request), { status: 201 });
  });
  router.patch('/api/admin/taxonomy/categories/:slug', async (req, res) => {
    const { slug } = ZTaxonomyParams.parse(slugsOf(req));
    const change = ZUpdateCategoryRequest.parse(req.body);
    sendData(res, await taxonomy.changeCategory(actorOf(req), slug, change));
  });
  router.post('/api/admin/taxonomy/categories/:slug/subcategories', async (req, res) => {
    const { slug } = slugsOf(req);
    const request = ZCreateSubcategoryRequest.parse(req.body);
    sendData(res, await taxonomy.createSubcategory(actorOf(req), slug, request), { status: 201 });
  });
  router.patch('/api/admin/taxonomy/categories/:slug/subcategories/:subSlug', async (req, res) => {
    const { slug, subSlug } = slugsOf(req);
    const change = ZUpdateSubcategoryRequest.parse(req.body);
    sendData(res, await taxonomy.changeSubcategory(actorOf(req), slug, subSlug!, change));
  });
};
