import { createHmac, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

const rid = (prefix: string) => `${prefix}_${randomBytes(7).toString('hex')}`;

export const hmacHex = (secret: string, message: string) =>
  createHmac('sha256', secret).update(message).digest('hex');

type Recorded = {
  method: string;
  path: string;
  authorization?: string;
  idempotencyKey?: string;
  body: unknown;
};

const readJson = async (req: IncomingMessage): Promise<unknown> => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
};

/**
 * A local server speaking the parts of Razorpay's REST API we call (orders and refunds), with
 * Basic auth checked and Razorpay's error shape, recording every request.
 */
export const startFakeRazorpay = async ({
  keyId,
  keySecret,
}: {
  keyId: string;
  keySecret: string;
}) => {
  const requests: Recorded[] = [];
  const expectedAuth = `Basic ${Buffer.from(`${keyId}:${keySecret}`).toString('base64')}`;
  let failNext = 0;
  let loseNextAnswers = 0;
  let hold: { arrived: () => void; released: Promise<void> } | undefined;
  /** Refunds by `X-Refund-Idempotency` key: a repeated key gets the refund already made. */
  const refundsByKey = new Map<string, object>();
  const server = createServer((req, res) => {
    void (async () => {
      const body = await readJson(req);
      const path = req.url ?? '';
      requests.push({
        method: req.method ?? '',
        path,
        authorization: req.headers.authorization,
        ...(typeof req.headers['x-refund-idempotency'] === 'string'
          ? { idempotencyKey: req.headers['x-refund-idempotency'] }
          : {}),
        body,
      });
      const send = (status: number, payload: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(payload));
      };
      if (failNext > 0) {
        failNext -= 1;
        return send(502, { error: { code: 'SERVER_ERROR', description: 'upstream' } });
      }
      if (req.headers.authorization !== expectedAuth) {
        return send(401, {
          error: { code: 'BAD_REQUEST_ERROR', description: 'Authentication failed' },
        });
      }
      const input = body as {
        amount?: number;
        currency?: string;
        receipt?: string;
        notes?: object;
      };
      if (req.method === 'POST' && path === '/v1/orders') {
        if (!Number.isInteger(input.amount) || (input.amount ?? 0) < 100) {
          return send(400, {
            error: {
              code: 'BAD_REQUEST_ERROR',
              description: 'The amount must be atleast INR 1.00',
            },
          });
        }
        return send(200, {
          id: rid('order'),
          entity: 'order',
          amount: input.amount,
          amount_paid: 0,
          amount_due: input.amount,
          currency: input.currency,
          receipt: input.receipt,
          offer_id: null,
          status: 'created',
          attempts: 0,
          notes: input.notes ?? [],
          created_at: Math.floor(Date.now() / 1000),
        });
      }
      const refund = /^\/v1\/payments\/(pay_\w+)\/refund$/.exec(path);
      if (req.method === 'POST' && refund) {
        if (hold) {
          const { arrived, released } = hold;
          hold = undefined;
          arrived();
          await released;
        }
        const key = req.headers['x-refund-idempotency'];
        const made = (typeof key === 'string' && refundsByKey.get(key)) || {
          id: rid('rfnd'),
          entity: 'refund',
          amount: input.amount,
          currency: 'INR',
          payment_id: refund[1],
          notes: input.notes ?? [],
          receipt: input.receipt ?? null,
          status: 'processed',
          speed_processed: 'normal',
          created_at: Math.floor(Date.now() / 1000),
        };
        if (typeof key === 'string') refundsByKey.set(key, made);
        if (loseNextAnswers > 0) {
          // The refund is made, but the answer never arrives (a timeout on our side).
          loseNextAnswers -= 1;
          return send(504, { error: { code: 'GATEWAY_ERROR', description: 'timeout' } });
        }
        return send(200, made);
      }
      return send(404, {
        error: {
          code: 'BAD_REQUEST_ERROR',
          description: 'The requested URL was not found on the server.',
        },
      });
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    failNextRequests: (count: number) => {
      failNext = count;
    },
    /** The next `count` refunds are made but answered with a 504, as a lost answer. */
    loseNextRefundAnswers: (count: number) => {
      loseNextAnswers = count;
    },
    /** The next refund request waits for `release()`; `arrived` settles when it comes in. */
    holdNextRefund: () => {
      let arrived!: () => void;
      let release!: () => void;
      const came = new Promise<void>((resolve) => (arrived = resolve));
      hold = { arrived, released: new Promise<void>((resolve) => (release = resolve)) };
      return { arrived: came, release };
    },
    /** Distinct refunds made (a repeated idempotency key counts once). */
    refundsMade: () => new Set(refundsByKey.values()).size,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};

/** A webhook body as Razorpay sends it for `event` on one order and payment. */
export const razorpayEvent = (
  event: 'payment.authorized' | 'payment.captured' | 'payment.failed' | 'order.paid',
  { orderId, paymentId, amount }: { orderId: string; paymentId: string; amount: number },
) => {
  const payment = {
    entity: {
      id: paymentId,
      entity: 'payment',
      amount,
      currency: 'INR',
      status:
        event === 'payment.failed'
          ? 'failed'
          : event === 'payment.authorized'
            ? 'authorized'
            : 'captured',
      order_id: orderId,
      method: 'upi',
      captured: event === 'payment.captured' || event === 'order.paid',
      vpa: 'customer@okhdfcbank',
      created_at: Math.floor(Date.now() / 1000),
    },
  };
  const order = {
    entity: {
      id: orderId,
      entity: 'order',
      amount,
      amount_paid: amount,
      amount_due: 0,
      currency: 'INR',
      status: 'paid',
    },
  };
  return JSON.stringify({
    entity: 'event',
    account_id: 'acc_TestAccount01',
    event,
    contains: event === 'order.paid' ? ['payment', 'order'] : ['payment'],
    payload: event === 'order.paid' ? { payment, order } : { payment },
    created_at: Math.floor(Date.now() / 1000),
  });
};

/** Headers Razorpay sends with a webhook: the body's HMAC-SHA256 and a unique event id. */
export const razorpayWebhookHeaders = (secret: string, body: string, eventId = rid('evt')) => ({
  'content-type': 'application/json',
  'x-razorpay-signature': hmacHex(secret, body),
  'x-razorpay-event-id': eventId,
});
