import { useTranslation } from 'react-i18next';
import type { TAdminCategory } from '@localkart/contracts/admin';
import { useAdminTaxonomyQuery } from './taxonomy-api';

type Names = TAdminCategory['names'];

/**
 * Category and subcategory names in the panel's language, looked up by slug (inactive ones
 * included: old bookings keep them). Until the taxonomy has loaded, or for a slug it does not
 * know, the slug itself is shown.
 */
export const useCategoryNames = () => {
  const { i18n } = useTranslation();
  const { data: taxonomy } = useAdminTaxonomyQuery();
  const inLanguage = (names: Names | undefined, slug: string) =>
    names ? (i18n.language === 'hi' ? names.hi : names.en) : slug;
  const find = (slug: string) => taxonomy?.find((category) => category.slug === slug);
  return {
    categoryName: (slug: string) => inLanguage(find(slug)?.names, slug),
    subcategoryName: (categorySlug: string, slug: string) =>
      inLanguage(find(categorySlug)?.subcategories.find((sub) => sub.slug === slug)?.names, slug),
  };
};
