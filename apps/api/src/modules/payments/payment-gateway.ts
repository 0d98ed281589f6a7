/** What the rest of the payments module needs from a payment gateway (Razorpay or the test one). */
export type PaymentGateway = {
  readonly name: 'razorpay' | 'test';
  /** True for the built-in test gateway: no real money moves. */
  readonly testMode: boolean;
  createOrder(order: {
    amountPaise: number;
    currency: string;
    receipt: string;
    notes: Record<string, string>;
  }): Promise<{ gatewayOrderId: string }>;
  /** What a client needs to open the checkout for an unpaid order (any time, not only at creation). */
  checkoutFor(gatewayOrderId: string): Record<string, unknown>;
  /** The checkout's proof that `gatewayPaymentId` paid `gatewayOrderId`. */
  verifyCheckout(proof: {
    gatewayOrderId: string;
    gatewayPaymentId: string;
    signature: string;
  }): boolean;
  /**
   * Refunds part or all of a payment. `receipt` is our refund's id: asked again with the same
   * receipt (after a timeout or a crash between the gateway's answer and our commit), the
   * gateway's earlier refund is returned instead of refunding twice.
   */
  refund(refund: {
    gatewayPaymentId: string;
    amountPaise: number;
    receipt: string;
    notes: Record<string, string>;
  }): Promise<{ gatewayRefundId: string }>;
};

/** A webhook event reduced to what changes an order: it was paid, it failed, or neither. */
export type GatewayEvent = {
  eventId: string;
  type: string;
  outcome: 'paid' | 'failed' | 'ignored';
  gatewayOrderId?: string;
  gatewayPaymentId?: string;
  amountPaise?: number;
};
