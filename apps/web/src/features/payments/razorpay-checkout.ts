import type { TRazorpayCheckout } from '@localkart/contracts/payments';

/** The parts of Razorpay's Standard Checkout (checkout.js) this app uses. */
type RazorpaySuccess = {
  razorpay_payment_id: string;
  razorpay_order_id: string;
  razorpay_signature: string;
};
type RazorpayOptions = {
  key: string;
  order_id: string;
  amount: number;
  currency: string;
  name: string;
  description: string;
  prefill?: { name?: string; email?: string; contact?: string };
  theme?: { color: string };
  handler: (response: RazorpaySuccess) => void;
  modal: { ondismiss: () => void };
};
type RazorpayFailure = { error: { description?: string; reason?: string } };
type RazorpayCheckoutInstance = {
  open: () => void;
  on: (event: 'payment.failed', listener: (response: RazorpayFailure) => void) => void;
};
declare global {
  interface Window {
    Razorpay?: new (options: RazorpayOptions) => RazorpayCheckoutInstance;
  }
}

const SCRIPT_URL = 'https://checkout.razorpay.com/v1/checkout.js';
let loading: Promise<void> | undefined;

/** Loads checkout.js once, on first use: pages that take no payment never fetch it. */
const loadCheckout = () =>
  (loading ??= new Promise<void>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = SCRIPT_URL;
    script.async = true;
    script.onload = () => resolve();
    script.onerror = () => {
      loading = undefined;
      script.remove();
      reject(new Error('The payment page could not be loaded'));
    };
    document.head.append(script);
  }));

export type CheckoutOutcome =
  | { kind: 'paid'; gatewayPaymentId: string; signature: string }
  | { kind: 'dismissed' }
  | { kind: 'failed'; reason: string };

/**
 * Opens Razorpay's checkout for an order and settles when the customer is done with it: paid
 * (with the signed proof the API verifies), or closed. A failed attempt leaves the checkout open
 * for another try, so a failure is only reported if the customer then closes it.
 */
export const openRazorpayCheckout = async ({
  checkout,
  amountPaise,
  currency,
  description,
  prefill,
}: {
  checkout: TRazorpayCheckout;
  amountPaise: number;
  currency: string;
  description: string;
  prefill?: RazorpayOptions['prefill'];
}): Promise<CheckoutOutcome> => {
  await loadCheckout();
  const Razorpay = window.Razorpay;
  if (!Razorpay) throw new Error('The payment page could not be loaded');
  return new Promise((resolve) => {
    let lastFailure: string | undefined;
    const instance = new Razorpay({
      key: checkout.keyId,
      order_id: checkout.orderId,
      amount: amountPaise,
      currency,
      name: 'LocalKart',
      description,
      ...(prefill ? { prefill } : {}),
      theme: { color: '#0f766e' },
      handler: (response) =>
        resolve({
          kind: 'paid',
          gatewayPaymentId: response.razorpay_payment_id,
          signature: response.razorpay_signature,
        }),
      modal: {
        ondismiss: () =>
          resolve(lastFailure ? { kind: 'failed', reason: lastFailure } : { kind: 'dismissed' }),
      },
    });
    instance.on('payment.failed', (response) => {
      lastFailure = response.error.description ?? response.error.reason ?? 'Payment failed';
    });
    instance.open();
  });
};
