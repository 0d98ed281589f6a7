import type { Router } from 'express';
import { ZAuditLogQuery, ZReportQuery } from '@localkart/contracts/admin';
import { sendData } from '../../platform/http/envelope';
import type { AuditLog } from './audit-log.service';
import type { PlatformAnalytics } from './platform-analytics.service';

export const adminReportsRoutes = (
  router: Router,
  { analytics, audit }: { analytics: PlatformAnalytics; audit: AuditLog },
) => {
  router.get('/api/admin/analytics', async (req, res) => {
    sendData(res, await analytics.report(ZReportQuery.parse(req.query)));
  });
  router.get('/api/admin/audit-log', async (req, res) => {
    const { entries, meta } = await audit.list(ZAuditLogQuery.parse(req.query));
    sendData(res, entries, { meta });
  });
};
