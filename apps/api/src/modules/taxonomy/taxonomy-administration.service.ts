import type {
  TAdminCategory,
  TAdminSubcategory,
  TCreateCategoryRequest,
  TCreateSubcategoryRequest,
  TUpdateCategoryRequest,
  TUpdateSubcategoryRequest,
} from '@localkart/contracts/admin';
import type { Db } from '../../db/client';
import { isUniqueViolation } from '../../db/constraint-errors';
import { AppError, ErrorCode } from '../../platform/errors';
import {
  insertCategory,
  insertSubcategory,
  listAllCategories,
  listAllSubcategories,
  updateCategory,
  updateSubcategory,
  type AdminCategoryRow,
  type AdminSubcategoryRow,
  type CategoryPatch,
  type SubcategoryPatch,
} from './taxonomy-admin.repo';

const toSubcategory = (row: AdminSubcategoryRow): TAdminSubcategory => ({
  slug: row.slug,
  names: { en: row.nameEn, hi: row.nameHi },
  unit: row.unit,
  priceRange: { minPaise: row.priceMinPaise, maxPaise: row.priceMaxPaise },
  synonyms: row.synonyms,
  sortOrder: row.sortOrder,
  isActive: row.isActive,
});

const toCategory = (row: AdminCategoryRow, subs: AdminSubcategoryRow[]): TAdminCategory => ({
  slug: row.slug,
  names: { en: row.nameEn, hi: row.nameHi },
  description: row.descriptionEn,
  unit: row.typicalUnit,
  priceRange: { minPaise: row.priceMinPaise, maxPaise: row.priceMaxPaise },
  synonyms: row.synonyms,
  sortOrder: row.sortOrder,
  isActive: row.isActive,
  subcategories: subs.map(toSubcategory),
});

type Fields = {
  names?: { en: string; hi: string } | undefined;
  priceRange?: { minPaise: number; maxPaise: number } | undefined;
  synonyms?: string[] | undefined;
  sortOrder?: number | undefined;
  isActive?: boolean | undefined;
};

/** The columns both levels share, from a validated request; absent fields stay as they are. */
const commonPatch = ({ names, priceRange, synonyms, sortOrder, isActive }: Fields) => ({
  ...(names ? { nameEn: names.en, nameHi: names.hi } : {}),
  ...(priceRange ? { priceMinPaise: priceRange.minPaise, priceMaxPaise: priceRange.maxPaise } : {}),
  ...(synonyms ? { synonyms } : {}),
  ...(sortOrder === undefined ? {} : { sortOrder }),
  ...(isActive === undefined ? {} : { isActive }),
});

/**
 * Admin edits of the service taxonomy. Rows are deactivated, never deleted: providers' services
 * and past bookings name them, and the start-up seed would bring a deleted seeded row back.
 * Suggestions follow by trigger. The local AI engine and recommendations read the built-in
 * taxonomy (taxonomy-data.ts) once at start-up, so they see an edit only after a restart.
 */
export const createTaxonomyAdministration = ({ db }: { db: Db }) => {
  const category = async (slug: string): Promise<TAdminCategory> => {
    const [row] = await listAllCategories(db, slug);
    if (!row) throw new AppError(ErrorCode.NOT_FOUND, 'Category not found');
    return toCategory(row, await listAllSubcategories(db, slug));
  };

  const listAll = async (): Promise<TAdminCategory[]> => {
    const [categories, subs] = await Promise.all([listAllCategories(db), listAllSubcategories(db)]);
    return categories.map((row) =>
      toCategory(
        row,
        subs.filter((sub) => sub.categorySlug === row.slug),
      ),
    );
  };

  const taken = (what: string) => new AppError(ErrorCode.CONFLICT, `${what} slug is taken`);

  const createCategory = async (request: TCreateCategoryRequest) => {
    try {
      await insertCategory(db, {
        slug: request.slug,
        descriptionEn: request.description,
        typicalUnit: request.unit,
        nameEn: request.names.en,
        nameHi: request.names.hi,
        priceMinPaise: request.priceRange.minPaise,
        priceMaxPaise: request.priceRange.maxPaise,
        synonyms: request.synonyms,
        sortOrder: request.sortOrder,
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw taken('The category');
      throw error;
    }
    return category(request.slug);
  };

  const changeCategory = async (slug: string, change: TUpdateCategoryRequest) => {
    const before = await category(slug);
    const patch: CategoryPatch = {
      ...commonPatch(change),
      ...(change.description === undefined ? {} : { descriptionEn: change.description }),
      ...(change.unit ? { typicalUnit: change.unit } : {}),
    };
    await updateCategory(db, slug, patch);
    return { before, after: await category(slug) };
  };

  const createSubcategory = async (categorySlug: string, request: TCreateSubcategoryRequest) => {
    const before = await category(categorySlug);
    try {
      await insertSubcategory(db, {
        categorySlug,
        slug: request.slug,
        nameEn: request.names.en,
        nameHi: request.names.hi,
        unit: request.unit,
        priceMinPaise: request.priceRange.minPaise,
        priceMaxPaise: request.priceRange.maxPaise,
        synonyms: request.synonyms,
        sortOrder: request.sortOrder,
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw taken('The subcategory');
      throw error;
    }
    return { before, after: await category(categorySlug) };
  };

  const changeSubcategory = async (
    categorySlug: string,
    slug: string,
    change: TUpdateSubcategoryRequest,
  ) => {
    const before = await category(categorySlug);
    const patch: SubcategoryPatch = {
      ...commonPatch(change),
      ...(change.unit ? { unit: change.unit } : {}),
    };
    if (!(await updateSubcategory(db, categorySlug, slug, patch)))
      throw new AppError(ErrorCode.NOT_FOUND, 'Subcategory not found');
    return { before, after: await category(categorySlug) };
  };

  return {
    listAll,
    category,
    createCategory,
    changeCategory,
    createSubcategory,
    changeSubcategory,
  };
};

export type TaxonomyAdministration = ReturnType<typeof createTaxonomyAdministration>;
