import { LRUCache } from 'lru-cache';
import type { Db } from '../../db/client';
import type { Logger } from '../../platform/logger';
import type { PubSub } from '../../platform/pubsub/pubsub';
import { findBookingParties } from '../bookings/bookings.repo';
import { BOOKING_STATUS_CHANNEL, type BookingStatusChanged } from '../bookings/bookings.service';

type Parties = NonNullable<Awaited<ReturnType<typeof findBookingParties>>>;

const MAX_BOOKINGS = 50_000;
/** Bounds how stale a status can be if a status event is ever missed (Redis down). */
const TTL_MS = 60_000;

/**
 * A booking's parties never change and its status changes only through the bookings service,
 * which announces every change on the bus: so each chat message (and socket join) need not
 * read the booking again. Every process hears the announcement and updates its copy.
 */
export const createBookingPartiesCache = ({
  db,
  pubsub,
  logger,
}: {
  db: Db;
  pubsub: PubSub;
  logger: Logger;
}) => {
  const cache = new LRUCache<string, Parties>({ max: MAX_BOOKINGS, ttl: TTL_MS });
  let caching = true;
  pubsub
    .subscribe(BOOKING_STATUS_CHANNEL, (raw) => {
      const event = raw as Partial<BookingStatusChanged> | null;
      if (typeof event?.bookingId !== 'string' || typeof event.to !== 'string') return;
      const known = cache.get(event.bookingId);
      if (known) cache.set(event.bookingId, { ...known, status: event.to });
    })
    .catch((error: unknown) => {
      // Without the events, cached statuses could only be trusted for their TTL: keep none.
      logger.warn({ err: error }, 'booking status events unavailable; parties not cached');
      cache.clear();
      caching = false;
    });
  const partiesOf = async (bookingId: string): Promise<Parties | undefined> => {
    const known = cache.get(bookingId);
    if (known) return known;
    const parties = await findBookingParties(db, bookingId);
    if (parties && caching) cache.set(bookingId, parties);
    return parties;
  };
  return { partiesOf };
};

export type BookingPartiesCache = ReturnType<typeof createBookingPartiesCache>;
