import { asc, eq, and, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { serviceCategories, serviceSubcategories } from '../../db/schema/taxonomy';
import {
  categoryColumns as publicCategoryColumns,
  subcategoryColumns as publicSubcategoryColumns,
} from './taxonomy.repo';

const categoryColumns = { ...publicCategoryColumns, isActive: serviceCategories.isActive };
const subcategoryColumns = {
  ...publicSubcategoryColumns,
  isActive: serviceSubcategories.isActive,
};
export type AdminCategoryRow = {
  [K in keyof typeof categoryColumns]: (typeof serviceCategories.$inferSelect)[K];
};
export type AdminSubcategoryRow = {
  [K in keyof typeof subcategoryColumns]: (typeof serviceSubcategories.$inferSelect)[K];
};
export type NewCategoryRow = typeof serviceCategories.$inferInsert;
export type NewSubcategoryRow = typeof serviceSubcategories.$inferInsert;
export type CategoryPatch = Partial<Omit<NewCategoryRow, 'slug' | 'createdAt' | 'updatedAt'>>;
export type SubcategoryPatch = Partial<
  Omit<NewSubcategoryRow, 'slug' | 'categorySlug' | 'createdAt' | 'updatedAt'>
>;

/** Every category, active or not, in display order; `slug` narrows it to one. */
export const listAllCategories = (db: Db, slug?: string): Promise<AdminCategoryRow[]> =>
  db
    .select(categoryColumns)
    .from(serviceCategories)
    .where(slug ? eq(serviceCategories.slug, slug) : undefined)
    .orderBy(asc(serviceCategories.sortOrder), asc(serviceCategories.slug));

export const listAllSubcategories = (
  db: Db,
  categorySlug?: string,
): Promise<AdminSubcategoryRow[]> =>
  db
    .select(subcategoryColumns)
    .from(serviceSubcategories)
    .where(categorySlug ? eq(serviceSubcategories.categorySlug, categorySlug) : undefined)
    .orderBy(
      asc(serviceSubcategories.categorySlug),
      asc(serviceSubcategories.sortOrder),
      asc(serviceSubcategories.slug),
    );

/** Inserts the category; a taken slug fails on the primary key (23505). */
export const insertCategory = async (db: Db, row: NewCategoryRow): Promise<void> => {
  await db.insert(serviceCategories).values(row);
};

export const updateCategory = async (db: Db, slug: string, patch: CategoryPatch) => {
  const rows = await db
    .update(serviceCategories)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(eq(serviceCategories.slug, slug))
    .returning({ slug: serviceCategories.slug });
  return rows.length > 0;
};

export const insertSubcategory = async (db: Db, row: NewSubcategoryRow): Promise<void> => {
  await db.insert(serviceSubcategories).values(row);
};

export const updateSubcategory = async (
  db: Db,
  categorySlug: string,
  slug: string,
  patch: SubcategoryPatch,
) => {
  const rows = await db
    .update(serviceSubcategories)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(
      and(eq(serviceSubcategories.categorySlug, categorySlug), eq(serviceSubcategories.slug, slug)),
    )
    .returning({ slug: serviceSubcategories.slug });
  return rows.length > 0;
};
