import type { Router } from 'express';
import { ZAdminUsersQuery, ZChangeRoleRequest, ZReasonRequest } from '@localkart/contracts/admin';
import { sendData } from '../../platform/http/envelope';
import { actorOf, idParam } from './admin-page';
import type { AdminUsers } from './admin-users.service';

export const adminUsersRoutes = (router: Router, users: AdminUsers) => {
  router.get('/api/admin/users', async (req, res) => {
    const { users: page, meta } = await users.search(ZAdminUsersQuery.parse(req.query));
    sendData(res, page, { meta });
  });
  router.get('/api/admin/users/:id', async (req, res) => {
    sendData(res, await users.get(idParam(req)));
  });
  router.post('/api/admin/users/:id/suspend', async (req, res) => {
    const id = idParam(req);
    const { reason } = ZReasonRequest.parse(req.body);
    sendData(res, await users.suspend(actorOf(req), id, reason));
  });
  router.post('/api/admin/users/:id/reactivate', async (req, res) => {
    const id = idParam(req);
    const { reason } = ZReasonRequest.parse(req.body);
    sendData(res, await users.reactivate(actorOf(req), id, reason));
  });
  router.put('/api/admin/users/:id/role', async (req, res) => {
    const id = idParam(req);
    sendData(res, await users.changeRole(actorOf(req), id, ZChangeRoleRequest.parse(req.body)));
  });
};
