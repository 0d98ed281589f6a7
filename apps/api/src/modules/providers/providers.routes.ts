import { Router, type Request } from 'express';
import { z } from 'zod';
import {
  ZCreateAvailabilityExceptionRequest,
  ZCreateProviderServiceRequest,
  ZCreateServiceAreaRequest,
  ZDocumentUploadFields,
  ZPortfolioUploadFields,
  ZRegisterProviderRequest,
  ZReplaceAvailabilityRequest,
  ZUpdateProviderProfileRequest,
  ZUpdateProviderServiceRequest,
} from '@localkart/contracts/providers';
import { AppError, ErrorCode } from '../../platform/errors';
import { sendData } from '../../platform/http/envelope';
import { singleFileUpload, uploadedBytesOf } from '../../platform/uploads/file-upload';
import { callerOf, type AuthGuard } from '../auth/auth.guard';
import {
  DOCUMENT_UPLOAD,
  PORTFOLIO_UPLOAD,
  type ProviderMediaService,
} from './provider-media.service';
import type { ProviderScheduleService } from './provider-schedule.service';
import type { ProvidersService } from './providers.service';
import type { PublicProfileService } from './public-profile.service';

/** A malformed id is as unknown as a missing one: 404, never 400 or 500. */
const idOf = (req: Request): string => {
  const parsed = z.uuid().safeParse(req.params.id);
  if (!parsed.success) throw new AppError(ErrorCode.NOT_FOUND, 'Not found');
  return parsed.data;
};

export const providersRoutes = ({
  providers,
  schedule,
  media,
  publicProfiles,
  guard,
}: {
  providers: ProvidersService;
  schedule: ProviderScheduleService;
  media: ProviderMediaService;
  publicProfiles: PublicProfileService;
  guard: AuthGuard;
}): Router => {
  const router = Router();
  const asProvider = [guard.requireAuth, guard.requireRole('provider')];
  const me = (req: Request) => callerOf(req).userId;

  router.post('/api/providers/register', guard.requireAuth, async (req, res) => {
    const request = ZRegisterProviderRequest.parse(req.body);
    sendData(res, await providers.register(me(req), request), { status: 201 });
  });
  router.get('/api/providers/profile', ...asProvider, async (req, res) => {
    sendData(res, await providers.getProfile(me(req)));
  });
  router.put('/api/providers/profile', ...asProvider, async (req, res) => {
    const change = ZUpdateProviderProfileRequest.parse(req.body);
    sendData(res, await providers.updateProfile(me(req), change));
  });

  router.get('/api/providers/services', ...asProvider, async (req, res) => {
    sendData(res, await providers.listOwnServices(me(req)));
  });
  router.post('/api/providers/services', ...asProvider, async (req, res) => {
    const request = ZCreateProviderServiceRequest.parse(req.body);
    sendData(res, await providers.addService(me(req), request), { status: 201 });
  });
  router.put('/api/providers/services/:id', ...asProvider, async (req, res) => {
    const id = idOf(req);
    const change = ZUpdateProviderServiceRequest.parse(req.body);
    sendData(res, await providers.changeService(me(req), id, change));
  });
  router.delete('/api/providers/services/:id', ...asProvider, async (req, res) => {
    await providers.removeService(me(req), idOf(req));
    res.status(204).end();
  });

  router.post('/api/providers/service-areas', ...asProvider, async (req, res) => {
    const request = ZCreateServiceAreaRequest.parse(req.body);
    sendData(res, await providers.addArea(me(req), request), { status: 201 });
  });
  router.delete('/api/providers/service-areas/:id', ...asProvider, async (req, res) => {
    await providers.removeArea(me(req), idOf(req));
    res.status(204).end();
  });

  router.put('/api/providers/availability', ...asProvider, async (req, res) => {
    const request = ZReplaceAvailabilityRequest.parse(req.body);
    sendData(res, await schedule.replaceAvailability(me(req), request));
  });
  router.get('/api/providers/availability/exceptions', ...asProvider, async (req, res) => {
    sendData(res, await schedule.listUpcomingExceptions(me(req)));
  });
  router.post('/api/providers/availability/exceptions', ...asProvider, async (req, res) => {
    const request = ZCreateAvailabilityExceptionRequest.parse(req.body);
    sendData(res, await schedule.addException(me(req), request), { status: 201 });
  });
  router.delete('/api/providers/availability/exceptions/:id', ...asProvider, async (req, res) => {
    await schedule.removeException(me(req), idOf(req));
    res.status(204).end();
  });

  // Signed in first, so an anonymous body is never parsed.
  router.post(
    '/api/providers/portfolio',
    ...asProvider,
    singleFileUpload(PORTFOLIO_UPLOAD),
    async (req, res) => {
      const upload = uploadedBytesOf(req, PORTFOLIO_UPLOAD.field);
      const { description } = ZPortfolioUploadFields.parse(req.body ?? {});
      sendData(res, await media.addPortfolioItem(me(req), upload, description), { status: 201 });
    },
  );
  router.delete('/api/providers/portfolio/:id', ...asProvider, async (req, res) => {
    await media.removePortfolioItem(me(req), idOf(req));
    res.status(204).end();
  });
  router.get('/api/providers/documents', ...asProvider, async (req, res) => {
    sendData(res, await media.listOwnDocuments(me(req)));
  });
  router.post(
    '/api/providers/documents',
    ...asProvider,
    singleFileUpload(DOCUMENT_UPLOAD),
    async (req, res) => {
      const { type } = ZDocumentUploadFields.parse(req.body ?? {});
      const upload = uploadedBytesOf(req, DOCUMENT_UPLOAD.field);
      sendData(res, await media.addDocument(me(req), upload, type), { status: 201 });
    },
  );
  // Any signed-in role may ask; the service answers 404 unless the caller owns it or is an admin.
  router.get('/api/providers/documents/:id/file', guard.requireAuth, async (req, res) => {
    const file = await media.documentFile(callerOf(req), idOf(req));
    res
      .status(200)
      .set({
        'Content-Type': file.contentType,
        'Content-Length': String(file.body.length),
        'Content-Disposition': `attachment; filename="${file.filename}"`,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'private, no-store',
        'Content-Security-Policy': "default-src 'none'; sandbox",
      })
      .end(file.body);
  });

  // Last: `/api/providers/profile` and the other fixed paths above must win over `:id`.
  router.get('/api/providers/:id', async (req, res) => {
    sendData(res, await publicProfiles.getPublicProfile(idOf(req)));
  });
  return router;
};
