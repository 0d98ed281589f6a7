import type { Router } from 'express';
import {
  ZOptionalReasonRequest,
  ZReasonRequest,
  ZVerificationQueueQuery,
} from '@localkart/contracts/admin';
import { sendData } from '../../platform/http/envelope';
import { actorOf, idParam } from './admin-page';
import type { AdminProviders } from './admin-providers.service';

export const adminProvidersRoutes = (router: Router, providers: AdminProviders) => {
  router.get('/api/admin/providers/verification-queue', async (req, res) => {
    const { providers: page, meta } = await providers.queue(
      ZVerificationQueueQuery.parse(req.query),
    );
    sendData(res, page, { meta });
  });
  router.get('/api/admin/providers/:id', async (req, res) => {
    sendData(res, await providers.get(idParam(req)));
  });
  router.post('/api/admin/providers/:id/verify', async (req, res) => {
    const id = idParam(req);
    const { reason } = ZReasonRequest.parse(req.body);
    sendData(res, await providers.setVerified(actorOf(req), id, true, reason));
  });
  router.post('/api/admin/providers/:id/unverify', async (req, res) => {
    const id = idParam(req);
    const { reason } = ZReasonRequest.parse(req.body);
    sendData(res, await providers.setVerified(actorOf(req), id, false, reason));
  });
  router.post('/api/admin/provider-documents/:id/approve', async (req, res) => {
    const id = idParam(req);
    const { reason } = ZOptionalReasonRequest.parse(req.body ?? {});
    sendData(res, await providers.reviewDocument(actorOf(req), id, 'verified', reason));
  });
  router.post('/api/admin/provider-documents/:id/reject', async (req, res) => {
    const id = idParam(req);
    const { reason } = ZReasonRequest.parse(req.body);
    sendData(res, await providers.reviewDocument(actorOf(req), id, 'rejected', reason));
  });
};
