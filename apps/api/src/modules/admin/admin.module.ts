import type { Router } from 'express';
import type { AppDeps } from '../../app';
import type { TMessagePage } from '@localkart/contracts/messages';
import type { AuthenticatedUser, AuthGuard } from '../auth/auth.guard';
import type { Sessions } from '../auth/sessions.service';
import { createBookingAdministration } from '../bookings/booking-administration.service';
import { bookingPolicyOf } from '../bookings/booking-rules';
import type { BookingsService } from '../bookings/bookings.service';
import { createLedgerAdministration } from '../payments/ledger-administration.service';
import type { Ledger } from '../payments/ledger.service';
import { resolveRange } from '../provider-analytics/analytics-range';
import { todayIn } from '../providers/provider-schedule.service';
import { createProviderVerification } from '../providers/provider-verification.service';
import type { ProvidersService } from '../providers/providers.service';
import { createReviewModeration } from '../reviews/review-moderation.service';
import { createTaxonomyAdministration } from '../taxonomy/taxonomy-administration.service';
import { createUserAdministration } from '../users/user-administration.service';
import { createAdminBookings } from './admin-bookings.service';
import { createAdminPayments } from './admin-payments.service';
import { createAdminProviders, type DocumentReviewedNotice } from './admin-providers.service';
import { createAdminReviews } from './admin-reviews.service';
import { createAdminTaxonomy } from './admin-taxonomy.service';
import { createAdminUsers } from './admin-users.service';
import { adminRoutes } from './admin.routes';
import { ADMIN_TIME_ZONE, createAuditLog } from './audit-log.service';
import { createPlatformAnalytics } from './platform-analytics.service';

/**
 * The admin API (`/api/admin/*`, admins only): users, provider verification, bookings, money,
 * review moderation, the taxonomy, platform analytics and the audit log. It changes other
 * modules' data only through their exported services; every change is audited.
 */
export const createAdminModule = (
  deps: AppDeps,
  {
    guard,
    sessions,
    providers,
    bookings,
    ledger,
    notifyDocumentReviewed,
    disconnectUser,
    readBookingMessages,
  }: {
    guard: AuthGuard;
    sessions: Pick<Sessions, 'endAll'>;
    providers: ProvidersService;
    bookings: BookingsService;
    ledger: Ledger;
    notifyDocumentReviewed: (notice: DocumentReviewedNotice) => Promise<unknown>;
    disconnectUser: (userId: string) => Promise<void>;
    readBookingMessages: (admin: AuthenticatedUser, bookingId: string) => Promise<TMessagePage>;
  },
) => {
  const { config, phones } = deps;
  const db = deps.database.db;
  const audit = createAuditLog({ db });
  const verification = createProviderVerification({ db, providers });
  // Reports default to the last 30 days of India's calendar, at most 731 days.
  const range = (query: { from?: string | undefined; to?: string | undefined }) =>
    resolveRange(query, todayIn(ADMIN_TIME_ZONE, new Date()));
  const routers: Router[] = [
    adminRoutes({
      guard,
      audit,
      users: createAdminUsers({
        users: createUserAdministration({ db, sessions }),
        verification,
        providers,
        phones,
        audit,
        disconnect: disconnectUser,
      }),
      providers: createAdminProviders({ verification, audit, notifyDocumentReviewed }),
      bookings: createAdminBookings({
        bookings: createBookingAdministration({
          db,
          bookings,
          ledger,
          policy: bookingPolicyOf(config),
        }),
        audit,
        readMessages: readBookingMessages,
      }),
      payments: createAdminPayments({
        ledger: createLedgerAdministration({ db, ledger, timeZone: ADMIN_TIME_ZONE }),
        verification,
        audit,
        resolveRange: range,
      }),
      reviews: createAdminReviews({
        moderation: createReviewModeration({ db, providers }),
        audit,
      }),
      taxonomy: createAdminTaxonomy({ taxonomy: createTaxonomyAdministration({ db }), audit }),
      analytics: createPlatformAnalytics({ db, timeZone: ADMIN_TIME_ZONE, resolveRange: range }),
    }),
  ];
  return { audit, routers };
};
