import { Router } from 'express';
import type { RequestHandler } from 'express';
import { ErrorCode } from '../../platform/errors';
import { sendData } from '../../platform/http/envelope';
import type { HealthService } from './health.service';

/** `GET /api/ping`: the API process answers, touching no dependency. */
export const ping: RequestHandler = (_req, res) => {
  sendData(res, { pong: true, time: new Date().toISOString() });
};

export const healthRoutes = ({
  health,
  metricsHandler,
}: {
  health: HealthService;
  metricsHandler?: RequestHandler;
}): Router => {
  const router = Router();
  router.get('/health', async (_req, res) => {
    const report = await health.checkHealth();
    res.setHeader('Cache-Control', 'no-store');
    if (report.status === 'unhealthy') {
      res.setHeader('Retry-After', '5');
      res.status(503).json({
        success: false,
        error: {
          code: ErrorCode.SERVICE_UNAVAILABLE,
          message: 'The database is unreachable',
          details: report,
        },
      });
      return;
    }
    sendData(res, report);
  });
  if (metricsHandler) router.get('/metrics', metricsHandler);
  return router;
};
