import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { TRazorpayCheckout } from '@localkart/contracts/payments';
import { AppError, ErrorCode } from '../../platform/errors';
import type { GatewayEvent, PaymentGateway } from './payment-gateway';

export type RazorpayConfig = {
  keyId: string;
  keySecret: string;
  webhookSecret: string;
  apiUrl: string;
};

const REQUEST_TIMEOUT_MS = 10_000;

const hmacHex = (secret: string, message: string | Buffer) =>
  createHmac('sha256', secret).update(message).digest('hex');

/** Constant-time comparison of two hex signatures. */
export const signatureMatches = (expectedHex: string, givenHex: string) => {
  const expected = Buffer.from(expectedHex, 'hex');
  const given = Buffer.from(/^[0-9a-f]+$/i.test(givenHex) ? givenHex : '', 'hex');
  return given.length === expected.length && timingSafeEqual(expected, given);
};

/** Razorpay over its REST API (orders, refunds); the checkout and webhooks are signed with HMAC. */
export const createRazorpayGateway = (config: RazorpayConfig): PaymentGateway => {
  const authorization = `Basic ${Buffer.from(`${config.keyId}:${config.keySecret}`).toString('base64')}`;

  const call = async <T>(
    path: string,
    body: unknown,
    headers: Record<string, string> = {},
  ): Promise<T> => {
    let response: Response;
    try {
      response = await fetch(new URL(path, config.apiUrl), {
        method: 'POST',
        headers: { authorization, 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch {
      throw new AppError(ErrorCode.SERVICE_UNAVAILABLE, 'The payment gateway is unreachable');
    }
    const payload = (await response.json().catch(() => undefined)) as
      (T & { error?: { description?: string } }) | undefined;
    if (response.status >= 500 || !payload) {
      throw new AppError(ErrorCode.SERVICE_UNAVAILABLE, 'The payment gateway is unavailable');
    }
    if (!response.ok) {
      throw new AppError(
        ErrorCode.CONFLICT,
        `The payment gateway refused: ${payload.error?.description ?? response.status}`,
      );
    }
    return payload;
  };

  return {
    name: 'razorpay',
    testMode: false,
    createOrder: async ({ amountPaise, currency, receipt, notes }) => {
      const order = await call<{ id: string }>('/v1/orders', {
        amount: amountPaise,
        currency,
        receipt,
        notes,
      });
      return { gatewayOrderId: order.id };
    },
    checkoutFor: (gatewayOrderId): TRazorpayCheckout => ({
      keyId: config.keyId,
      orderId: gatewayOrderId,
    }),
    verifyCheckout: ({ gatewayOrderId, gatewayPaymentId, signature }) =>
      signatureMatches(
        hmacHex(config.keySecret, `${gatewayOrderId}|${gatewayPaymentId}`),
        signature,
      ),
    refund: async ({ gatewayPaymentId, amountPaise, receipt, notes }) => {
      const refund = await call<{ id: string }>(
        `/v1/payments/${encodeURIComponent(gatewayPaymentId)}/refund`,
        { amount: amountPaise, receipt, notes },
        // Razorpay answers a repeated key with the refund it already made, never a second one.
        { 'x-refund-idempotency': receipt },
      );
      return { gatewayRefundId: refund.id };
    },
  };
};

type RazorpayWebhook = {
  event?: string;
  id?: string;
  payload?: {
    payment?: { entity?: { id?: string; order_id?: string; amount?: number; status?: string } };
    order?: { entity?: { id?: string; amount_paid?: number; status?: string } };
  };
};

const outcomeOf: Record<string, GatewayEvent['outcome']> = {
  'payment.captured': 'paid',
  'order.paid': 'paid',
  'payment.failed': 'failed',
};

/**
 * Checks `X-Razorpay-Signature` (HMAC-SHA256 of the raw body with the webhook secret) and reads
 * the event; undefined when the signature is wrong. The event id is Razorpay's
 * `X-Razorpay-Event-Id` header (else the payload's `id`, else a hash of the body).
 */
export const readRazorpayWebhook = (
  webhookSecret: string,
  rawBody: Buffer,
  headers: { signature?: string; eventId?: string },
): GatewayEvent | undefined => {
  if (!headers.signature || !signatureMatches(hmacHex(webhookSecret, rawBody), headers.signature))
    return undefined;
  let body: RazorpayWebhook;
  try {
    body = JSON.parse(rawBody.toString('utf8')) as RazorpayWebhook;
  } catch {
    return undefined;
  }
  const type = body.event ?? 'unknown';
  const payment = body.payload?.payment?.entity;
  const order = body.payload?.order?.entity;
  return {
    eventId: headers.eventId ?? body.id ?? createHash('sha256').update(rawBody).digest('hex'),
    type,
    outcome: outcomeOf[type] ?? 'ignored',
    gatewayOrderId: payment?.order_id ?? order?.id,
    gatewayPaymentId: payment?.id,
    amountPaise: payment?.amount ?? order?.amount_paid,
  };
};
