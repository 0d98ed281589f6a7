import { Router } from 'express';
import { ZUpdateProfileRequest } from '@localkart/contracts/users';
import { sendData } from '../../platform/http/envelope';
import { callerOf, type AuthGuard } from '../auth/auth.guard';
import type { UsersService } from './users.service';

export const usersRoutes = ({
  users,
  guard,
}: {
  users: UsersService;
  guard: AuthGuard;
}): Router => {
  const router = Router();
  router.get('/api/users/profile', guard.requireAuth, async (req, res) => {
    sendData(res, await users.getProfile(callerOf(req).userId));
  });
  router.put('/api/users/profile', guard.requireAuth, async (req, res) => {
    const change = ZUpdateProfileRequest.parse(req.body);
    sendData(res, await users.updateProfile(callerOf(req).userId, change));
  });
  return router;
};
