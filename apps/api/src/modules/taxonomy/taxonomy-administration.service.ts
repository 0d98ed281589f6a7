import type {
  TAdminCategory,
  TAdminSubcategory,
  TCreateCategoryRequest,
  TCreateSubcategoryRequest,
  TUpdateCategoryRequest,
  TUpdateSubcategoryRequest,
} from '@localkart/contracts/admin';
import { inTransaction, type Db } from '../../db/client';
import type { Within } from '../../db/within';
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

/** A category before and after an edit; `before` is null for a new category. */
export type CategoryChange<Before = TAdminCategory> = { before: Before; after: TAdminCategory };

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
  const categoryOn = async (conn: Db, slug: string): Promise<TAdminCategory> => {
    const [row] = await listAllCategories(conn, slug);
    if (!row) throw new AppError(ErrorCode.NOT_FOUND, 'Category not found');
    return toCategory(row, await listAllSubcategories(conn, slug));
  };
  const category = (slug: string) => categoryOn(db, slug);

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

  /**
   * In one transaction: the category as it is, the edit, the category as it becomes, then the
   * caller's `within` work.
   */
  const edit = <Before>(
    slug: string,
    read: (tx: Db) => Promise<Before>,
    write: (tx: Db) => Promise<void>,
    within: Within<CategoryChange<Before>>['within'],
  ) =>
    inTransaction(db, async (tx) => {
      const before = await read(tx);
      await write(tx);
      const change = { before, after: await categoryOn(tx, slug) };
      await within?.(tx, change);
      return change;
    });

  /** A unique violation as 409 naming what is taken. */
  const unique = async (what: string, write: () => Promise<unknown>) => {
    try {
      await write();
    } catch (error) {
      if (isUniqueViolation(error)) throw taken(what);
      throw error;
    }
  };

  const createCategory = async (
    request: TCreateCategoryRequest,
    { within }: Within<CategoryChange<null>> = {},
  ) =>
    (
      await edit(
        request.slug,
        () => Promise.resolve(null),
        (tx) =>
          unique('The category', () =>
            insertCategory(tx, {
              slug: request.slug,
              descriptionEn: request.description,
              typicalUnit: request.unit,
              nameEn: request.names.en,
              nameHi: request.names.hi,
              priceMinPaise: request.priceRange.minPaise,
              priceMaxPaise: request.priceRange.maxPaise,
              synonyms: request.synonyms,
              sortOrder: request.sortOrder,
            }),
          ),
        within,
      )
    ).after;

  const changeCategory = (
    slug: string,
    change: TUpdateCategoryRequest,
    { within }: Within<CategoryChange> = {},
  ) => {
    const patch: CategoryPatch = {
      ...commonPatch(change),
      ...(change.description === undefined ? {} : { descriptionEn: change.description }),
      ...(change.unit ? { typicalUnit: change.unit } : {}),
    };
    return edit(
      slug,
      (tx) => categoryOn(tx, slug),
      async (tx) => {
        await updateCategory(tx, slug, patch);
      },
      within,
    );
  };

  const createSubcategory = (
    categorySlug: string,
    request: TCreateSubcategoryRequest,
    { within }: Within<CategoryChange> = {},
  ) =>
    edit(
      categorySlug,
      (tx) => categoryOn(tx, categorySlug),
      (tx) =>
        unique('The subcategory', () =>
          insertSubcategory(tx, {
            categorySlug,
            slug: request.slug,
            nameEn: request.names.en,
            nameHi: request.names.hi,
            unit: request.unit,
            priceMinPaise: request.priceRange.minPaise,
            priceMaxPaise: request.priceRange.maxPaise,
            synonyms: request.synonyms,
            sortOrder: request.sortOrder,
          }),
        ),
      within,
    );

  const changeSubcategory = (
    categorySlug: string,
    slug: string,
    change: TUpdateSubcategoryRequest,
    { within }: Within<CategoryChange> = {},
  ) => {
    const patch: SubcategoryPatch = {
      ...commonPatch(change),
      ...(change.unit ? { unit: change.unit } : {}),
    };
    return edit(
      categorySlug,
      (tx) => categoryOn(tx, categorySlug),
      async (tx) => {
        if (!(await updateSubcategory(tx, categorySlug, slug, patch)))
          throw new AppError(ErrorCode.NOT_FOUND, 'Subcategory not found');
      },
      within,
    );
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
