import { afterCommit, inTransaction, type Db } from '../../db/client';
import { AppError, ErrorCode } from '../../platform/errors';
import type { Logger } from '../../platform/logger';
import type { PubSub } from '../../platform/pubsub/pubsub';
import type { RetryPolicy } from '../../platform/queue/job-queue';
import { createGatewayRefundSender } from './gateway-refund-sender';
import { lockBooking } from './ledger.repo';
import { CURRENCY, type Ledger } from './ledger.service';
import type { GatewayEvent, PaymentGateway } from './payment-gateway';
import {
  findOpenBookingOrder,
  findPaidBookingOrders,
  findUserOrder,
  findUserOrderByGatewayId,
  insertGatewayRefund,
  insertPaymentOrder,
  lockOrderByGatewayId,
  markOrderFailed,
  markOrderPaid,
  recordWebhookEvent,
  type PaymentOrderRow,
} from './payments.repo';
import { testPaymentId } from './test-gateway';

/** Runs in the transaction that marks a booking's order paid, so the booking can follow. */
export type BookingPaidListener = (
  tx: Db,
  paid: { bookingId: string; orderId: string; amountPaise: number; transactionId: string },
) => Promise<void>;

/**
 * Published after an online payment for a booking commits. Wallet, cash and refund postings run
 * inside the bookings module's transactions and are announced by its status events.
 */
export const PAYMENT_SETTLED_CHANNEL = 'payments.settled';
export type PaymentSettled = { orderId: string; bookingId: string; amountPaise: number };

const notFound = () => new AppError(ErrorCode.NOT_FOUND, 'Payment order not found');

/**
 * Gateway orders and their confirmation. An order is paid only by a verified checkout signature,
 * a verified webhook, or (test gateway only) the test pay route; each confirmation is idempotent
 * and `paid` is final, so duplicate and out-of-order events reach the same state.
 */
export const createPaymentsService = ({
  db,
  gateway,
  ledger,
  logger,
  pubsub,
  refundRetry,
  sendsRefunds = true,
}: {
  db: Db;
  gateway: PaymentGateway;
  ledger: Ledger;
  logger: Logger;
  pubsub: PubSub;
  /** How gateway refunds are retried while the gateway fails; see `DEFAULT_REFUND_RETRY`. */
  refundRetry?: RetryPolicy;
  /**
   * False when `db` is a transaction someone else commits (the demo seed): a sender bound to it
   * could not run once it has ended; the server's sweep sends those refunds instead.
   */
  sendsRefunds?: boolean;
}) => {
  const bookingPaidListeners: BookingPaidListener[] = [];
  const sender = createGatewayRefundSender({ db, gateway, logger, retry: refundRetry });
  const refunds = sendsRefunds ? sender : { ...sender, sendSoon: () => undefined };

  /** An unpaid order of the current gateway carries its checkout, whenever it is read. */
  const payable = (order: PaymentOrderRow) =>
    order.status === 'created' && order.gateway === gateway.name;

  const view = (order: PaymentOrderRow) => ({
    id: order.id,
    purpose: order.purpose,
    bookingId: order.bookingId,
    gateway: order.gateway,
    gatewayOrderId: order.gatewayOrderId,
    amountPaise: order.amountPaise,
    currency: order.currency,
    status: order.status,
    testMode: gateway.testMode,
    createdAt: order.createdAt.toISOString(),
    paidAt: order.paidAt?.toISOString() ?? null,
    ...(payable(order) ? { checkout: gateway.checkoutFor(order.gatewayOrderId) } : {}),
  });

  const createOrder = async (
    {
      userId,
      amountPaise,
      purpose,
      bookingId = null,
    }: {
      userId: string;
      amountPaise: number;
      purpose: PaymentOrderRow['purpose'];
      bookingId?: string | null;
    },
    into: Db = db,
  ) => {
    const receipt = `${purpose}:${Date.now().toString(36)}`;
    const created = await gateway.createOrder({
      amountPaise,
      currency: CURRENCY,
      receipt,
      notes: { purpose, userId, ...(bookingId ? { bookingId } : {}) },
    });
    const order = await insertPaymentOrder(into, {
      userId,
      purpose,
      bookingId,
      gateway: gateway.name,
      gatewayOrderId: created.gatewayOrderId,
      amountPaise,
      currency: CURRENCY,
    });
    return view(order);
  };

  /** Marks the order paid and posts its money, once; later confirmations return the paid order. */
  const confirmIn = async (
    tx: Db,
    gatewayOrderId: string,
    gatewayPaymentId: string,
    amountPaise?: number,
  ) => {
    const order = await lockOrderByGatewayId(tx, gateway.name, gatewayOrderId);
    if (!order) return undefined;
    if (order.status === 'paid') return order;
    if (amountPaise !== undefined && amountPaise !== order.amountPaise) {
      logger.warn({ orderId: order.id }, 'gateway amount differs from the order; not confirmed');
      return order;
    }
    const reference = `${gateway.name}:${gatewayOrderId}`;
    const posting =
      order.purpose === 'wallet_top_up'
        ? await ledger.topUp(
            { userId: order.userId, amountPaise: order.amountPaise, reference },
            tx,
          )
        : await ledger.recordOnlinePayment(
            { bookingId: order.bookingId!, amountPaise: order.amountPaise, reference },
            tx,
          );
    const paid = await markOrderPaid(tx, order.id, {
      gatewayPaymentId,
      ledgerTransactionId: posting.transactionId,
    });
    if (order.purpose === 'booking') {
      for (const listener of bookingPaidListeners) {
        await listener(tx, {
          bookingId: order.bookingId!,
          orderId: order.id,
          amountPaise: order.amountPaise,
          transactionId: posting.transactionId,
        });
      }
    }
    logger.info({ orderId: order.id, purpose: order.purpose }, 'payment order paid');
    return paid!;
  };

  /** After the commit; a repeated confirmation announces again, which listeners ignore. */
  const announceSettled = async (order: PaymentOrderRow | undefined) => {
    if (order?.status !== 'paid' || order.purpose !== 'booking' || !order.bookingId) return;
    const settled: PaymentSettled = {
      orderId: order.id,
      bookingId: order.bookingId,
      amountPaise: order.amountPaise,
    };
    await pubsub
      .publish(PAYMENT_SETTLED_CHANNEL, settled)
      .catch((error: unknown) =>
        logger.warn({ err: error, orderId: order.id }, 'payment not published'),
      );
  };

  const confirm = async (gatewayOrderId: string, gatewayPaymentId: string) => {
    const order = await inTransaction(db, (tx) => confirmIn(tx, gatewayOrderId, gatewayPaymentId));
    await announceSettled(order);
    return order;
  };

  const ownOrder = async (userId: string, orderId: string) =>
    (await findUserOrder(db, userId, orderId)) ?? Promise.reject(notFound());

  return {
    createTopUpOrder: ({ userId, amountPaise }: { userId: string; amountPaise: number }) =>
      createOrder({ userId, amountPaise, purpose: 'wallet_top_up' }),

    /** For the bookings module: an online payment for a booking, paid in escrow when confirmed. */
    createBookingOrder: (input: { userId: string; bookingId: string; amountPaise: number }) =>
      createOrder({ ...input, purpose: 'booking' }),

    /**
     * The order a customer pays a booking with after creation: its unpaid order if there is
     * one, else (every earlier attempt failed) a new one. Two tabs asking at once get the same
     * order: two open orders could both be paid. The bookings module decides whether the booking
     * may still be paid.
     */
    openBookingOrder: (input: { userId: string; bookingId: string; amountPaise: number }) =>
      inTransaction(db, async (tx) => {
        await lockBooking(tx, input.bookingId);
        const open = await findOpenBookingOrder(tx, input.bookingId, gateway.name);
        return open ? view(open) : createOrder({ ...input, purpose: 'booking' }, tx);
      }),

    getOrder: async (userId: string, orderId: string) => view(await ownOrder(userId, orderId)),

    /** The checkout's signed answer (Razorpay: `razorpay_payment_id`, `razorpay_signature`). */
    confirmCheckout: async ({
      userId,
      orderId,
      gatewayPaymentId,
      signature,
    }: {
      userId: string;
      orderId: string;
      gatewayPaymentId: string;
      signature: string;
    }) => {
      const order = await ownOrder(userId, orderId);
      if (
        !gateway.verifyCheckout({
          gatewayOrderId: order.gatewayOrderId,
          gatewayPaymentId,
          signature,
        })
      ) {
        throw new AppError(ErrorCode.VALIDATION_ERROR, 'The payment signature is not valid', [
          { path: 'signature', message: 'does not match this order and payment', code: 'custom' },
        ]);
      }
      return view((await confirm(order.gatewayOrderId, gatewayPaymentId))!);
    },

    /** Test gateway only: the customer "pays" in the simulated checkout. */
    payTestOrder: async ({
      userId,
      gatewayOrderId,
    }: {
      userId: string;
      gatewayOrderId: string;
    }) => {
      const order = await findUserOrderByGatewayId(db, userId, 'test', gatewayOrderId);
      if (!order || !gateway.testMode) throw notFound();
      return view((await confirm(gatewayOrderId, testPaymentId()))!);
    },

    /** A verified webhook event; a redelivered event id changes nothing. */
    handleWebhookEvent: async (event: GatewayEvent): Promise<{ duplicate: boolean }> => {
      let paid: PaymentOrderRow | undefined;
      // One transaction: an event is recorded as handled only if handling it committed.
      const handled = await inTransaction(db, async (tx) => {
        const fresh = await recordWebhookEvent(tx, {
          gateway: gateway.name,
          eventId: event.eventId,
          eventType: event.type,
        });
        if (!fresh) return { duplicate: true };
        const gatewayOrderId = event.gatewayOrderId;
        if (gatewayOrderId && event.outcome === 'paid') {
          const paymentId = event.gatewayPaymentId ?? gatewayOrderId;
          paid = await confirmIn(tx, gatewayOrderId, paymentId, event.amountPaise);
        } else if (gatewayOrderId && event.outcome === 'failed') {
          const order = await lockOrderByGatewayId(tx, gateway.name, gatewayOrderId);
          if (order) await markOrderFailed(tx, order.id);
        }
        return { duplicate: false };
      });
      await announceSettled(paid);
      return handled;
    },

    /**
     * Refunds a booking to the methods it was paid with (see `ledger.refund`); online money goes
     * back through the gateway that took it.
     */
    refundBooking: async (
      { bookingId, amountPaise }: { bookingId: string; amountPaise?: number },
      tx?: Db,
    ) =>
      ledger.refund(
        {
          bookingId,
          ...(amountPaise === undefined ? {} : { amountPaise }),
          refundOnline: async (inTx, paise, transactionId) => {
            const [paid] = await findPaidBookingOrders(inTx, bookingId);
            if (!paid?.gatewayPaymentId) throw new Error(`no paid order for booking ${bookingId}`);
            await insertGatewayRefund(inTx, {
              bookingId,
              ledgerTransactionId: transactionId,
              gateway: paid.gateway,
              gatewayPaymentId: paid.gatewayPaymentId,
              amountPaise: paise,
            });
            // Sent as soon as whoever's transaction this is commits it; never if it rolls back.
            afterCommit(inTx, refunds.sendSoon);
          },
        },
        tx,
      ),

    /** Sends every gateway refund that is due (the periodic sweep); how many it tried. */
    sendDueRefunds: refunds.sendDue,

    onBookingPaid: (listener: BookingPaidListener) => {
      bookingPaidListeners.push(listener);
    },
  };
};

export type PaymentsService = ReturnType<typeof createPaymentsService>;
