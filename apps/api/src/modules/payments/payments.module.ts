import type { Router } from 'express';
import type { AppDeps } from '../../app';
import { createIdempotency } from '../../platform/http/idempotency';
import type { AuthGuard } from '../auth/auth.guard';
import { createLedger } from './ledger.service';
import type { PaymentGateway } from './payment-gateway';
import { paymentsRoutes } from './payments.routes';
import { createPaymentsService } from './payments.service';
import { createRazorpayGateway, readRazorpayWebhook } from './razorpay-gateway';
import { createTestGateway } from './test-gateway';
import { walletRoutes } from './wallet.routes';
import { createWalletService } from './wallet.service';

/**
 * The payment service: the double-entry ledger (wallets, escrow, commission, provider earnings),
 * gateway orders (Razorpay, or the built-in test gateway when Razorpay is not configured),
 * webhooks, and the `Idempotency-Key` middleware other modules apply to their own calls.
 */
export const createPaymentsModule = (deps: AppDeps, { guard }: { guard: AuthGuard }) => {
  const { config, database, logger, pubsub } = deps;
  const db = database.db;
  const razorpay =
    config.RAZORPAY_KEY_ID && config.RAZORPAY_KEY_SECRET && config.RAZORPAY_WEBHOOK_SECRET
      ? {
          keyId: config.RAZORPAY_KEY_ID,
          keySecret: config.RAZORPAY_KEY_SECRET,
          webhookSecret: config.RAZORPAY_WEBHOOK_SECRET,
          apiUrl: config.RAZORPAY_API_URL,
        }
      : undefined;
  const gateway: PaymentGateway = razorpay ? createRazorpayGateway(razorpay) : createTestGateway();
  const ledger = createLedger({ db, commissionBps: config.PLATFORM_COMMISSION_BPS });
  const payments = createPaymentsService({ db, gateway, ledger, logger, pubsub });
  const wallet = createWalletService({ ledger });
  const idempotent = createIdempotency({ db, logger });
  const routers: Router[] = [
    walletRoutes({ wallet, payments, guard, idempotent }),
    paymentsRoutes({
      payments,
      guard,
      idempotent,
      testGatewayRoutes: gateway.testMode && config.NODE_ENV !== 'production',
      ...(razorpay
        ? {
            readWebhook: (rawBody: Buffer, headers: { signature?: string; eventId?: string }) =>
              readRazorpayWebhook(razorpay.webhookSecret, rawBody, headers),
          }
        : {}),
    }),
  ];
  return { ledger, payments, wallet, gateway, idempotent, routers };
};

export type PaymentsModule = ReturnType<typeof createPaymentsModule>;
