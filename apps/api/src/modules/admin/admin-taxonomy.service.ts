import type {
  TCreateCategoryRequest,
  TCreateSubcategoryRequest,
  TUpdateCategoryRequest,
  TUpdateSubcategoryRequest,
} from '@localkart/contracts/admin';
import type { TaxonomyAdministration } from '../taxonomy/taxonomy-administration.service';
import type { Actor, AuditLog } from './audit-log.service';

/** Taxonomy edits through the taxonomy module, each in the audit log with the category before and after. */
export const createAdminTaxonomy = ({
  taxonomy,
  audit,
}: {
  taxonomy: TaxonomyAdministration;
  audit: AuditLog;
}) => {
  const createCategory = async (actor: Actor, request: TCreateCategoryRequest) => {
    const after = await taxonomy.createCategory(request);
    await audit.record(actor, {
      action: 'taxonomy.create_category',
      targetType: 'category',
      targetId: after.slug,
      before: null,
      after,
      reason: request.reason,
    });
    return after;
  };

  const changeCategory = async (actor: Actor, slug: string, change: TUpdateCategoryRequest) => {
    const { before, after } = await taxonomy.changeCategory(slug, change);
    await audit.record(actor, {
      action: 'taxonomy.update_category',
      targetType: 'category',
      targetId: slug,
      before,
      after,
      reason: change.reason,
    });
    return after;
  };

  const createSubcategory = async (
    actor: Actor,
    slug: string,
    request: TCreateSubcategoryRequest,
  ) => {
    const { before, after } = await taxonomy.createSubcategory(slug, request);
    await audit.record(actor, {
      action: 'taxonomy.create_subcategory',
      targetType: 'subcategory',
      targetId: `${slug}/${request.slug}`,
      before,
      after,
      reason: request.reason,
    });
    return after;
  };

  const changeSubcategory = async (
    actor: Actor,
    slug: string,
    subSlug: string,
    change: TUpdateSubcategoryRequest,
  ) => {
    const { before, after } = await taxonomy.changeSubcategory(slug, subSlug, change);
    await audit.record(actor, {
      action: 'taxonomy.update_subcategory',
      targetType: 'subcategory',
      targetId: `${slug}/${subSlug}`,
      before,
      after,
      reason: change.reason,
    });
    return after;
  };

  return {
    listAll: taxonomy.listAll,
    createCategory,
    changeCategory,
    createSubcategory,
    changeSubcategory,
  };
};

export type AdminTaxonomy = ReturnType<typeof createAdminTaxonomy>;
