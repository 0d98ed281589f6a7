import type {
  TAdminCategory,
  TCreateCategoryRequest,
  TCreateSubcategoryRequest,
  TUpdateCategoryRequest,
  TUpdateSubcategoryRequest,
} from '@localkart/contracts/admin';
import { api, data } from '../../app/api';

const category = (slug: string) => `api/admin/taxonomy/categories/${encodeURIComponent(slug)}`;

/** Every write answers with the whole category, which the list then refetches. */
export const taxonomyApi = api.enhanceEndpoints({ addTagTypes: ['Taxonomy'] }).injectEndpoints({
  endpoints: (build) => ({
    adminTaxonomy: build.query<TAdminCategory[], void>({
      query: () => 'api/admin/taxonomy',
      transformResponse: data<TAdminCategory[]>,
      providesTags: ['Taxonomy'],
    }),
    createCategory: build.mutation<TAdminCategory, TCreateCategoryRequest>({
      query: (body) => ({ url: 'api/admin/taxonomy/categories', method: 'POST', body }),
      transformResponse: data<TAdminCategory>,
      invalidatesTags: ['Taxonomy'],
    }),
    updateCategory: build.mutation<
      TAdminCategory,
      { slug: string; change: TUpdateCategoryRequest }
    >({
      query: ({ slug, change }) => ({ url: category(slug), method: 'PATCH', body: change }),
      transformResponse: data<TAdminCategory>,
      invalidatesTags: ['Taxonomy'],
    }),
    createSubcategory: build.mutation<
      TAdminCategory,
      { slug: string; request: TCreateSubcategoryRequest }
    >({
      query: ({ slug, request }) => ({
        url: `${category(slug)}/subcategories`,
        method: 'POST',
        body: request,
      }),
      transformResponse: data<TAdminCategory>,
      invalidatesTags: ['Taxonomy'],
    }),
    updateSubcategory: build.mutation<
      TAdminCategory,
      { slug: string; subSlug: string; change: TUpdateSubcategoryRequest }
    >({
      query: ({ slug, subSlug, change }) => ({
        url: `${category(slug)}/subcategories/${encodeURIComponent(subSlug)}`,
        method: 'PATCH',
        body: change,
      }),
      transformResponse: data<TAdminCategory>,
      invalidatesTags: ['Taxonomy'],
    }),
  }),
});

export const {
  useAdminTaxonomyQuery,
  useCreateCategoryMutation,
  useUpdateCategoryMutation,
  useCreateSubcategoryMutation,
  useUpdateSubcategoryMutation,
} = taxonomyApi;
