import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { successEnvelope } from './envelope';
import { json } from './openapi-helpers';

/** How a service is priced: by the hour, per job, or by area. */
export const ZServiceUnit = z
  .enum(['hour', 'service', 'square_feet'])
  .meta({ id: 'ServiceUnit', description: 'Pricing unit: per hour, per job, or per square foot' });

export type TServiceUnit = z.infer<typeof ZServiceUnit>;

/** Typical price range in integer paise (₹1 = 100 paise). */
export const ZPriceRange = z
  .object({
    minPaise: z.number().int().min(0),
    maxPaise: z.number().int().min(0),
    currency: z.literal('INR'),
  })
  .meta({ id: 'PriceRange', description: 'Typical price range in paise (₹1 = 100 paise)' });

export type TPriceRange = z.infer<typeof ZPriceRange>;

export const ZLocalizedNames = z
  .object({ en: z.string(), hi: z.string() })
  .meta({ id: 'LocalizedNames', description: 'English and Hindi (Devanagari) names' });

/** A kebab-case ASCII slug, e.g. `ac-repair-service`. */
export const ZTaxonomySlug = z
  .string()
  .max(64)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a kebab-case slug such as ac-repair-service');

export const ZServiceSubcategory = z
  .object({
    slug: ZTaxonomySlug,
    names: ZLocalizedNames,
    unit: ZServiceUnit,
    priceRange: ZPriceRange,
    synonyms: z
      .array(z.string())
      .describe('English, Hindi (Devanagari) and Hinglish words people type for this job'),
  })
  .meta({ id: 'ServiceSubcategory' });

export type TServiceSubcategory = z.infer<typeof ZServiceSubcategory>;

export const ZServiceCategory = z
  .object({
    slug: ZTaxonomySlug,
    names: ZLocalizedNames,
    description: z.string(),
    unit: ZServiceUnit.describe('The typical pricing unit of the category'),
    priceRange: ZPriceRange,
    synonyms: z
      .array(z.string())
      .describe('English, Hindi (Devanagari) and Hinglish words, misspellings included'),
    subcategories: z.array(ZServiceSubcategory),
  })
  .meta({ id: 'ServiceCategory' });

export type TServiceCategory = z.infer<typeof ZServiceCategory>;

export const ZTaxonomy = z.array(ZServiceCategory).meta({ id: 'Taxonomy' });

export type TTaxonomy = z.infer<typeof ZTaxonomy>;

export const taxonomyPaths = {
  '/api/taxonomy': {
    get: {
      summary: 'Every active service category with its active subcategories',
      description:
        'Public and cacheable (`Cache-Control: public, max-age=300`). Prices are typical metro ranges in paise.',
      tags: ['Taxonomy'],
      responses: {
        '200': { description: 'The service taxonomy', ...json(successEnvelope(ZTaxonomy)) },
      },
    },
  },
} satisfies ZodOpenApiPathsObject;
