import { sql } from 'drizzle-orm';
import {
  char,
  check,
  customType,
  doublePrecision,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { providers, providerServices } from './providers';
import { serviceUnit } from './taxonomy';
import { userRole, users } from './users';

/**
 * A PostgreSQL `tstzrange`, read and written as its text form (`["2026-01-01 10:00+00","…")`).
 * Repositories build it in SQL (`tstzrange(start, end)`); nothing parses it in JavaScript.
 */
export const tstzrange = customType<{ data: string }>({ dataType: () => 'tstzrange' });

export const bookingStatus = pgEnum('booking_status', [
  'pending',
  'confirmed',
  'in_progress',
  'completed',
  'cancelled',
]);
export const bookingPaymentMethod = pgEnum('booking_payment_method', ['cash', 'wallet', 'online']);
export const bookingPaymentStatus = pgEnum('booking_payment_status', [
  'pending',
  'paid',
  'refunded',
]);

/**
 * ERD §4.1 Bookings. Two active bookings of one provider never overlap: the exclusion
 * constraint `bookings_no_overlap` (migration 0007, custom SQL: drizzle cannot declare it) over
 * (provider_id, slot) for pending, confirmed and in-progress bookings.
 */
export const bookings = pgTable(
  'bookings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => providers.id, { onDelete: 'restrict' }),
    /** The service booked; the booking keeps its own copy of what matters if it is deleted. */
    serviceId: uuid('service_id').references(() => providerServices.id, { onDelete: 'set null' }),
    categorySlug: varchar('category_slug', { length: 48 }).notNull(),
    subcategorySlug: varchar('subcategory_slug', { length: 64 }).notNull(),
    serviceTitle: varchar('service_title', { length: 100 }).notNull(),
    description: text('description').notNull(),
    estimatedDurationMinutes: integer('estimated_duration_minutes').notNull(),
    address: text('address').notNull(),
    latitude: doublePrecision('latitude').notNull(),
    longitude: doublePrecision('longitude').notNull(),
    instructions: text('instructions'),
    /** The provider's time zone when booked: preferred and confirmed dates are shown in it. */
    timeZone: text('time_zone').notNull(),
    preferredStart: timestamp('preferred_start', { withTimezone: true }).notNull(),
    confirmedStart: timestamp('confirmed_start', { withTimezone: true }),
    /** The time the provider is taken: [confirmed or preferred start, + duration). */
    slot: tstzrange('slot').notNull(),
    status: bookingStatus('status').notNull().default('pending'),
    unit: serviceUnit('unit').notNull(),
    unitPricePaise: integer('unit_price_paise').notNull(),
    basePricePaise: integer('base_price_paise').notNull(),
    additionalChargesPaise: integer('additional_charges_paise').notNull().default(0),
    totalAmountPaise: integer('total_amount_paise').notNull(),
    /** Kept by a cancellation after the free window; 0 otherwise. */
    cancellationFeePaise: integer('cancellation_fee_paise').notNull().default(0),
    currency: char('currency', { length: 3 }).notNull().default('INR'),
    paymentMethod: bookingPaymentMethod('payment_method').notNull(),
    paymentStatus: bookingPaymentStatus('payment_status').notNull().default('pending'),
    /** The ledger transaction (wallet, cash) or gateway order (online) that paid. */
    paymentTransactionId: text('payment_transaction_id'),
    cancelledBy: uuid('cancelled_by').references(() => users.id, { onDelete: 'set null' }),
    cancelledByRole: userRole('cancelled_by_role'),
    cancellationReason: varchar('cancellation_reason', { length: 500 }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** Bumped by every change: lets clients tell a stale copy. */
    version: integer('version').notNull().default(1),
  },
  (table) => [
    index('bookings_customer_created_idx').on(table.customerId, table.createdAt.desc()),
    index('bookings_provider_created_idx').on(table.providerId, table.createdAt.desc()),
    // The few online bookings still waiting for their payment, which lapse when it does not come.
    index('bookings_unpaid_online_idx')
      .on(table.createdAt)
      .where(
        sql`${table.paymentMethod} = 'online' AND ${table.paymentStatus} = 'pending' AND ${table.status} IN ('pending', 'confirmed')`,
      ),
    check('bookings_duration', sql`${table.estimatedDurationMinutes} BETWEEN 15 AND 1440`),
    check('bookings_slot', sql`NOT isempty(${table.slot}) AND NOT lower_inf(${table.slot})`),
    check(
      'bookings_coordinates',
      sql`${table.latitude} BETWEEN -90 AND 90 AND ${table.longitude} BETWEEN -180 AND 180`,
    ),
    check(
      'bookings_pricing',
      sql`${table.unitPricePaise} > 0 AND ${table.basePricePaise} > 0 AND ${table.additionalChargesPaise} >= 0
        AND ${table.totalAmountPaise} = ${table.basePricePaise} + ${table.additionalChargesPaise}
        AND ${table.cancellationFeePaise} BETWEEN 0 AND ${table.totalAmountPaise}`,
    ),
    check('bookings_currency', sql`${table.currency} ~ '^[A-Z]{3}$'`),
  ],
);

/** Every status change of a booking, creation included (`from_status` NULL), oldest first. */
export const bookingStatusHistory = pgTable(
  'booking_status_history',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    bookingId: uuid('booking_id')
      .notNull()
      .references(() => bookings.id, { onDelete: 'cascade' }),
    fromStatus: bookingStatus('from_status'),
    toStatus: bookingStatus('to_status').notNull(),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    actorRole: userRole('actor_role').notNull(),
    reason: varchar('reason', { length: 500 }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('booking_status_history_booking_idx').on(table.bookingId, table.createdAt)],
);
