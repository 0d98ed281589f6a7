import { Router } from 'express';
import type { AuthGuard } from '../auth/auth.guard';
import { adminBookingsRoutes } from './admin-bookings.routes';
import type { AdminBookings } from './admin-bookings.service';
import { adminPaymentsRoutes } from './admin-payments.routes';
import type { AdminPayments } from './admin-payments.service';
import { adminProvidersRoutes } from './admin-providers.routes';
import type { AdminProviders } from './admin-providers.service';
import { adminReportsRoutes } from './admin-reports.routes';
import { adminReviewsRoutes } from './admin-reviews.routes';
import type { AdminReviews } from './admin-reviews.service';
import { adminTaxonomyRoutes } from './admin-taxonomy.routes';
import type { AdminTaxonomy } from './admin-taxonomy.service';
import { adminUsersRoutes } from './admin-users.routes';
import type { AdminUsers } from './admin-users.service';
import type { AuditLog } from './audit-log.service';
import type { PlatformAnalytics } from './platform-analytics.service';

export const ADMIN_PATH = '/api/admin';

/**
 * Every admin route, on one router behind one gate: anything under /api/admin needs a signed-in
 * admin (401 anonymous, 403 other roles) before a route even parses its input, so no admin
 * route can be added without the check.
 */
export const adminRoutes = ({
  guard,
  ...areas
}: {
  guard: AuthGuard;
  users: AdminUsers;
  providers: AdminProviders;
  bookings: AdminBookings;
  payments: AdminPayments;
  reviews: AdminReviews;
  taxonomy: AdminTaxonomy;
  analytics: PlatformAnalytics;
  audit: AuditLog;
}): Router => {
  const router = Router();
  router.use(ADMIN_PATH, guard.requireAuth, guard.requireRole('admin'));
  adminUsersRoutes(router, areas.users);
  adminProvidersRoutes(router, areas.providers);
  adminBookingsRoutes(router, areas.bookings);
  adminPaymentsRoutes(router, areas.payments);
  adminReviewsRoutes(router, areas.reviews);
  adminTaxonomyRoutes(router, areas.taxonomy);
  adminReportsRoutes(router, areas);
  return router;
};
