import type { TPaymentOrder } from '@localkart/contracts/payments';
import { RazorpayPayment } from './razorpay-payment';
import { TestPayment } from './test-payment';

/** Pays a gateway order with the checkout of the gateway that made it. */
export const OrderPayment = (props: { order: TPaymentOrder; onDone: () => void }) =>
  props.order.testMode ? <TestPayment {...props} /> : <RazorpayPayment {...props} />;
