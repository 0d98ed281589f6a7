import type { Router } from 'express';
import { ZAdminReviewsQuery, ZReasonRequest } from '@localkart/contracts/admin';
import { sendData } from '../../platform/http/envelope';
import { actorOf, idParam } from './admin-page';
import type { AdminReviews } from './admin-reviews.service';

export const adminReviewsRoutes = (router: Router, reviews: AdminReviews) => {
  router.get('/api/admin/reviews', async (req, res) => {
    const { reviews: page, meta } = await reviews.list(ZAdminReviewsQuery.parse(req.query));
    sendData(res, page, { meta });
  });
  router.post('/api/admin/reviews/:id/hide', async (req, res) => {
    const id = idParam(req);
    const { reason } = ZReasonRequest.parse(req.body);
    sendData(res, await reviews.setHidden(actorOf(req), id, true, reason));
  });
  router.post('/api/admin/reviews/:id/unhide', async (req, res) => {
    const id = idParam(req);
    const { reason } = ZReasonRequest.parse(req.body);
    sendData(res, await reviews.setHidden(actorOf(req), id, false, reason));
  });
};
