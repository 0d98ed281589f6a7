import type { Router } from 'express';
import type { AppDeps } from '../../app';
import type { AuthGuard } from '../auth/auth.guard';
import type { PaymentsModule } from '../payments/payments.module';
import type { ProviderChangeFeed } from '../providers/provider-changes';
import type { ProvidersService } from '../providers/providers.service';
import { bookingPolicyOf } from './booking-rules';
import { bookingsRoutes } from './bookings.routes';
import { createBookingsService } from './bookings.service';

/**
 * Bookings: creation with server-side checks and pricing, the status machine, money moves in the
 * same transaction as each change, and the lists of customers and providers.
 */
export const createBookingsModule = (
  deps: AppDeps,
  {
    guard,
    payments,
    providers,
    changes,
  }: {
    guard: AuthGuard;
    payments: PaymentsModule;
    providers: ProvidersService;
    changes: ProviderChangeFeed;
  },
) => {
  const { config, database, pubsub, logger } = deps;
  const bookings = createBookingsService({
    db: database.db,
    ledger: payments.ledger,
    payments: payments.payments,
    policy: bookingPolicyOf(config),
    pubsub,
    logger,
    providerChanged: (providerId, categories) =>
      categories ? changes.publish({ providerId, categories }) : providers.announce(providerId),
  });
  const routers: Router[] = [bookingsRoutes({ bookings, guard, idempotent: payments.idempotent })];
  return { bookings, routers };
};

export type BookingsModule = ReturnType<typeof createBookingsModule>;
