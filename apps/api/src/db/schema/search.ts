import { sql } from 'drizzle-orm';
import {
  boolean,
  doublePrecision,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { providers, providerServiceAreas } from './providers';

/**
 * The search service's read model: one row per active provider × service area × category it
 * offers there, plus one row per area with `category_slug = ''` standing for "any category".
 * Kept in step with the provider tables by triggers (migration 0004), in the same transaction as
 * the change, so search never sees a half-applied provider edit and no writer can forget it.
 * Denormalised because one GiST index over (category, point) lets PostgreSQL answer "nearest
 * plumbers" by walking the index in distance order instead of sorting every provider in range.
 */
export const providerSearchEntries = pgTable(
  'provider_search_entries',
  {
    providerId: uuid('provider_id')
      .notNull()
      .references(() => providers.id, { onDelete: 'cascade' }),
    areaId: uuid('area_id')
      .notNull()
      .references(() => providerServiceAreas.id, { onDelete: 'cascade' }),
    /** `''` on the row that answers searches without a category. */
    categorySlug: text('category_slug').notNull(),
    /** `[category_slug]`, or every category the provider offers on the `''` row. */
    categorySlugs: text('category_slugs').array().notNull(),
    subcategorySlugs: text('subcategory_slugs')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** Cheapest active service in this category (all categories on the `''` row). */
    minPricePaise: integer('min_price_paise').notNull(),
    latitude: doublePrecision('latitude').notNull(),
    longitude: doublePrecision('longitude').notNull(),
    radiusKm: numeric('radius_km', { precision: 4, scale: 1, mode: 'number' }).notNull(),
    city: text('city').notNull(),
    businessName: varchar('business_name', { length: 100 }).notNull(),
    ratingAverage: numeric('rating_average', { precision: 3, scale: 2, mode: 'number' }).notNull(),
    ratingCount: integer('rating_count').notNull(),
    isVerified: boolean('is_verified').notNull(),
    /**
     * Lower-cased, accent-free provider words: business name, description, AI skills and
     * specialties, service titles. Taxonomy names and synonyms are matched at query time through
     * `search_terms`, so an admin's synonym edit needs no re-index of every provider.
     */
    searchText: text('search_text').notNull(),
    /**
     * The provider's number of service areas. With one, no other row of theirs can be nearer, so
     * a search need not look for one (most providers work from a single area).
     */
    areaCount: integer('area_count').notNull().default(1),
  },
  (table) => [
    primaryKey({ columns: [table.areaId, table.categorySlug] }),
    index('provider_search_entries_provider_idx').on(table.providerId),
    index('provider_search_entries_category_point_gist').using(
      'gist',
      table.categorySlug,
      sql`ll_to_earth(${table.latitude}, ${table.longitude})`,
    ),
    index('provider_search_entries_text_trgm').using('gin', sql`${table.searchText} gin_trgm_ops`),
    index('provider_search_entries_name_trgm')
      .using('gin', sql`lower(${table.businessName}) gin_trgm_ops`)
      .where(sql`${table.categorySlug} = ''`),
  ],
);

/**
 * Words offered as suggestions while a customer types: taxonomy names and synonyms in English,
 * Hindi and Hinglish, and the skills providers list. `term` is lower-cased and accent-free.
 */
export const searchTerms = pgTable(
  'search_terms',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    term: text('term').notNull(),
    kind: varchar('kind', { length: 16 }).notNull(),
    label: text('label').notNull(),
    categorySlug: varchar('category_slug', { length: 48 }),
    subcategorySlug: varchar('subcategory_slug', { length: 64 }),
    /** How many active providers use it; orders suggestions that match equally well. */
    weight: integer('weight').notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('search_terms_key').on(
      table.kind,
      table.term,
      sql`coalesce(${table.categorySlug}, '')`,
      sql`coalesce(${table.subcategorySlug}, '')`,
    ),
    index('search_terms_term_trgm').using('gin', sql`${table.term} gin_trgm_ops`),
    // Byte-wise order answers `term LIKE 'pl%'` from the first keystroke, before trigrams help.
    index('search_terms_term_prefix').on(table.term.op('text_pattern_ops')),
  ],
);

/** What customers searched for that found nothing: the admin's "unmet demand" report. */
export const searchMisses = pgTable(
  'search_misses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    query: text('query').notNull(),
    categorySlug: varchar('category_slug', { length: 48 }),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('search_misses_created_idx').on(table.createdAt)],
);
