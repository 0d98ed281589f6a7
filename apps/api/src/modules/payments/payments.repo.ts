import { and, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { gatewayRefunds, paymentOrders, paymentWebhookEvents } from '../../db/schema/payments';

const orderColumns = {
  id: paymentOrders.id,
  userId: paymentOrders.userId,
  purpose: paymentOrders.purpose,
  bookingId: paymentOrders.bookingId,
  gateway: paymentOrders.gateway,
  gatewayOrderId: paymentOrders.gatewayOrderId,
  amountPaise: paymentOrders.amountPaise,
  currency: paymentOrders.currency,
  status: paymentOrders.status,
  gatewayPaymentId: paymentOrders.gatewayPaymentId,
  createdAt: paymentOrders.createdAt,
  paidAt: paymentOrders.paidAt,
};
export type PaymentOrderRow = {
  [K in keyof typeof orderColumns]: (typeof paymentOrders.$inferSelect)[K];
};

export const insertPaymentOrder = async (
  db: Db,
  row: typeof paymentOrders.$inferInsert,
): Promise<PaymentOrderRow> => {
  const [inserted] = await db.insert(paymentOrders).values(row).returning(orderColumns);
  return inserted!;
};

export const findUserOrder = async (db: Db, userId: string, id: string) => {
  const [row] = await db
    .select(orderColumns)
    .from(paymentOrders)
    .where(and(eq(paymentOrders.id, id), eq(paymentOrders.userId, userId)));
  return row;
};

export const findUserOrderByGatewayId = async (
  db: Db,
  userId: string,
  gateway: string,
  gatewayOrderId: string,
) => {
  const [row] = await db
    .select(orderColumns)
    .from(paymentOrders)
    .where(
      and(
        eq(paymentOrders.gateway, gateway),
        eq(paymentOrders.gatewayOrderId, gatewayOrderId),
        eq(paymentOrders.userId, userId),
      ),
    );
  return row;
};

/** The order, locked until the transaction `db` belongs to ends. */
export const lockOrderByGatewayId = async (db: Db, gateway: string, gatewayOrderId: string) => {
  const [row] = await db
    .select(orderColumns)
    .from(paymentOrders)
    .where(
      and(eq(paymentOrders.gateway, gateway), eq(paymentOrders.gatewayOrderId, gatewayOrderId)),
    )
    .for('update');
  return row;
};

export const markOrderPaid = async (
  db: Db,
  id: string,
  {
    gatewayPaymentId,
    ledgerTransactionId,
  }: { gatewayPaymentId: string; ledgerTransactionId: string },
) => {
  const [row] = await db
    .update(paymentOrders)
    .set({ status: 'paid', gatewayPaymentId, ledgerTransactionId, paidAt: sql`now()` })
    .where(and(eq(paymentOrders.id, id), inArray(paymentOrders.status, ['created', 'failed'])))
    .returning(orderColumns);
  return row;
};

/** Only an unpaid order can fail: `paid` is final, whatever order the events arrive in. */
export const markOrderFailed = async (db: Db, id: string) => {
  await db
    .update(paymentOrders)
    .set({ status: 'failed' })
    .where(and(eq(paymentOrders.id, id), eq(paymentOrders.status, 'created')));
};

/** The booking's newest unpaid order on `gateway`, if any. */
export const findOpenBookingOrder = async (db: Db, bookingId: string, gateway: string) => {
  const [row] = await db
    .select(orderColumns)
    .from(paymentOrders)
    .where(
      and(
        eq(paymentOrders.bookingId, bookingId),
        eq(paymentOrders.purpose, 'booking'),
        eq(paymentOrders.gateway, gateway),
        eq(paymentOrders.status, 'created'),
      ),
    )
    .orderBy(desc(paymentOrders.createdAt))
    .limit(1);
  return row;
};

export const findPaidBookingOrders = (db: Db, bookingId: string) =>
  db
    .select({ gateway: paymentOrders.gateway, gatewayPaymentId: paymentOrders.gatewayPaymentId })
    .from(paymentOrders)
    .where(
      and(
        eq(paymentOrders.bookingId, bookingId),
        eq(paymentOrders.purpose, 'booking'),
        eq(paymentOrders.status, 'paid'),
      ),
    );

/** Records a webhook event; false when it was recorded before (a redelivery). */
export const recordWebhookEvent = async (
  db: Db,
  row: { gateway: string; eventId: string; eventType: string },
): Promise<boolean> => {
  const inserted = await db
    .insert(paymentWebhookEvents)
    .values(row)
    .onConflictDoNothing()
    .returning({ eventId: paymentWebhookEvents.eventId });
  return inserted.length > 0;
};

export const insertGatewayRefund = async (db: Db, row: typeof gatewayRefunds.$inferInsert) => {
  await db.insert(gatewayRefunds).values(row);
};

export type GatewayRefundRow = typeof gatewayRefunds.$inferSelect;

/**
 * Takes the most overdue pending gateway refund for one attempt: counts the attempt and moves
 * its next attempt `leaseSeconds` ahead, so no other sender takes it meanwhile, in one statement
 * that holds the row only while it runs (rows another sender is claiming are skipped).
 */
export const claimDueGatewayRefund = async (
  db: Db,
  leaseSeconds: number,
): Promise<GatewayRefundRow | undefined> => {
  const due = db
    .select({ id: gatewayRefunds.id })
    .from(gatewayRefunds)
    .where(and(eq(gatewayRefunds.status, 'pending'), lte(gatewayRefunds.nextAttemptAt, sql`now()`)))
    .orderBy(gatewayRefunds.nextAttemptAt)
    .limit(1)
    .for('update', { skipLocked: true });
  const [row] = await db
    .update(gatewayRefunds)
    .set({
      attempts: sql`${gatewayRefunds.attempts} + 1`,
      nextAttemptAt: sql`now() + make_interval(secs => ${leaseSeconds})`,
      updatedAt: sql`now()`,
    })
    .where(inArray(gatewayRefunds.id, due))
    .returning();
  return row;
};

export const updateGatewayRefund = async (
  db: Db,
  claimed: Pick<GatewayRefundRow, 'id' | 'attempts'>,
  patch: Partial<
    Pick<GatewayRefundRow, 'status' | 'gatewayRefundId' | 'nextAttemptAt' | 'lastError'>
  >,
): Promise<boolean> => {
  const updated = await db
    .update(gatewayRefunds)
    .set({ ...patch, updatedAt: sql`now()` })
    // Only the attempt that claimed it: one whose claim lapsed and was taken over writes nothing.
    .where(
      and(
        eq(gatewayRefunds.id, claimed.id),
        eq(gatewayRefunds.status, 'pending'),
        eq(gatewayRefunds.attempts, claimed.attempts),
      ),
    )
    .returning({ id: gatewayRefunds.id });
  return updated.length > 0;
};
