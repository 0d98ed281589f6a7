import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { successEnvelope } from './envelope';
import { ZClockTime, ZGeoPoint, ZIsoDate, ZServiceUnit } from './providers';
import { ZPincode } from './users';
import { error, json } from './openapi-helpers';

const ZSlug = z
  .string()
  .trim()
  .max(64)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a taxonomy slug such as plumbing');

export const MAX_SEARCH_RADIUS_KM = 50;
export const DEFAULT_SEARCH_RADIUS_KM = 10;
export const MAX_SEARCH_PAGE_SIZE = 50;
/**
 * Totals are counted up to this many matches (or to the end of the page asked for, if further);
 * beyond it the list says "100+". Counting every match in a dense city costs more than the page.
 */
export const SEARCH_TOTAL_CAP = 100;

/** Query strings carry text: `?lat=12.9` → 12.9, an empty value → absent. */
const queryNumber = (schema: z.ZodNumber) =>
  z.preprocess((value) => (value === '' ? undefined : value), z.coerce.number().pipe(schema));

/** A page size above the maximum is clamped, not refused (SECURITY.md "page size clamped"). */
const ZPageSize = z.coerce
  .number()
  .int()
  .min(1)
  .transform((limit) => Math.min(limit, MAX_SEARCH_PAGE_SIZE));

export const ZSearchSort = z.enum(['relevance', 'distance', 'rating', 'price']);
export type TSearchSort = z.infer<typeof ZSearchSort>;

/** Where to search: a point, a pincode or a locality name (exactly one). */
const ZWhere = z.object({
  lat: queryNumber(z.number().min(-90).max(90)).optional(),
  lng: queryNumber(z.number().min(-180).max(180)).optional(),
  pincode: ZPincode.optional(),
  locality: z.string().trim().min(2).max(100).optional(),
});

const whereIsOne = (where: z.infer<typeof ZWhere>, ctx: z.RefinementCtx) => {
  const hasPoint = where.lat !== undefined || where.lng !== undefined;
  if (hasPoint && (where.lat === undefined || where.lng === undefined))
    ctx.addIssue({
      code: 'custom',
      path: [where.lat === undefined ? 'lat' : 'lng'],
      message: 'lat and lng go together',
    });
  const given = [hasPoint, where.pincode !== undefined, where.locality !== undefined].filter(
    Boolean,
  ).length;
  if (given !== 1)
    ctx.addIssue({
      code: 'custom',
      path: ['location'],
      message: 'give exactly one of lat+lng, pincode or locality',
    });
};

export const ZSearchProvidersQuery = ZWhere.extend({
  radiusKm: queryNumber(z.number().min(0.5).max(MAX_SEARCH_RADIUS_KM)).default(
    DEFAULT_SEARCH_RADIUS_KM,
  ),
  category: ZSlug.optional(),
  subcategory: ZSlug.optional(),
  q: z.string().trim().min(1).max(200).optional(),
  minRating: queryNumber(z.number().min(0).max(5)).optional(),
  maxPrice: queryNumber(z.number().int().positive())
    .optional()
    .describe('Highest acceptable starting price, in paise'),
  availableOn: ZIsoDate.optional(),
  time: ZClockTime.optional().describe('With availableOn: a free slot at this time (HH:MM)'),
  verifiedOnly: z.stringbool().optional(),
  sort: ZSearchSort.optional().describe('Default: relevance when q is given, otherwise distance'),
  page: z.coerce.number().int().min(1).max(1000).default(1),
  limit: ZPageSize.default(20),
})
  .strict()
  .superRefine((query, ctx) => {
    whereIsOne(query, ctx);
    if (query.subcategory && !query.category)
      ctx.addIssue({ code: 'custom', path: ['subcategory'], message: 'needs category' });
    if (query.time && !query.availableOn)
      ctx.addIssue({ code: 'custom', path: ['time'], message: 'needs availableOn' });
  });
export type TSearchProvidersQuery = z.infer<typeof ZSearchProvidersQuery>;

export const ZSearchLocation = z
  .object({
    lat: z.number(),
    lng: z.number(),
    label: z.string().meta({ description: 'The pincode or locality searched, or "Your location"' }),
  })
  .meta({ id: 'SearchLocation' });
export type TSearchLocation = z.infer<typeof ZSearchLocation>;

export const ZProviderCard = z
  .object({
    id: z.uuid(),
    businessName: z.string(),
    summary: z.string().meta({ description: 'AI summary, else the start of the description' }),
    skills: z.array(z.string()),
    rating: z.object({ average: z.number(), count: z.number().int() }),
    isVerified: z.boolean(),
    city: z.string(),
    distanceKm: z.number().meta({ description: 'From the searched point, 0.1 km precision' }),
    areaCentre: ZGeoPoint.meta({
      description:
        'Centre of the service area that covers the searched point (distanceKm is to it)',
    }),
    categorySlugs: z.array(z.string()),
    priceFrom: z.object({ paise: z.number().int(), currency: z.literal('INR') }),
  })
  .meta({ id: 'ProviderCard', description: 'A provider as listed in search results' });
export type TProviderCard = z.infer<typeof ZProviderCard>;

export const ZSearchProvidersResult = z
  .object({
    location: ZSearchLocation,
    providers: z.array(ZProviderCard),
    totalIsCapped: z.boolean().meta({
      description: `meta.total stopped counting at ${SEARCH_TOTAL_CAP} (or the end of the page)`,
    }),
  })
  .meta({ id: 'SearchProvidersResult' });
export type TSearchProvidersResult = z.infer<typeof ZSearchProvidersResult>;

export const ZSearchServicesQuery = ZWhere.extend({
  radiusKm: queryNumber(z.number().min(0.5).max(MAX_SEARCH_RADIUS_KM)).default(
    DEFAULT_SEARCH_RADIUS_KM,
  ),
})
  .strict()
  .superRefine(whereIsOne);
export type TSearchServicesQuery = z.infer<typeof ZSearchServicesQuery>;

const ZNames = z.object({ en: z.string(), hi: z.string() });

export const ZServiceCount = z
  .object({
    slug: z.string(),
    names: ZNames,
    unit: ZServiceUnit,
    providerCount: z.number().int(),
    subcategories: z.array(
      z.object({
        slug: z.string(),
        names: ZNames,
        unit: ZServiceUnit,
        providerCount: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'ServiceCount', description: 'A category with how many providers serve the point' });
export type TServiceCount = z.infer<typeof ZServiceCount>;

export const ZSearchServicesResult = z
  .object({ location: ZSearchLocation, categories: z.array(ZServiceCount) })
  .meta({ id: 'SearchServicesResult' });
export type TSearchServicesResult = z.infer<typeof ZSearchServicesResult>;

// ---- OpenAPI ----

const tags = ['Search'];

export const searchPaths = {
  '/api/search/providers': {
    get: {
      summary: 'Providers near a point, pincode or locality',
      description:
        'Only active providers whose service area covers the point and within `radiusKm`. `q` is typo-tolerant and understands English, Hindi and Hinglish service words. `meta` carries page, limit, total (capped) and hasNext.',
      tags,
      requestParams: { query: ZSearchProvidersQuery },
      responses: {
        '200': {
          description: 'One page of matching providers',
          ...json(successEnvelope(ZSearchProvidersResult)),
        },
        '400': error('Invalid filter, or an unknown pincode or locality'),
      },
    },
  },
  '/api/search/services': {
    get: {
      summary: 'The taxonomy with live counts of providers serving a point',
      tags,
      requestParams: { query: ZSearchServicesQuery },
      responses: {
        '200': {
          description: 'Categories with provider counts',
          ...json(successEnvelope(ZSearchServicesResult)),
        },
        '400': error('Invalid location'),
      },
    },
  },
} satisfies ZodOpenApiPathsObject;
