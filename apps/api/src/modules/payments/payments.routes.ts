import { Router } from 'express';
import {
  ZConfirmPaymentRequest,
  ZPaymentOrderParams,
  ZTestGatewayOrderParams,
} from '@localkart/contracts/payments';
import { AppError, ErrorCode } from '../../platform/errors';
import { sendData } from '../../platform/http/envelope';
import type { Idempotency } from '../../platform/http/idempotency';
import { callerOf, type AuthGuard } from '../auth/auth.guard';
import type { GatewayEvent } from './payment-gateway';
import type { PaymentsService } from './payments.service';

export const RAZORPAY_WEBHOOK_PATH = '/api/payments/webhooks/razorpay';

/**
 * Mounted before the app's JSON parser: the webhook signature covers the exact bytes sent, so
 * this route alone reads its body raw.
 */
export const paymentsRoutes = ({
  payments,
  guard,
  idempotent,
  testGatewayRoutes,
  readWebhook,
}: {
  payments: PaymentsService;
  guard: AuthGuard;
  idempotent: Idempotency;
  /** The simulated checkout: only with the test gateway, never in production. */
  testGatewayRoutes: boolean;
  /** Verifies and reads a Razorpay webhook; absent when Razorpay is not configured. */
  readWebhook?: (
    rawBody: Buffer,
    headers: { signature?: string; eventId?: string },
  ) => GatewayEvent | undefined;
}): Router => {
  const router = Router();
  router.get('/api/payments/orders/:id', guard.requireAuth, async (req, res) => {
    const { id } = ZPaymentOrderParams.parse(req.params);
    sendData(res, await payments.getOrder(callerOf(req).userId, id));
  });
  router.post(
    '/api/payments/orders/:id/confirm',
    guard.requireAuth,
    idempotent,
    async (req, res) => {
      const { id } = ZPaymentOrderParams.parse(req.params);
      const proof = ZConfirmPaymentRequest.parse(req.body);
      sendData(
        res,
        await payments.confirmCheckout({ userId: callerOf(req).userId, orderId: id, ...proof }),
      );
    },
  );
  if (testGatewayRoutes) {
    router.post(
      '/api/payments/test-gateway/orders/:gatewayOrderId/pay',
      guard.requireAuth,
      idempotent,
      async (req, res) => {
        const { gatewayOrderId } = ZTestGatewayOrderParams.parse(req.params);
        sendData(
          res,
          await payments.payTestOrder({ userId: callerOf(req).userId, gatewayOrderId }),
        );
      },
    );
  }
  if (readWebhook) {
    router.post(RAZORPAY_WEBHOOK_PATH, async (req, res) => {
      const rawBody = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const event = readWebhook(rawBody, {
        signature: req.get('X-Razorpay-Signature'),
        eventId: req.get('X-Razorpay-Event-Id'),
      });
      if (!event) throw new AppError(ErrorCode.VALIDATION_ERROR, 'Invalid webhook signature');
      sendData(res, await payments.handleWebhookEvent(event));
    });
  }
  return router;
};
