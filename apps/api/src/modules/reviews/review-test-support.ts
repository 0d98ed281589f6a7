import { sql } from 'drizzle-orm';
import { bookings, bookingStatusHistory } from '../../db/schema/bookings';
import { reviews } from '../../db/schema/reviews';
import type { TestApp } from '../../test-support/test-app';

type Status = (typeof bookings.$inferInsert)['status'] & string;

let slotOffset = 0;

/**
 * A booking written straight to the database, for tests whose subject is what happens after it
 * (reviews, analytics): the bookings API cannot create bookings in the past. A `completed` one
 * gets its history entry at `completedAt` (default: an hour after the start).
 */
export const insertTestBooking = async (
  app: TestApp,
  {
    customerId,
    providerId,
    status = 'completed',
    start,
    durationMinutes = 60,
    totalPaise = 50_000,
    completedAt,
  }: {
    customerId: string;
    providerId: string;
    status?: Status;
    /** Default: a distinct past hour per call, so active bookings never overlap. */
    start?: Date;
    durationMinutes?: number;
    totalPaise?: number;
    completedAt?: Date;
  },
): Promise<string> => {
  const db = app.runtime.database.db;
  slotOffset += 1;
  const startsAt = start ?? new Date(Date.UTC(2025, 0, 1) + slotOffset * 3 * 3_600_000);
  const endsAt = new Date(startsAt.getTime() + durationMinutes * 60_000);
  const [row] = await db
    .insert(bookings)
    .values({
      customerId,
      providerId,
      categorySlug: 'plumbing',
      subcategorySlug: 'tap-repair',
      serviceTitle: 'Tap repair',
      description: 'Kitchen tap leaking',
      estimatedDurationMinutes: durationMinutes,
      address: '12 CMH Road, Indiranagar, Bengaluru',
      latitude: 12.9784,
      longitude: 77.6408,
      timeZone: 'Asia/Kolkata',
      preferredStart: startsAt,
      slot: sql`tstzrange(${startsAt.toISOString()}::timestamptz, ${endsAt.toISOString()}::timestamptz)`,
      status,
      unit: 'service',
      unitPricePaise: totalPaise,
      basePricePaise: totalPaise,
      totalAmountPaise: totalPaise,
      paymentMethod: 'cash',
    })
    .returning({ id: bookings.id });
  const id = row!.id;
  await db.insert(bookingStatusHistory).values({
    bookingId: id,
    toStatus: 'pending',
    actorId: customerId,
    actorRole: 'customer',
    createdAt: new Date(startsAt.getTime() - 86_400_000),
  });
  if (status !== 'pending') {
    await db.insert(bookingStatusHistory).values({
      bookingId: id,
      fromStatus: 'pending',
      toStatus: status,
      actorRole: 'provider',
      createdAt: completedAt ?? new Date(startsAt.getTime() + 3_600_000),
    });
  }
  return id;
};

/** A review written straight to the database at a given time (analytics), without the API. */
export const insertTestReview = async (
  app: TestApp,
  row: {
    bookingId: string;
    providerId: string;
    customerId: string;
    rating: number;
    createdAt: Date;
    isHidden?: boolean;
  },
) => {
  await app.runtime.database.db.insert(reviews).values(row);
};
