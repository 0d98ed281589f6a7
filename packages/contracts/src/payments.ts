import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { successEnvelope } from './envelope';
import { bearer, error, json } from './openapi-helpers';

export const MAX_WALLET_PAGE_SIZE = 100;
/** ₹1 to ₹1,00,000 per top-up. */
export const MIN_TOP_UP_PAISE = 100;
export const MAX_TOP_UP_PAISE = 10_000_000;

export const ZWalletQuery = z
  .object({
    page: z.coerce.number().int().min(1).max(10_000).default(1),
    /** Above the maximum is clamped, not refused. */
    limit: z.coerce
      .number()
      .int()
      .min(1)
      .transform((limit) => Math.min(limit, MAX_WALLET_PAGE_SIZE))
      .default(20),
  })
  .strict();
export type TWalletQuery = z.infer<typeof ZWalletQuery>;

export const ZLedgerTransactionKind = z.enum([
  'wallet_top_up',
  'wallet_payment',
  'online_payment',
  'cash_payment',
  'refund',
  'settlement',
  'payout',
]);

export const ZWalletTransaction = z
  .object({
    id: z.uuid().meta({ description: 'The ledger entry on this wallet' }),
    transactionId: z.uuid(),
    kind: ZLedgerTransactionKind,
    bookingId: z.uuid().nullable(),
    description: z.string(),
    amountPaise: z
      .number()
      .int()
      .meta({ description: 'Signed: credits positive, debits negative' }),
    direction: z.enum(['credit', 'debit']),
    currency: z.string().length(3),
    createdAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'WalletTransaction' });
export type TWalletTransaction = z.infer<typeof ZWalletTransaction>;

export const ZWallet = z
  .object({
    balancePaise: z.number().int().min(0),
    currency: z.literal('INR'),
    transactions: z.array(ZWalletTransaction),
  })
  .meta({ id: 'Wallet', description: 'Balance and one page of transactions, newest first' });
export type TWallet = z.infer<typeof ZWallet>;

export const ZTopUpRequest = z
  .strictObject({
    amountPaise: z
      .number()
      .int('must be whole paise')
      .min(MIN_TOP_UP_PAISE, 'must be at least ₹1 (100 paise)')
      .max(MAX_TOP_UP_PAISE, 'must be at most ₹1,00,000'),
  })
  .meta({ id: 'TopUpRequest' });
export type TTopUpRequest = z.infer<typeof ZTopUpRequest>;

/** What Razorpay's Standard Checkout (checkout.js) needs to take the payment of an order. */
export const ZRazorpayCheckout = z.object({ keyId: z.string().min(1), orderId: z.string().min(1) });
export type TRazorpayCheckout = z.infer<typeof ZRazorpayCheckout>;

export const ZPaymentOrder = z
  .object({
    id: z.uuid(),
    purpose: z.enum(['wallet_top_up', 'booking']),
    bookingId: z.uuid().nullable(),
    gateway: z.enum(['razorpay', 'test']),
    gatewayOrderId: z.string(),
    amountPaise: z.number().int().positive(),
    currency: z.string().length(3),
    status: z.enum(['created', 'paid', 'failed']),
    testMode: z.boolean().meta({ description: 'True on the built-in test gateway: no real money' }),
    createdAt: z.iso.datetime({ offset: true }),
    paidAt: z.iso.datetime({ offset: true }).nullable(),
    checkout: z.record(z.string(), z.unknown()).optional().meta({
      description:
        'What the client needs to open the checkout: Razorpay `keyId` and `orderId`, or the test gateway `payUrl`',
    }),
  })
  .meta({ id: 'PaymentOrder' });
export type TPaymentOrder = z.infer<typeof ZPaymentOrder>;

export const ZConfirmPaymentRequest = z
  .strictObject({
    gatewayPaymentId: z.string().trim().min(1).max(64).meta({ description: 'razorpay_payment_id' }),
    signature: z.string().trim().min(1).max(128).meta({ description: 'razorpay_signature' }),
  })
  .meta({ id: 'ConfirmPaymentRequest' });
export type TConfirmPaymentRequest = z.infer<typeof ZConfirmPaymentRequest>;

export const ZPaymentOrderParams = z.object({ id: z.uuid() });
export const ZTestGatewayOrderParams = z.object({
  gatewayOrderId: z.string().regex(/^order_test_[\w-]{1,32}$/),
});

// ---- OpenAPI ----

const idempotencyHeader = z.object({
  'idempotency-key': z.string().max(255).optional().meta({
    description:
      'Optional. The same key and body within 24 h replays the first response; another body → 409; while the first still runs → 409 with Retry-After.',
  }),
});

export const paymentsPaths = {
  '/api/users/wallet': {
    get: {
      summary: 'The wallet balance and its transactions',
      description:
        'Balance in paise (derived from the ledger) and one page of entries, newest first.',
      tags: ['Payments'],
      security: bearer,
      requestParams: { query: ZWalletQuery },
      responses: {
        '200': {
          description: 'Wallet; `meta` has page, limit, total, hasNext',
          ...json(successEnvelope(ZWallet)),
        },
        '400': error('Invalid page or limit'),
        '401': error('Not signed in'),
      },
    },
  },
  '/api/users/wallet/top-up': {
    post: {
      summary: 'Start a wallet top-up',
      description:
        'Creates a gateway order for the amount. The wallet is credited only when the gateway confirms the payment (a verified checkout signature or webhook), never on the client’s word.',
      tags: ['Payments'],
      security: bearer,
      requestParams: { header: idempotencyHeader },
      requestBody: json(ZTopUpRequest),
      responses: {
        '201': { description: 'The order to pay', ...json(successEnvelope(ZPaymentOrder)) },
        '400': error('Invalid amount'),
        '401': error('Not signed in'),
        '409': error('Idempotency-Key reused with another body, or still in progress'),
        '503': error('The payment gateway is unavailable'),
      },
    },
  },
  '/api/payments/orders/{id}': {
    get: {
      summary: 'One of the caller’s payment orders',
      tags: ['Payments'],
      security: bearer,
      requestParams: { path: ZPaymentOrderParams },
      responses: {
        '200': { description: 'Order', ...json(successEnvelope(ZPaymentOrder)) },
        '404': error('No such order of the caller'),
      },
    },
  },
  '/api/payments/orders/{id}/confirm': {
    post: {
      summary: 'Confirm a payment with the checkout’s signature',
      description:
        'Razorpay checkout returns `razorpay_payment_id` and `razorpay_signature`; the signature (HMAC-SHA256 of `order_id|payment_id`) is verified before the order is marked paid. Confirming again returns the paid order.',
      tags: ['Payments'],
      security: bearer,
      requestParams: { path: ZPaymentOrderParams, header: idempotencyHeader },
      requestBody: json(ZConfirmPaymentRequest),
      responses: {
        '200': { description: 'The paid order', ...json(successEnvelope(ZPaymentOrder)) },
        '400': error('Signature does not match'),
        '404': error('No such order of the caller'),
      },
    },
  },
  '/api/payments/test-gateway/orders/{gatewayOrderId}/pay': {
    post: {
      summary: 'Test mode only: pay an order in the simulated checkout',
      description:
        'Exists only while Razorpay is not configured (and never in production). Confirms the order exactly as a verified webhook would.',
      tags: ['Payments'],
      security: bearer,
      requestParams: { path: ZTestGatewayOrderParams, header: idempotencyHeader },
      responses: {
        '200': {
          description: 'The paid order (`testMode: true`)',
          ...json(successEnvelope(ZPaymentOrder)),
        },
        '404': error('No such test order of the caller'),
      },
    },
  },
  '/api/payments/webhooks/razorpay': {
    post: {
      summary: 'Razorpay webhook',
      description:
        'Verified on the raw body with `X-Razorpay-Signature` (HMAC-SHA256, webhook secret). Events are handled once by `X-Razorpay-Event-Id`; `payment.captured` and `order.paid` mark the order paid in either order; `payment.failed` never undoes a payment.',
      tags: ['Payments'],
      responses: {
        '200': {
          description: 'Event handled or ignored',
          ...json(successEnvelope(z.object({ duplicate: z.boolean() }))),
        },
        '400': error('Missing or wrong signature'),
      },
    },
  },
} satisfies ZodOpenApiPathsObject;
