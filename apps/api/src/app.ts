import express, { type Router } from 'express';
import type { Config } from './config';
import type { Database } from './db/client';
import type { Cache } from './platform/cache/cache';
import { errorHandler, notFoundHandler } from './platform/http/error-handler';
import { chain, under } from './platform/http/chain';
import { json } from './platform/http/json-response';
import { enteredByPrefix } from './platform/http/router-prefixes';
import { requestBody } from './platform/http/request-body';
import { createMetrics } from './platform/http/metrics';
import { createRateLimiter } from './platform/http/rate-limit';
import { requestLogging } from './platform/http/request-logging';
import { corsPolicy, securityHeaders } from './platform/http/security-headers';
import type { Logger } from './platform/logger';
import type { PubSub } from './platform/pubsub/pubsub';
import type { JobQueue } from './platform/queue/job-queue';
import type { Redis } from 'ioredis';
import type { PhoneProtection } from './modules/users/phone-protection';
import type { Mailer } from './platform/mail/mailer';
import { UPLOADS_URL_PATH } from './platform/storage/local-storage';
import { serveUploads } from './platform/storage/serve-uploads';
import { ADMIN_MOUNT_PATH, serveAdminApp, serveWebApp } from './platform/http/web-app';
import type { PrivateStorage, Storage } from './platform/storage/storage';
import { createAccountsModule } from './modules/accounts.module';
import { createAiModule } from './modules/ai/ai.module';
import { createTaxonomyModule } from './modules/taxonomy/taxonomy.module';
import { createProviderAnalyticsModule } from './modules/provider-analytics/provider-analytics.module';
import { createProvidersModule } from './modules/providers/providers.module';
import { createReviewsModule } from './modules/reviews/reviews.module';
import { createSearchModule } from './modules/search/search.module';
import { createPaymentsModule } from './modules/payments/payments.module';
import { createBookingsModule } from './modules/bookings/bookings.module';
import { createNotificationsModule } from './modules/notifications/notifications.module';
import { createAdminModule } from './modules/admin/admin.module';
import { disconnectUser } from './modules/realtime/disconnect-user';
import { createMessagesModule } from './modules/messages/messages.module';
import { createPresence } from './modules/realtime/presence';
import type { RealtimeModules } from './modules/realtime/realtime.gateway';
import { RAZORPAY_WEBHOOK_PATH } from './modules/payments/payments.routes';
import { docsRoutes } from './modules/system/docs.routes';
import { createHealthService } from './modules/system/health.service';
import { healthRoutes, ping } from './modules/system/system.routes';
import packageJson from '../package.json' with { type: 'json' };

export type AppDeps = {
  config: Config;
  logger: Logger;
  database: Database;
  cache: Cache;
  pubsub: PubSub;
  /** Background jobs (e-mail sending): BullMQ on Redis, else in-process. */
  jobs: JobQueue;
  /** Present when REDIS_URL is set; shared rate-limit counters live there. */
  redis?: Redis;
  phones: PhoneProtection;
  mailer: Mailer;
  storage: Storage;
  /** Owner-and-admin files (provider documents); read only through the API, never `/uploads`. */
  privateStorage: PrivateStorage;
};

/** Work the server runs on a timer (server.ts); tests call it directly. */
export type BackgroundTasks = {
  /** Cancels online bookings whose payment did not come in time; how many it cancelled. */
  expireUnpaidBookings: (now?: Date) => Promise<number>;
  /** Sends the gateway refunds that are due (new ones, and retries after a gateway failure). */
  sendDueRefunds: () => Promise<number>;
};

/**
 * Builds the Express app without listening, and what the realtime gateway (`attachRealtime`)
 * needs from the modules. `routers` are the domain modules' routes, mounted after the platform
 * middleware and before the 404 and error handlers.
 */
export const buildApp = (
  deps: AppDeps,
  { routers = [] }: { routers?: Router[] } = {},
): { app: express.Express; realtime: RealtimeModules; background: BackgroundTasks } => {
  const { config, logger } = deps;
  const app = express();
  app.disable('x-powered-by');
  // API responses are small and rarely repeated; hashing each body for an ETag is wasted work.
  app.set('etag', false);
  app.set('trust proxy', config.TRUST_PROXY);
  app.response.json = json;

  const metrics = config.METRICS_ENABLED ? createMetrics() : undefined;
  app.use(
    chain([
      ...(metrics ? [metrics.middleware] : []),
      requestLogging(logger),
      securityHeaders(config),
      corsPolicy(config),
      // Before the rate limit: load balancers and Prometheus poll these often.
      // Entered only for /health and /metrics, though every request passes here.
      enteredByPrefix(
        healthRoutes({
          health: createHealthService(deps),
          ...(metrics ? { metricsHandler: metrics.handler } : {}),
        }),
      ),
      under('/api/', createRateLimiter(deps, { name: 'api' })),
      requestBody({ rawPaths: [RAZORPAY_WEBHOOK_PATH] }),
    ]),
  );
  app.get('/api/ping', ping);
  app.use(enteredByPrefix(docsRoutes({ version: packageJson.version })));
  const accounts = createAccountsModule(deps);
  const { guard } = accounts;
  const taxonomy = createTaxonomyModule(deps);
  const providers = createProvidersModule(deps, { guard, taxonomy: taxonomy.taxonomy });
  const payments = createPaymentsModule(deps, { guard });
  const bookings = createBookingsModule(deps, {
    guard,
    payments,
    providers: providers.providers,
    changes: providers.changes,
  });
  const presence = createPresence(deps);
  const messages = createMessagesModule(deps, { guard, presence });
  const notifications = createNotificationsModule(deps, { guard });
  const modules = [
    accounts,
    taxonomy,
    // Before providers: `POST /api/providers/generate-profile` is the AI service's.
    createAiModule(deps, { guard }),
    // Before providers too: `GET /api/providers/analytics` is not a provider id.
    createProviderAnalyticsModule(deps, { guard, providers: providers.providers }),
    // Before providers too: `GET /api/providers/bookings` is not a provider id.
    bookings,
    providers,
    createReviewsModule(deps, { guard, providers: providers.providers }),
    createSearchModule(deps, { ...providers, taxonomy: taxonomy.taxonomy }),
    payments,
    messages,
    notifications,
    createAdminModule(deps, {
      guard,
      sessions: accounts.sessions,
      providers: providers.providers,
      bookings: bookings.bookings,
      ledger: payments.ledger,
      notifyDocumentReviewed: notifications.notifyDocumentReviewed,
      disconnectUser: (userId) => disconnectUser(deps.pubsub, userId),
      readBookingMessages: async (admin, bookingId) =>
        (await messages.messages.listBookingMessages(admin, bookingId, { limit: 50 })).page,
    }),
  ];
  for (const router of [...modules.flatMap((module) => module.routers), ...routers]) {
    app.use(enteredByPrefix(router));
  }
  // An S3 bucket serves its own objects; local ones are served here.
  if (deps.storage.kind === 'local')
    app.use(UPLOADS_URL_PATH, serveUploads(deps.storage.directory));
  // The admin panel at `/admin`, the web app at `/` with its client routes; neither answers for
  // /api, /uploads, /health or /socket.io.
  app.use(ADMIN_MOUNT_PATH, serveAdminApp());
  app.use(serveWebApp());

  app.use(notFoundHandler);
  app.use(errorHandler);
  return {
    app,
    realtime: { messages: messages.messages, feed: messages.feed, guard, presence },
    background: {
      expireUnpaidBookings: bookings.bookings.expireUnpaidOnline,
      sendDueRefunds: payments.payments.sendDueRefunds,
    },
  };
};

/** The Express app alone, for servers without sockets (some benches and tests). */
export const createApp = (deps: AppDeps, options: { routers?: Router[] } = {}) =>
  buildApp(deps, options).app;
