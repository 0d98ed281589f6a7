import { sql } from 'drizzle-orm';
import { inTransaction, queryRows, type Db } from '../../db/client';
import { serviceCategories, serviceSubcategories } from '../../db/schema/taxonomy';
import { serviceTaxonomy } from './taxonomy-data';
import type { PriceRange, TaxonomyCategory } from './taxonomy.types';

const paiseOf = ({ min, max }: PriceRange) => ({
  priceMinPaise: Math.round(min * 100),
  priceMaxPaise: Math.round(max * 100),
});

export type SeedTaxonomyResult = { categoriesAdded: number; subcategoriesAdded: number };

/**
 * Adds every category and subcategory of `taxonomy` that the database does not have yet, by
 * slug. Rows that exist are never touched, so admins' edits (names, prices, synonyms, a
 * deactivation) survive every start. Cheap when nothing is missing: one counting query.
 * Deleting a seeded row brings it back on the next start; deactivate it instead.
 */
export const seedTaxonomy = async (
  db: Db,
  taxonomy: TaxonomyCategory[] = serviceTaxonomy,
): Promise<SeedTaxonomyResult> => {
  const categorySlugs = taxonomy.map((category) => category.slug);
  const subcategoryKeys = taxonomy.flatMap((category) =>
    category.subcategories.map((sub) => `${category.slug}/${sub.slug}`),
  );
  const [present] = await queryRows<{ categories: number; subcategories: number }>(
    db,
    sql`SELECT
      (SELECT count(*)::int FROM ${serviceCategories}
        WHERE ${serviceCategories.slug} IN ${categorySlugs}) AS categories,
      (SELECT count(*)::int FROM ${serviceSubcategories}
        WHERE ${serviceSubcategories.categorySlug} || '/' || ${serviceSubcategories.slug}
          IN ${subcategoryKeys}) AS subcategories`,
  );
  if (
    present?.categories === categorySlugs.length &&
    present.subcategories === subcategoryKeys.length
  )
    return { categoriesAdded: 0, subcategoriesAdded: 0 };

  return inTransaction(db, async (tx) => {
    const categories = await tx
      .insert(serviceCategories)
      .values(
        taxonomy.map((category, index) => ({
          slug: category.slug,
          nameEn: category.nameEn,
          nameHi: category.nameHi,
          descriptionEn: category.descriptionEn,
          typicalUnit: category.typicalUnit,
          ...paiseOf(category.priceRupees),
          synonyms: category.synonyms,
          sortOrder: (index + 1) * 10,
        })),
      )
      .onConflictDoNothing()
      .returning({ slug: serviceCategories.slug });
    const subcategories = await tx
      .insert(serviceSubcategories)
      .values(
        taxonomy.flatMap((category) =>
          category.subcategories.map((sub, index) => ({
            categorySlug: category.slug,
            slug: sub.slug,
            nameEn: sub.nameEn,
            nameHi: sub.nameHi,
            unit: sub.unit,
            ...paiseOf(sub.priceRupees),
            synonyms: sub.synonyms,
            sortOrder: (index + 1) * 10,
          })),
        ),
      )
      .onConflictDoNothing()
      .returning({ slug: serviceSubcategories.slug });
    return { categoriesAdded: categories.length, subcategoriesAdded: subcategories.length };
  });
};
