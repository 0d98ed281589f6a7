import type {
  TAdminBookingDetail,
  TAdminBookingsQuery,
  TForceCancelResult,
} from '@localkart/contracts/admin';
import type { TMessagePage } from '@localkart/contracts/messages';
import type { AuthenticatedUser } from '../auth/auth.guard';
import type {
  BookingAdministration,
  ForceCancellation,
} from '../bookings/booking-administration.service';
import { metaOf, pageOf } from './admin-page';
import type { Actor, AuditLog } from './audit-log.service';

/** The booking fields an audit entry keeps: status and money, not addresses. */
const auditState = (booking: TForceCancelResult['booking']) => ({
  status: booking.status,
  payment: booking.payment,
  pricing: booking.pricing,
});

export const createAdminBookings = ({
  bookings,
  audit,
  readMessages,
}: {
  bookings: BookingAdministration;
  audit: AuditLog;
  /** The booking's chat as the messages module shows it to an admin (first page). */
  readMessages: (admin: AuthenticatedUser, bookingId: string) => Promise<TMessagePage>;
}) => {
  const search = async (query: TAdminBookingsQuery) => {
    const { sort, order, page, limit, ...filter } = query;
    const found = await bookings.search(filter, { sort, order }, pageOf({ page, limit }));
    return { bookings: found.bookings, meta: metaOf(query, found.total) };
  };

  /** Cancels with a full refund (admins pay no fee), logging what moved in the same transaction. */
  const forceCancel = async (
    actor: Actor,
    bookingId: string,
    reason: string,
  ): Promise<TForceCancelResult> => {
    const { after, refundedPaise } = await bookings.forceCancel(
      actor,
      bookingId,
      reason,
      audit.within(actor, (change: ForceCancellation) => ({
        action: 'booking.force_cancel',
        targetType: 'booking',
        targetId: bookingId,
        before: auditState(change.before),
        after: { ...auditState(change.after), refundedPaise: change.refundedPaise },
        reason,
      })),
    );
    return { booking: after, refundedPaise };
  };

  /** For disputes: the booking, every status change with who and why, and the chat. */
  const detail = async (actor: Actor, bookingId: string): Promise<TAdminBookingDetail> => {
    const { booking, history } = await bookings.detail(bookingId);
    return { booking, history, messages: await readMessages(actor, bookingId) };
  };

  return { search, detail, forceCancel };
};

export type AdminBookings = ReturnType<typeof createAdminBookings>;
