import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  char,
  check,
  foreignKey,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { users } from './users';

/**
 * Kinds of ledger account. Amounts are signed: an entry adds its amount to its account, and the
 * entries of one transaction sum to zero. What the platform owes (wallets, provider earnings, money
 * held for bookings, its own commission) runs positive; where that money sits (the payment
 * gateway, cash in a provider's hands) is the mirror image and runs negative.
 */
export const ledgerAccountKind = pgEnum('ledger_account_kind', [
  /** A customer's wallet; owner = user id; never negative. */
  'user_wallet',
  /** What the platform owes a provider for completed bookings; owner = provider id; never negative. */
  'provider_earnings',
  /** Cash a provider collected for bookings; owner = provider id; negative while they hold it. */
  'provider_cash',
  /** Money paid for bookings not yet settled or refunded; one platform account. */
  'booking_escrow',
  /** The platform's commission on settled bookings. */
  'platform_commission',
  /** Money at the payment gateway (top-ups, online payments, minus refunds); runs negative. */
  'gateway_clearing',
]);

export const ledgerAccounts = pgTable(
  'ledger_accounts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: ledgerAccountKind('kind').notNull(),
    /** The user (wallets) or provider (earnings, cash); NULL for platform accounts. No FK: kinds differ. */
    ownerId: uuid('owner_id'),
    currency: char('currency', { length: 3 }).notNull().default('INR'),
    allowNegative: boolean('allow_negative').notNull(),
    /** Sum of the account's entries, kept by a trigger in the same transaction; never set directly. */
    balancePaise: bigint('balance_paise', { mode: 'number' }).notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    unique('ledger_accounts_owner_key')
      .on(table.kind, table.ownerId, table.currency)
      .nullsNotDistinct(),
    // Target of the entries' (account, currency) foreign key: an entry is in its account's currency.
    unique('ledger_accounts_id_currency_key').on(table.id, table.currency),
    check(
      'ledger_accounts_balance_floor',
      sql`${table.allowNegative} OR ${table.balancePaise} >= 0`,
    ),
    check('ledger_accounts_currency', sql`${table.currency} ~ '^[A-Z]{3}$'`),
  ],
);

export const ledgerTransactionKind = pgEnum('ledger_transaction_kind', [
  'wallet_top_up',
  'wallet_payment',
  'online_payment',
  'cash_payment',
  'refund',
  'settlement',
  /** The platform paid a provider what it was owed (earnings less cash it held). */
  'payout',
]);

/** One journal transaction: its entries sum to zero (deferred trigger); rows are never changed. */
export const ledgerTransactions = pgTable(
  'ledger_transactions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: ledgerTransactionKind('kind').notNull(),
    /** Unique per movement (`top_up:razorpay:pay_X`, `settlement:<booking>`): posting twice is a no-op. */
    reference: varchar('reference', { length: 200 }).notNull(),
    /** The booking this money is for. No foreign key: bookings are another module's table. */
    bookingId: uuid('booking_id'),
    description: varchar('description', { length: 200 }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    unique('ledger_transactions_reference_key').on(table.reference),
    index('ledger_transactions_booking_idx')
      .on(table.bookingId)
      .where(sql`${table.bookingId} IS NOT NULL`),
  ],
);

export const ledgerEntries = pgTable(
  'ledger_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    transactionId: uuid('transaction_id')
      .notNull()
      .references(() => ledgerTransactions.id),
    accountId: uuid('account_id').notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    amountPaise: bigint('amount_paise', { mode: 'number' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    foreignKey({
      name: 'ledger_entries_account_fk',
      columns: [table.accountId, table.currency],
      foreignColumns: [ledgerAccounts.id, ledgerAccounts.currency],
    }),
    index('ledger_entries_account_idx').on(table.accountId, table.createdAt.desc(), table.id),
    index('ledger_entries_transaction_idx').on(table.transactionId),
    check('ledger_entries_amount_nonzero', sql`${table.amountPaise} <> 0`),
  ],
);

export const paymentOrderPurpose = pgEnum('payment_order_purpose', ['wallet_top_up', 'booking']);
export const paymentOrderStatus = pgEnum('payment_order_status', ['created', 'paid', 'failed']);

/** An order at a payment gateway; `paid` is final and set only by a verified confirmation. */
export const paymentOrders = pgTable(
  'payment_orders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    purpose: paymentOrderPurpose('purpose').notNull(),
    /** For `booking` orders. No foreign key: bookings are another module's table. */
    bookingId: uuid('booking_id'),
    gateway: varchar('gateway', { length: 16 }).notNull(),
    gatewayOrderId: varchar('gateway_order_id', { length: 64 }).notNull(),
    amountPaise: bigint('amount_paise', { mode: 'number' }).notNull(),
    currency: char('currency', { length: 3 }).notNull().default('INR'),
    status: paymentOrderStatus('status').notNull().default('created'),
    gatewayPaymentId: varchar('gateway_payment_id', { length: 64 }),
    ledgerTransactionId: uuid('ledger_transaction_id').references(() => ledgerTransactions.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    paidAt: timestamp('paid_at', { withTimezone: true }),
  },
  (table) => [
    unique('payment_orders_gateway_order_key').on(table.gateway, table.gatewayOrderId),
    index('payment_orders_user_idx').on(table.userId, table.createdAt.desc()),
    // A booking's orders: paying it later, refunding it.
    index('payment_orders_booking_idx')
      .on(table.bookingId, table.createdAt.desc())
      .where(sql`${table.bookingId} IS NOT NULL`),
    check('payment_orders_amount_positive', sql`${table.amountPaise} > 0`),
  ],
);

/** Gateway webhook events already handled, so a redelivered one is ignored. */
export const paymentWebhookEvents = pgTable(
  'payment_webhook_events',
  {
    gateway: varchar('gateway', { length: 16 }).notNull(),
    eventId: varchar('event_id', { length: 128 }).notNull(),
    eventType: varchar('event_type', { length: 64 }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ name: 'payment_webhook_events_pk', columns: [table.gateway, table.eventId] }),
  ],
);

export const gatewayRefundStatus = pgEnum('gateway_refund_status', ['pending', 'sent', 'failed']);

/**
 * Online money a refund sends back through the gateway: written in the refund's transaction,
 * sent after it commits (a gateway call inside it could refund money the database then forgets,
 * or hold the booking's locks for the length of an HTTP call). `pending` until the gateway has
 * it; `failed` when the gateway refused or kept failing, for an admin to settle by hand.
 */
export const gatewayRefunds = pgTable(
  'gateway_refunds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** One refund per booking, as the ledger's `refund:<booking>` reference. */
    bookingId: uuid('booking_id').notNull(),
    ledgerTransactionId: uuid('ledger_transaction_id')
      .notNull()
      .references(() => ledgerTransactions.id),
    gateway: varchar('gateway', { length: 16 }).notNull(),
    gatewayPaymentId: varchar('gateway_payment_id', { length: 64 }).notNull(),
    amountPaise: bigint('amount_paise', { mode: 'number' }).notNull(),
    status: gatewayRefundStatus('status').notNull().default('pending'),
    gatewayRefundId: varchar('gateway_refund_id', { length: 64 }),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    unique('gateway_refunds_booking_key').on(table.bookingId),
    // The sender's queue: what is due next.
    index('gateway_refunds_due_idx')
      .on(table.nextAttemptAt)
      .where(sql`${table.status} = 'pending'`),
    check('gateway_refunds_amount_positive', sql`${table.amountPaise} > 0`),
  ],
);
