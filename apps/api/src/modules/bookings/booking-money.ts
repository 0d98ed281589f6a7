import type { Db } from '../../db/client';
import type { Ledger } from '../payments/ledger.service';
import type { PaymentsService } from '../payments/payments.service';
import type { BookingRow } from './bookings.repo';

type Completed = Pick<
  BookingRow,
  'id' | 'providerId' | 'paymentMethod' | 'totalAmountPaise' | 'additionalChargesPaise'
>;
type Cancelled = Pick<
  BookingRow,
  'id' | 'providerId' | 'paymentStatus' | 'totalAmountPaise' | 'cancellationFeePaise'
>;

/**
 * The ledger moves that follow a booking's completion or cancellation, inside the caller's
 * transaction. The bookings service makes them as the changes happen; the demo seed replays
 * them for its history, so both keep the same books.
 */
export const bookingMoney = ({
  ledger,
  payments,
}: {
  ledger: Ledger;
  payments: PaymentsService;
}) => ({
  /**
   * Cash is collected on completion (extra charges on prepaid bookings are too), then the
   * booking is settled: commission and the provider's earnings. Returns the cash transaction
   * that pays a cash booking.
   */
  complete: async (tx: Db, booking: Completed): Promise<string | undefined> => {
    const cashPaise =
      booking.paymentMethod === 'cash' ? booking.totalAmountPaise : booking.additionalChargesPaise;
    let cashTransactionId: string | undefined;
    if (cashPaise > 0) {
      const cash = await ledger.recordCashPayment(
        { bookingId: booking.id, providerId: booking.providerId, amountPaise: cashPaise },
        tx,
      );
      if (booking.paymentMethod === 'cash') cashTransactionId = cash.transactionId;
    }
    await ledger.settleCompletedBooking(
      { bookingId: booking.id, providerId: booking.providerId },
      tx,
    );
    return cashTransactionId;
  },

  /**
   * What a cancelled booking holds goes back to its original method, net of its fee; the fee
   * goes to the provider. Returns whether anything was refunded.
   */
  refundCancelled: async (tx: Db, booking: Cancelled): Promise<boolean> => {
    if (booking.paymentStatus !== 'paid') return false;
    const refundPaise = booking.totalAmountPaise - booking.cancellationFeePaise;
    if (refundPaise > 0)
      await payments.refundBooking({ bookingId: booking.id, amountPaise: refundPaise }, tx);
    if (booking.cancellationFeePaise > 0)
      await ledger.settleCompletedBooking(
        { bookingId: booking.id, providerId: booking.providerId },
        tx,
      );
    return refundPaise > 0;
  },
});
