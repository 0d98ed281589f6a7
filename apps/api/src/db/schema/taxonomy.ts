import {
  boolean,
  foreignKey,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  varchar,
  check,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

export const serviceUnit = pgEnum('service_unit', ['hour', 'service', 'square_feet']);

/**
 * The managed service taxonomy: categories people book (plumbing, salon at home, …), seeded and
 * editable by admins. Prices are integer paise; synonyms hold English, Hindi (Devanagari) and
 * Hinglish words people actually type ("nal", "बिजली", "AC service").
 */
export const serviceCategories = pgTable(
  'service_categories',
  {
    slug: varchar('slug', { length: 48 }).primaryKey(),
    nameEn: text('name_en').notNull(),
    nameHi: text('name_hi').notNull(),
    descriptionEn: text('description_en').notNull().default(''),
    typicalUnit: serviceUnit('typical_unit').notNull(),
    priceMinPaise: integer('price_min_paise').notNull(),
    priceMaxPaise: integer('price_max_paise').notNull(),
    synonyms: text('synonyms')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    sortOrder: integer('sort_order').notNull().default(0),
    isActive: boolean('is_active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check(
      'service_categories_price_range',
      sql`0 <= ${table.priceMinPaise} AND ${table.priceMinPaise} <= ${table.priceMaxPaise}`,
    ),
    check('service_categories_slug_format', sql`${table.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
  ],
);

export const serviceSubcategories = pgTable(
  'service_subcategories',
  {
    categorySlug: varchar('category_slug', { length: 48 }).notNull(),
    slug: varchar('slug', { length: 64 }).notNull(),
    nameEn: text('name_en').notNull(),
    nameHi: text('name_hi').notNull(),
    unit: serviceUnit('unit').notNull(),
    priceMinPaise: integer('price_min_paise').notNull(),
    priceMaxPaise: integer('price_max_paise').notNull(),
    synonyms: text('synonyms')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    sortOrder: integer('sort_order').notNull().default(0),
    isActive: boolean('is_active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.categorySlug, table.slug] }),
    foreignKey({ columns: [table.categorySlug], foreignColumns: [serviceCategories.slug] })
      .onUpdate('cascade')
      .onDelete('restrict'),
    check(
      'service_subcategories_price_range',
      sql`0 <= ${table.priceMinPaise} AND ${table.priceMinPaise} <= ${table.priceMaxPaise}`,
    ),
    check('service_subcategories_slug_format', sql`${table.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
  ],
);
