import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { serviceCategories, serviceSubcategories } from '../../db/schema/taxonomy';

/** What the public taxonomy shows of a category; the admin repo adds `isActive`. */
export const categoryColumns = {
  slug: serviceCategories.slug,
  nameEn: serviceCategories.nameEn,
  nameHi: serviceCategories.nameHi,
  descriptionEn: serviceCategories.descriptionEn,
  typicalUnit: serviceCategories.typicalUnit,
  priceMinPaise: serviceCategories.priceMinPaise,
  priceMaxPaise: serviceCategories.priceMaxPaise,
  synonyms: serviceCategories.synonyms,
  sortOrder: serviceCategories.sortOrder,
};

export const subcategoryColumns = {
  categorySlug: serviceSubcategories.categorySlug,
  slug: serviceSubcategories.slug,
  nameEn: serviceSubcategories.nameEn,
  nameHi: serviceSubcategories.nameHi,
  unit: serviceSubcategories.unit,
  priceMinPaise: serviceSubcategories.priceMinPaise,
  priceMaxPaise: serviceSubcategories.priceMaxPaise,
  synonyms: serviceSubcategories.synonyms,
  sortOrder: serviceSubcategories.sortOrder,
};

export type CategoryRow = {
  [K in keyof typeof categoryColumns]: (typeof serviceCategories.$inferSelect)[K];
};
export type SubcategoryRow = {
  [K in keyof typeof subcategoryColumns]: (typeof serviceSubcategories.$inferSelect)[K];
};
export type CategoryWithSubcategories = CategoryRow & { subcategories: SubcategoryRow[] };

/** Active categories in display order, each with its active subcategories; two queries. */
export const listActiveCategories = async (db: Db): Promise<CategoryWithSubcategories[]> => {
  const [categories, subcategories] = await Promise.all([
    db
      .select(categoryColumns)
      .from(serviceCategories)
      .where(eq(serviceCategories.isActive, true))
      .orderBy(asc(serviceCategories.sortOrder), asc(serviceCategories.slug)),
    db
      .select(subcategoryColumns)
      .from(serviceSubcategories)
      .where(eq(serviceSubcategories.isActive, true))
      .orderBy(
        asc(serviceSubcategories.categorySlug),
        asc(serviceSubcategories.sortOrder),
        asc(serviceSubcategories.slug),
      ),
  ]);
  const byCategory = new Map<string, SubcategoryRow[]>();
  for (const sub of subcategories) {
    const list = byCategory.get(sub.categorySlug);
    if (list) list.push(sub);
    else byCategory.set(sub.categorySlug, [sub]);
  }
  return categories.map((category) => ({
    ...category,
    subcategories: byCategory.get(category.slug) ?? [],
  }));
};

/** The active category with this slug, if any. */
export const findCategory = async (db: Db, slug: string): Promise<CategoryRow | undefined> => {
  const [row] = await db
    .select(categoryColumns)
    .from(serviceCategories)
    .where(and(eq(serviceCategories.slug, slug), eq(serviceCategories.isActive, true)));
  return row;
};

/**
 * The active subcategory `subcategorySlug` of the active category `categorySlug`, with its unit
 * and price range: what a provider's service must name. Undefined when either is unknown or
 * deactivated.
 */
export const findSubcategory = async (
  db: Db,
  categorySlug: string,
  subcategorySlug: string,
): Promise<SubcategoryRow | undefined> => {
  const [row] = await db
    .select(subcategoryColumns)
    .from(serviceSubcategories)
    .innerJoin(serviceCategories, eq(serviceCategories.slug, serviceSubcategories.categorySlug))
    .where(
      and(
        eq(serviceSubcategories.categorySlug, categorySlug),
        eq(serviceSubcategories.slug, subcategorySlug),
        eq(serviceSubcategories.isActive, true),
        eq(serviceCategories.isActive, true),
      ),
    );
  return row;
};
