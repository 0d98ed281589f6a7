import { Router } from 'express';
import { ZUpdateProfileRequest } from '@localkart/contracts/users';
import { sendData } from '../../platform/http/envelope';
import { singleFileUpload, uploadedBytesOf } from '../../platform/uploads/file-upload';
import { callerOf, type AuthGuard } from '../auth/auth.guard';
import { AVATAR_UPLOAD, type AvatarService } from './avatar.service';
import type { UsersService } from './users.service';

export const usersRoutes = ({
  users,
  avatars,
  guard,
}: {
  users: UsersService;
  avatars: AvatarService;
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
  // Signed in first, so an anonymous body is never parsed.
  router.post(
    '/api/users/upload-avatar',
    guard.requireAuth,
    singleFileUpload(AVATAR_UPLOAD),
    async (req, res) => {
      const upload = uploadedBytesOf(req, AVATAR_UPLOAD.field);
      sendData(res, await avatars.replaceAvatar(callerOf(req).userId, upload));
    },
  );
  return router;
};
