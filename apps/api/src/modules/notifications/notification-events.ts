import { z } from 'zod';
import type { AppDeps } from '../../app';
import { BOOKING_STATUS_CHANNEL } from '../bookings/bookings.service';
import { MESSAGE_TO_OFFLINE_CHANNEL } from '../messages/messages.service';
import { PAYMENT_SETTLED_CHANNEL } from '../payments/payments.service';
import { REVIEW_CREATED_CHANNEL } from '../reviews/reviews.service';
import { bookingDeliveries, ZBookingStatusChanged } from './booking-notifications';
import { messageDeliveries, ZMessageToOffline } from './message-notifications';
import { paymentDeliveries } from './payment-notifications';
import { reviewDeliveries, ZReviewCreated } from './review-notifications';
import type { Delivery, NotificationsService } from './notifications.service';

const ZPaymentSettled = z.object({ bookingId: z.uuid() });

/** Booking changes that may come with money: creation (wallet), completion (cash), cancellation (refund). */
const MONEY_STATUSES = new Set(['pending', 'completed', 'cancelled']);

/**
 * Subscribes to the domain events that become notifications. Every API process subscribes (on
 * Redis every process hears every event); the per-user event key keeps one row per event. A
 * handler never throws: a bad message or a failed write is logged and dropped.
 */
export const subscribeToNotificationEvents = async (
  { pubsub, database, logger }: Pick<AppDeps, 'pubsub' | 'database' | 'logger'>,
  notifications: Pick<NotificationsService, 'deliver'>,
) => {
  const db = database.db;
  // Handlers still writing, so that closing waits for them before the database goes.
  const inFlight = new Set<Promise<void>>();
  const on = <T>(
    channel: string,
    schema: z.ZodType<T>,
    deliveriesOf: (event: T) => Promise<Delivery[]>,
  ) =>
    pubsub.subscribe(channel, (message) => {
      const parsed = schema.safeParse(message);
      if (!parsed.success) {
        logger.warn({ channel }, 'dropped a malformed event');
        return;
      }
      const handling = deliveriesOf(parsed.data)
        .then(async (deliveries) => {
          for (const delivery of deliveries) await notifications.deliver(delivery);
        })
        .catch((error: unknown) => logger.error({ err: error, channel }, 'notification failed'))
        .finally(() => inFlight.delete(handling));
      inFlight.add(handling);
    });

  const unsubscribers = await Promise.all([
    on(BOOKING_STATUS_CHANNEL, ZBookingStatusChanged, async (event) => [
      ...(await bookingDeliveries(db, event)),
      ...(MONEY_STATUSES.has(event.to) ? await paymentDeliveries(db, event.bookingId) : []),
    ]),
    on(PAYMENT_SETTLED_CHANNEL, ZPaymentSettled, (event) => paymentDeliveries(db, event.bookingId)),
    on(REVIEW_CREATED_CHANNEL, ZReviewCreated, (event) => reviewDeliveries(db, event)),
    on(MESSAGE_TO_OFFLINE_CHANNEL, ZMessageToOffline, (event) => messageDeliveries(db, event)),
  ]);
  return async () => {
    await Promise.all(unsubscribers.map((unsubscribe) => unsubscribe()));
    await Promise.all(inFlight);
  };
};
