import type { TBooking } from '@localkart/contracts/bookings';
import type { Db } from '../../db/client';
import type { Within } from '../../db/within';
import { AppError, ErrorCode } from '../../platform/errors';
import type { AuthenticatedUser } from '../auth/auth.guard';
import type { Ledger } from '../payments/ledger.service';
import type { BookingPolicy } from './booking-rules';
import { toBooking } from './booking-views';
import {
  countSearchedBookings,
  searchBookings,
  type BookingSearch,
  type BookingSort,
} from './booking-search.repo';
import { findBooking, listHistory } from './bookings.repo';
import type { BookingChange, BookingsService } from './bookings.service';

export type ForceCancellation = BookingChange & { refundedPaise: number };

/**
 * What admins do with bookings beyond the parties' own actions: search all of them, read one with
 * its whole status history (disputes), and force-cancel one. The cancellation goes through the
 * bookings service as an admin, whose cancellations carry no fee, so the refund is always full.
 */
export const createBookingAdministration = ({
  db,
  bookings,
  ledger,
  policy,
}: {
  db: Db;
  bookings: Pick<BookingsService, 'cancel'>;
  ledger: Pick<Ledger, 'bookingHeld'>;
  policy: BookingPolicy;
}) => {
  const search = async (
    filter: BookingSearch,
    sort: BookingSort,
    page: { limit: number; offset: number },
  ): Promise<{ bookings: TBooking[]; total: number }> => {
    const [rows, total] = await Promise.all([
      searchBookings(db, filter, sort, page),
      countSearchedBookings(db, filter),
    ]);
    return { bookings: rows.map((row) => toBooking(row, policy)), total };
  };

  const detail = async (bookingId: string) => {
    const row = await findBooking(db, bookingId);
    if (!row) throw new AppError(ErrorCode.NOT_FOUND, 'Booking not found');
    const history = await listHistory(db, bookingId);
    return {
      booking: toBooking(row, policy),
      history: history.map((entry) => ({
        fromStatus: entry.fromStatus,
        toStatus: entry.toStatus,
        actorRole: entry.actorRole,
        reason: entry.reason,
        createdAt: entry.createdAt.toISOString(),
      })),
    };
  };

  /**
   * Cancels as `admin` (pending or confirmed bookings; others get the service's 409). Whatever
   * the booking held is refunded in full to how it was paid; `refundedPaise` is what left escrow.
   * `within` runs in the cancellation's transaction, after the refund.
   */
  const forceCancel = async (
    admin: AuthenticatedUser,
    bookingId: string,
    reason: string,
    { within }: Within<ForceCancellation> = {},
  ): Promise<ForceCancellation> => {
    if (admin.role !== 'admin') throw new AppError(ErrorCode.AUTHORIZATION_ERROR, 'Admins only');
    const { booking: before } = await detail(bookingId);
    const heldBefore = await ledger.bookingHeld(bookingId);
    let refundedPaise = 0;
    const after = await bookings.cancel(admin, bookingId, reason, {
      within: async (tx, change) => {
        refundedPaise = heldBefore - (await ledger.bookingHeld(bookingId, tx));
        await within?.(tx, { ...change, refundedPaise });
      },
    });
    return { before, after, refundedPaise };
  };

  return { search, detail, forceCancel };
};

export type BookingAdministration = ReturnType<typeof createBookingAdministration>;
