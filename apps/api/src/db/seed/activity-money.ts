import type { Db } from '../client';
import type { Logger } from '../../platform/logger';
import { createMemoryPubSub } from '../../platform/pubsub/memory-pubsub';
import { bookingMoney } from '../../modules/bookings/booking-money';
import { createLedger } from '../../modules/payments/ledger.service';
import { createPaymentsService } from '../../modules/payments/payments.service';
import { createTestGateway } from '../../modules/payments/test-gateway';
import { MINUTE_MS } from './activity-clock';
import type { PaymentMethod } from './activity-plan';
import type { TBookingStatus } from '@localkart/contracts/bookings';

/** A gateway order and when it was made and paid, to date it as the demo story has it. */
export type DatedOrder = { orderId: string; createdAt: Date; paidAt: Date };

export type BookingPayment = {
  paymentStatus: 'pending' | 'paid' | 'refunded';
  paymentTransactionId: string | null;
  order: DatedOrder | null;
};

export type MoneyBooking = {
  id: string;
  customerId: string;
  providerId: string;
  paymentMethod: PaymentMethod;
  status: TBookingStatus;
  basePricePaise: number;
  additionalChargesPaise: number;
  cancellationFeePaise: number;
  createdAt: Date;
  /** When it was completed or cancelled, for a booking that was. */
  lastChangedAt: Date;
};

/** How long the customer takes in the (test) checkout. */
const CHECKOUT_MS = 2 * MINUTE_MS;

/**
 * The real ledger and payments service (built-in test gateway, as the embedded default runs) on
 * the seed's transaction; which moves follow a completion or a cancellation is the bookings
 * module's `bookingMoney`, as the service makes them. Nothing subscribes to its events: demo
 * history sends no notifications.
 */
export const openDemoMoney = (
  tx: Db,
  { commissionBps, logger }: { commissionBps: number; logger: Logger },
) => {
  // Each movement is dated when the demo story has it happen, not when the seed runs.
  let postingTime = new Date();
  const ledger = createLedger({ db: tx, commissionBps, postedAt: () => postingTime });
  const payments = createPaymentsService({
    db: tx,
    gateway: createTestGateway(),
    ledger,
    // Not a line per demo order at start-up; warnings still show.
    logger: logger.child({}, { level: 'warn' }),
    pubsub: createMemoryPubSub(),
    sendsRefunds: false,
  });
  const paidOnline = new Map<string, string>();
  payments.onBookingPaid((_tx, { bookingId, transactionId }) => {
    paidOnline.set(bookingId, transactionId);
    return Promise.resolve();
  });

  /** The customer pays a gateway order in the test checkout, as `POST …/test-gateway/orders/:id/pay`. */
  const payOrder = async (
    userId: string,
    order: { id: string; gatewayOrderId: string },
    at: Date,
  ): Promise<DatedOrder> => {
    const paidAt = new Date(at.getTime() + CHECKOUT_MS);
    postingTime = paidAt;
    await payments.payTestOrder({ userId, gatewayOrderId: order.gatewayOrderId });
    return { orderId: order.id, createdAt: at, paidAt };
  };

  const topUpWallet = async ({
    userId,
    amountPaise,
    at,
  }: {
    userId: string;
    amountPaise: number;
    at: Date;
  }) => payOrder(userId, await payments.createTopUpOrder({ userId, amountPaise }), at);

  /** Payment when booking: the wallet at once, online through the gateway; cash waits. */
  const payWhenBooked = async (b: MoneyBooking): Promise<BookingPayment> => {
    const amountPaise = b.basePricePaise;
    if (b.paymentMethod === 'wallet') {
      postingTime = b.createdAt;
      const paid = await ledger.payFromWallet(
        { bookingId: b.id, userId: b.customerId, amountPaise },
        tx,
      );
      return { paymentStatus: 'paid', paymentTransactionId: paid.transactionId, order: null };
    }
    if (b.paymentMethod === 'online') {
      const order = await payments.createBookingOrder({
        userId: b.customerId,
        bookingId: b.id,
        amountPaise,
      });
      const dated = await payOrder(b.customerId, order, b.createdAt);
      return { paymentStatus: 'paid', paymentTransactionId: paidOnline.get(b.id)!, order: dated };
    }
    return { paymentStatus: 'pending', paymentTransactionId: null, order: null };
  };

  const afterwards = bookingMoney({ ledger, payments });

  const complete = async (b: MoneyBooking, payment: BookingPayment): Promise<BookingPayment> => {
    postingTime = b.lastChangedAt;
    const cashTransactionId = await afterwards.complete(tx, {
      ...b,
      totalAmountPaise: b.basePricePaise + b.additionalChargesPaise,
    });
    return cashTransactionId
      ? { ...payment, paymentStatus: 'paid', paymentTransactionId: cashTransactionId }
      : payment;
  };

  const refundCancelled = async (
    b: MoneyBooking,
    payment: BookingPayment,
  ): Promise<BookingPayment> => {
    postingTime = b.lastChangedAt;
    const refunded = await afterwards.refundCancelled(tx, {
      ...b,
      paymentStatus: payment.paymentStatus,
      totalAmountPaise: b.basePricePaise,
    });
    return refunded ? { ...payment, paymentStatus: 'refunded' } : payment;
  };

  /** Every money movement of the booking's life, in order; what its payment columns end as. */
  const postBookingMoney = async (b: MoneyBooking): Promise<BookingPayment> => {
    const paid = await payWhenBooked(b);
    if (b.status === 'completed') return complete(b, paid);
    if (b.status === 'cancelled') return refundCancelled(b, paid);
    return paid;
  };

  return { topUpWallet, postBookingMoney };
};

export type DemoMoney = ReturnType<typeof openDemoMoney>;
