import { randomBytes } from 'node:crypto';
import type { PaymentGateway } from './payment-gateway';

const id = (prefix: string) => `${prefix}_test_${randomBytes(9).toString('base64url')}`;

/**
 * The built-in gateway for the embedded default: orders exist only in our database and are paid
 * through `POST /api/payments/test-gateway/orders/:id/pay`. No real money moves; every response
 * carries `testMode: true`. A checkout signature is never accepted, so the only way to pay is the
 * test route, which confirms the order as a verified webhook would.
 */
export const createTestGateway = (): PaymentGateway => {
  const refunds = new Map<string, string>();
  return {
    name: 'test',
    testMode: true,
    createOrder: () => Promise.resolve({ gatewayOrderId: id('order') }),
    checkoutFor: (gatewayOrderId) => ({
      payUrl: `/api/payments/test-gateway/orders/${gatewayOrderId}/pay`,
    }),
    verifyCheckout: () => false,
    refund: ({ receipt }) => {
      const gatewayRefundId = refunds.get(receipt) ?? id('rfnd');
      refunds.set(receipt, gatewayRefundId);
      return Promise.resolve({ gatewayRefundId });
    },
  };
};

export const testPaymentId = () => id('pay');
