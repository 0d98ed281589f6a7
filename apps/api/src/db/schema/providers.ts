import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  smallint,
  text,
  time,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { serviceSubcategories, serviceUnit } from './taxonomy';
import { users } from './users';

/** The AI-written profile (ERD §4.1 `aiGeneratedProfile`), validated before it is stored. */
export type AiGeneratedProfile = {
  summary: string;
  skills: string[];
  experience: string;
  specialties: string[];
};

/** ERD §4.1 Providers: one per provider user; rating columns are maintained by reviews. */
export const providers = pgTable(
  'providers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    businessName: varchar('business_name', { length: 100 }).notNull(),
    description: text('description').notNull().default(''),
    aiGeneratedProfile: jsonb('ai_generated_profile').$type<AiGeneratedProfile>(),
    ratingAverage: numeric('rating_average', { precision: 3, scale: 2, mode: 'number' })
      .notNull()
      .default(0),
    ratingCount: integer('rating_count').notNull().default(0),
    isVerified: boolean('is_verified').notNull().default(false),
    isActive: boolean('is_active').notNull().default(true),
    timeZone: text('time_zone').notNull().default('Asia/Kolkata'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('providers_user_key').on(table.userId),
    index('providers_active_rating_idx')
      .on(table.ratingAverage.desc(), table.ratingCount.desc())
      .where(sql`${table.isActive}`),
    check('providers_rating_range', sql`${table.ratingAverage} BETWEEN 0 AND 5`),
    check('providers_rating_count', sql`${table.ratingCount} >= 0`),
  ],
);

export const providerServices = pgTable(
  'provider_services',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => providers.id, { onDelete: 'cascade' }),
    categorySlug: varchar('category_slug', { length: 48 }).notNull(),
    subcategorySlug: varchar('subcategory_slug', { length: 64 }).notNull(),
    title: varchar('title', { length: 100 }).notNull(),
    description: text('description').notNull().default(''),
    basePricePaise: integer('base_price_paise').notNull(),
    unit: serviceUnit('unit').notNull(),
    isActive: boolean('is_active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    foreignKey({
      columns: [table.categorySlug, table.subcategorySlug],
      foreignColumns: [serviceSubcategories.categorySlug, serviceSubcategories.slug],
      name: 'provider_services_subcategory_fk',
    })
      .onUpdate('cascade')
      .onDelete('restrict'),
    // Booking creation picks a provider's service by category: with provider_id alone the planner
    // preferred the category index and filtered every provider in that category.
    index('provider_services_provider_category_idx').on(
      table.providerId,
      table.categorySlug,
      table.subcategorySlug,
    ),
    index('provider_services_category_idx')
      .on(table.categorySlug, table.subcategorySlug)
      .where(sql`${table.isActive}`),
    check('provider_services_price_positive', sql`${table.basePricePaise} > 0`),
  ],
);

export const providerServiceAreas = pgTable(
  'provider_service_areas',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => providers.id, { onDelete: 'cascade' }),
    city: text('city').notNull(),
    pincodes: text('pincodes')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    localities: text('localities')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    radiusKm: numeric('radius_km', { precision: 4, scale: 1, mode: 'number' }).notNull(),
    latitude: doublePrecision('latitude').notNull(),
    longitude: doublePrecision('longitude').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('provider_service_areas_provider_idx').on(table.providerId),
    index('provider_service_areas_city_idx').on(table.city),
    index('provider_service_areas_pincodes_idx').using('gin', table.pincodes),
    index('provider_service_areas_centre_gist').using(
      'gist',
      sql`ll_to_earth(${table.latitude}, ${table.longitude})`,
    ),
    check('provider_service_areas_radius', sql`${table.radiusKm} BETWEEN 0.5 AND 50`),
    check(
      'provider_service_areas_coordinates',
      sql`${table.latitude} BETWEEN -90 AND 90 AND ${table.longitude} BETWEEN -180 AND 180`,
    ),
  ],
);

/** The weekly schedule: several slots a day; overlap is refused by the service. */
export const providerAvailability = pgTable(
  'provider_availability',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => providers.id, { onDelete: 'cascade' }),
    /** 0 = Sunday … 6 = Saturday, as PostgreSQL's `EXTRACT(DOW …)`. */
    dayOfWeek: smallint('day_of_week').notNull(),
    startTime: time('start_time').notNull(),
    endTime: time('end_time').notNull(),
  },
  (table) => [
    index('provider_availability_provider_day_idx').on(table.providerId, table.dayOfWeek),
    check('provider_availability_day', sql`${table.dayOfWeek} BETWEEN 0 AND 6`),
    check('provider_availability_order', sql`${table.startTime} < ${table.endTime}`),
  ],
);

export const availabilityExceptionReason = pgEnum('availability_exception_reason', [
  'leave',
  'holiday',
  'other',
]);

export const providerAvailabilityExceptions = pgTable(
  'provider_availability_exceptions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => providers.id, { onDelete: 'cascade' }),
    date: date('date', { mode: 'string' }).notNull(),
    allDay: boolean('all_day').notNull().default(true),
    startTime: time('start_time'),
    endTime: time('end_time'),
    reason: availabilityExceptionReason('reason').notNull(),
    note: varchar('note', { length: 200 }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('provider_availability_exceptions_provider_date_idx').on(table.providerId, table.date),
    check(
      'provider_availability_exceptions_times',
      sql`(${table.allDay} AND ${table.startTime} IS NULL AND ${table.endTime} IS NULL) OR (NOT ${table.allDay} AND ${table.startTime} < ${table.endTime})`,
    ),
  ],
);

export const providerPortfolioItems = pgTable(
  'provider_portfolio_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => providers.id, { onDelete: 'cascade' }),
    /** Storage key prefix; the sizes are derived from it. */
    imageKey: text('image_key').notNull(),
    description: varchar('description', { length: 500 }).notNull().default(''),
    sortOrder: integer('sort_order').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('provider_portfolio_items_provider_idx').on(table.providerId, table.sortOrder)],
);

export const providerDocumentType = pgEnum('provider_document_type', [
  'license',
  'certificate',
  'insurance',
]);
export const providerDocumentStatus = pgEnum('provider_document_status', [
  'pending',
  'verified',
  'rejected',
]);

/** Verification documents: private to the provider and admins, never on the public page. */
export const providerDocuments = pgTable(
  'provider_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => providers.id, { onDelete: 'cascade' }),
    type: providerDocumentType('type').notNull(),
    storageKey: text('storage_key').notNull(),
    contentType: varchar('content_type', { length: 100 }).notNull(),
    originalBytes: bigint('original_bytes', { mode: 'number' }).notNull(),
    status: providerDocumentStatus('status').notNull().default('pending'),
    rejectionReason: text('rejection_reason'),
    reviewedBy: uuid('reviewed_by').references(() => users.id, { onDelete: 'set null' }),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('provider_documents_key_key').on(table.storageKey),
    index('provider_documents_provider_idx').on(table.providerId),
    index('provider_documents_pending_idx')
      .on(table.createdAt)
      .where(sql`${table.status} = 'pending'`),
  ],
);
