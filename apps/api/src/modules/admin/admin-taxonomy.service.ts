import type {
  TCreateCategoryRequest,
  TCreateSubcategoryRequest,
  TUpdateCategoryRequest,
  TUpdateSubcategoryRequest,
} from '@localkart/contracts/admin';
import type { TaxonomyAdministration } from '../taxonomy/taxonomy-administration.service';
import type { Actor, AuditLog, AuditRecord } from './audit-log.service';

/**
 * Taxonomy edits through the taxonomy module, each in the audit log with the category before and
 * after, written in the edit's own transaction.
 */
export const createAdminTaxonomy = ({
  taxonomy,
  audit,
}: {
  taxonomy: TaxonomyAdministration;
  audit: AuditLog;
}) => {
  const audited = (actor: Actor, entry: Omit<AuditRecord, 'before' | 'after'>) =>
    audit.within(actor, (change: { before: unknown; after: unknown }) => ({ ...entry, ...change }));

  const createCategory = (actor: Actor, request: TCreateCategoryRequest) =>
    taxonomy.createCategory(
      request,
      audited(actor, {
        action: 'taxonomy.create_category',
        targetType: 'category',
        targetId: request.slug,
        reason: request.reason,
      }),
    );

  const changeCategory = async (actor: Actor, slug: string, change: TUpdateCategoryRequest) => {
    const { after } = await taxonomy.changeCategory(
      slug,
      change,
      audited(actor, {
        action: 'taxonomy.update_category',
        targetType: 'category',
        targetId: slug,
        reason: change.reason,
      }),
    );
    return after;
  };

  const createSubcategory = async (
    actor: Actor,
    slug: string,
    request: TCreateSubcategoryRequest,
  ) => {
    const { after } = await taxonomy.createSubcategory(
      slug,
      request,
      audited(actor, {
        action: 'taxonomy.create_subcategory',
        targetType: 'subcategory',
        targetId: `${slug}/${request.slug}`,
        reason: request.reason,
      }),
    );
    return after;
  };

  const changeSubcategory = async (
    actor: Actor,
    slug: string,
    subSlug: string,
    change: TUpdateSubcategoryRequest,
  ) => {
    const { after } = await taxonomy.changeSubcategory(
      slug,
      subSlug,
      change,
      audited(actor, {
        action: 'taxonomy.update_subcategory',
        targetType: 'subcategory',
        targetId: `${slug}/${subSlug}`,
        reason: change.reason,
      }),
    );
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
