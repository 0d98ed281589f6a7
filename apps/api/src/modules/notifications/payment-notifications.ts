import type { Db } from '../../db/client';
import { findBooking, findBookingParties } from '../bookings/bookings.repo';
import { listBookingMoneyMovements } from '../payments/ledger.repo';
import type { PaymentMethod } from './notification-texts';
import type { Delivery } from './notifications.service';

const METHOD = {
  wallet_payment: 'wallet',
  online_payment: 'online',
  cash_payment: 'cash',
} as const satisfies Record<string, PaymentMethod>;

/**
 * The notifications for every payment and refund the ledger holds for the booking: the provider
 * is told of each payment, the customer gets its receipt and is told of the refund. Keyed by the
 * ledger transaction, so asking again after each booking or payment event adds only what is new.
 * The ledger, not the events, is the record of money: a payment posted inside another module's
 * transaction (wallet at booking, cash at completion, refund at cancellation) is found here after
 * that transaction's own event.
 */
export const paymentDeliveries = async (db: Db, bookingId: string): Promise<Delivery[]> => {
  const movements = await listBookingMoneyMovements(db, bookingId);
  if (movements.length === 0) return [];
  const [parties, booking] = await Promise.all([
    findBookingParties(db, bookingId),
    findBooking(db, bookingId),
  ]);
  if (!parties || !booking) return [];
  const service = booking.serviceTitle;
  return movements.flatMap(({ transactionId, kind, amountPaise }): Delivery[] => {
    const data = { bookingId, transactionId };
    if (kind === 'refund') {
      return [
        {
          userId: parties.customerId,
          facts: { type: 'payment_refunded', service, amountPaise },
          data,
          eventKey: `refund:${transactionId}`,
        },
      ];
    }
    if (!(kind in METHOD)) return [];
    const method = METHOD[kind as keyof typeof METHOD];
    const eventKey = `payment:${transactionId}`;
    return [
      {
        userId: parties.providerUserId,
        facts: { type: 'payment_received', service, amountPaise, method },
        data,
        eventKey,
      },
      {
        userId: parties.customerId,
        facts: { type: 'payment_receipt', service, amountPaise, method },
        data,
        eventKey,
      },
    ];
  });
};
