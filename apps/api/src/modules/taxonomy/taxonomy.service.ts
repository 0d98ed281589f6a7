import type { TServiceCategory, TServiceSubcategory } from '@localkart/contracts/taxonomy';
import type { Db } from '../../db/client';
import {
  findCategory,
  findSubcategory,
  listActiveCategories,
  type CategoryRow,
  type SubcategoryRow,
} from './taxonomy.repo';

const priceRangeOf = (row: { priceMinPaise: number; priceMaxPaise: number }) => ({
  minPaise: row.priceMinPaise,
  maxPaise: row.priceMaxPaise,
  currency: 'INR' as const,
});

export const toServiceSubcategory = (row: SubcategoryRow): TServiceSubcategory => ({
  slug: row.slug,
  names: { en: row.nameEn, hi: row.nameHi },
  unit: row.unit,
  priceRange: priceRangeOf(row),
  synonyms: row.synonyms,
});

export const toServiceCategory = (
  row: CategoryRow,
  subcategories: SubcategoryRow[],
): TServiceCategory => ({
  slug: row.slug,
  names: { en: row.nameEn, hi: row.nameHi },
  description: row.descriptionEn,
  unit: row.typicalUnit,
  priceRange: priceRangeOf(row),
  synonyms: row.synonyms,
  subcategories: subcategories.map(toServiceSubcategory),
});

/** Reads the managed service taxonomy; other modules validate `category`/`subcategory` here. */
export const createTaxonomyService = ({ db }: { db: Db }) => ({
  /** Active categories with their active subcategories, in display order. */
  listCategories: async (): Promise<TServiceCategory[]> =>
    (await listActiveCategories(db)).map((category) =>
      toServiceCategory(category, category.subcategories),
    ),
  findCategory: (slug: string) => findCategory(db, slug),
  /** Unit and price range of an active subcategory, or undefined if unknown or inactive. */
  findSubcategory: (categorySlug: string, subcategorySlug: string) =>
    findSubcategory(db, categorySlug, subcategorySlug),
});

export type TaxonomyService = ReturnType<typeof createTaxonomyService>;
