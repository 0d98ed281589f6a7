import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { ZPincode, ZTimeZone } from './users';
import { bearer, error, json, ok } from './openapi-helpers';

const ZSlug = z
  .string()
  .trim()
  .max(64)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a taxonomy slug such as plumbing');

export const ZServiceUnit = z.enum(['hour', 'service', 'square_feet']);
export const ZCurrency = z.literal('INR');

/** Whole paise (₹1 = 100 paise), positive, at most ₹10,00,000. */
export const ZPricePaise = z
  .number()
  .int('must be whole paise')
  .positive('must be more than 0')
  .max(100_000_000);

/** `HH:MM`, 24-hour, in the provider's time zone. */
export const ZClockTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a 24-hour time such as 09:30');
export const ZWeekday = z.enum([
  'sunday',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
]);
export const ZIsoDate = z.iso.date();

const ZProfileText = (max: number) => z.string().trim().max(max);

/**
 * ERD §4.1 `aiGeneratedProfile` as the provider saves it after reviewing and editing what
 * `POST /api/providers/generate-profile` suggested. Strict and length-limited: it is shown to
 * customers.
 */
export const ZAiGeneratedProfile = z
  .strictObject({
    summary: ZProfileText(600).min(1),
    skills: z.array(ZProfileText(60).min(1)).max(12),
    experience: ZProfileText(120),
    specialties: z.array(ZProfileText(60).min(1)).max(8),
  })
  .meta({ id: 'AiGeneratedProfile' });

// ---- services ----

export const ZCreateProviderServiceRequest = z
  .strictObject({
    categorySlug: ZSlug,
    subcategorySlug: ZSlug,
    title: z.string().trim().min(3).max(100),
    description: z.string().trim().max(2000).default(''),
    basePricePaise: ZPricePaise,
    /** Defaults to the subcategory's usual unit. */
    unit: ZServiceUnit.optional(),
  })
  .meta({ id: 'CreateProviderServiceRequest' });
export type TCreateProviderServiceRequest = z.infer<typeof ZCreateProviderServiceRequest>;

export const ZUpdateProviderServiceRequest = z
  .strictObject({
    title: z.string().trim().min(3).max(100).optional(),
    description: z.string().trim().max(2000).optional(),
    basePricePaise: ZPricePaise.optional(),
    unit: ZServiceUnit.optional(),
    isActive: z.boolean().optional(),
  })
  .meta({ id: 'UpdateProviderServiceRequest' });
export type TUpdateProviderServiceRequest = z.infer<typeof ZUpdateProviderServiceRequest>;

export const ZProviderService = z
  .object({
    id: z.uuid(),
    categorySlug: z.string(),
    subcategorySlug: z.string(),
    title: z.string(),
    description: z.string(),
    basePricePaise: z.number().int(),
    currency: ZCurrency,
    unit: ZServiceUnit,
    isActive: z.boolean(),
  })
  .meta({ id: 'ProviderService' });
export type TProviderService = z.infer<typeof ZProviderService>;

// ---- service areas ----

/** Pincodes and/or India Post locality names (e.g. "Koramangala"), resolved to a centre. */
export const ZCreateServiceAreaRequest = z
  .strictObject({
    pincodes: z.array(ZPincode).max(30).default([]),
    localities: z.array(z.string().trim().min(2).max(80)).max(30).default([]),
    radiusKm: z.number().min(0.5).max(50),
  })
  .refine((area) => area.pincodes.length + area.localities.length > 0, {
    message: 'give at least one pincode or locality',
    path: ['pincodes'],
  })
  .meta({ id: 'CreateServiceAreaRequest' });
export type TCreateServiceAreaRequest = z.infer<typeof ZCreateServiceAreaRequest>;

/** A point on the map as the API answers it (latitude and longitude in degrees). */
export const ZGeoPoint = z.object({ lat: z.number(), lng: z.number() });

export const ZServiceArea = z
  .object({
    id: z.uuid(),
    city: z.string(),
    pincodes: z.array(z.string()),
    localities: z.array(z.string()),
    radiusKm: z.number(),
    centre: ZGeoPoint,
  })
  .meta({ id: 'ServiceArea' });
export type TServiceArea = z.infer<typeof ZServiceArea>;

// ---- availability ----

export const ZAvailabilitySlot = z
  .strictObject({ day: ZWeekday, start: ZClockTime, end: ZClockTime })
  .refine((slot) => slot.start < slot.end, { message: 'must end after it starts', path: ['end'] })
  .meta({ id: 'AvailabilitySlot' });
export type TAvailabilitySlot = z.infer<typeof ZAvailabilitySlot>;

/** Replaces the whole weekly schedule; slots of one day must not overlap. */
export const ZReplaceAvailabilityRequest = z
  .strictObject({ slots: z.array(ZAvailabilitySlot).max(50) })
  .meta({ id: 'ReplaceAvailabilityRequest' });
export type TReplaceAvailabilityRequest = z.infer<typeof ZReplaceAvailabilityRequest>;

export const ZExceptionReason = z.enum(['leave', 'holiday', 'other']);

export const ZCreateAvailabilityExceptionRequest = z
  .strictObject({
    date: ZIsoDate,
    allDay: z.boolean().default(true),
    start: ZClockTime.optional(),
    end: ZClockTime.optional(),
    reason: ZExceptionReason,
    note: z.string().trim().max(200).optional(),
  })
  .superRefine((value, ctx) => {
    if (value.allDay && (value.start || value.end))
      ctx.addIssue({
        code: 'custom',
        message: 'an all-day exception has no times',
        path: ['start'],
      });
    if (!value.allDay && !(value.start && value.end && value.start < value.end))
      ctx.addIssue({
        code: 'custom',
        message: 'a part-day exception needs start before end',
        path: ['end'],
      });
  })
  .meta({ id: 'CreateAvailabilityExceptionRequest' });
export type TCreateAvailabilityExceptionRequest = z.infer<
  typeof ZCreateAvailabilityExceptionRequest
>;

export const ZAvailabilityException = z
  .object({
    id: z.uuid(),
    date: z.string(),
    allDay: z.boolean(),
    start: z.string().nullable(),
    end: z.string().nullable(),
    reason: ZExceptionReason,
    note: z.string().nullable(),
  })
  .meta({ id: 'AvailabilityException' });
export type TAvailabilityException = z.infer<typeof ZAvailabilityException>;

// ---- portfolio and documents ----

export const ZPortfolioItem = z
  .object({
    id: z.uuid(),
    description: z.string(),
    imageUrl: z.string(),
    thumbnailUrl: z.string(),
    sortOrder: z.number().int(),
  })
  .meta({ id: 'PortfolioItem' });
export type TPortfolioItem = z.infer<typeof ZPortfolioItem>;

export const ZPortfolioUploadFields = z.strictObject({
  description: z.string().trim().max(500).default(''),
});
export const ZPortfolioUpload = z
  .object({
    image: z.file().describe('JPEG, PNG or WebP, at most 8 MB and 40 megapixels'),
    description: z.string().max(500).optional(),
  })
  .meta({ id: 'PortfolioUpload' });

export const ZDocumentType = z.enum(['license', 'certificate', 'insurance']);
export const ZDocumentUploadFields = z.strictObject({ type: ZDocumentType });
export const ZDocumentUpload = z
  .object({
    file: z.file().describe('PDF (stored as is) or JPEG, PNG, WebP (re-encoded), at most 10 MB'),
    type: ZDocumentType,
  })
  .meta({ id: 'DocumentUpload' });

export const ZProviderDocument = z
  .object({
    id: z.uuid(),
    type: ZDocumentType,
    contentType: z.string(),
    originalBytes: z.number().int(),
    status: z.enum(['pending', 'verified', 'rejected']),
    rejectionReason: z.string().nullable(),
    reviewedAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
    fileUrl: z.string().meta({
      description:
        'Where the owner (or an admin) downloads the file, signed in: `/api/providers/documents/{id}/file`. Documents have no public URL.',
    }),
  })
  .meta({ id: 'ProviderDocument' });
export type TProviderDocument = z.infer<typeof ZProviderDocument>;

// ---- profile ----

export const ZBusinessName = z.string().trim().min(2).max(100);

export const ZRegisterProviderRequest = z
  .strictObject({
    businessName: ZBusinessName,
    description: z.string().trim().max(2000).default(''),
    service: ZCreateProviderServiceRequest,
    serviceArea: ZCreateServiceAreaRequest,
  })
  .meta({ id: 'RegisterProviderRequest' });
export type TRegisterProviderRequest = z.infer<typeof ZRegisterProviderRequest>;

/** Strict: rating, isVerified and isActive are never set by the provider. */
export const ZUpdateProviderProfileRequest = z
  .strictObject({
    businessName: ZBusinessName.optional(),
    description: z.string().trim().max(2000).optional(),
    timeZone: ZTimeZone.optional(),
    aiGeneratedProfile: ZAiGeneratedProfile.nullable().optional(),
  })
  .meta({ id: 'UpdateProviderProfileRequest' });
export type TUpdateProviderProfileRequest = z.infer<typeof ZUpdateProviderProfileRequest>;

const ZRating = z.object({ average: z.number(), count: z.number().int() });

export const ZProviderProfile = z
  .object({
    id: z.uuid(),
    businessName: z.string(),
    description: z.string(),
    aiGeneratedProfile: ZAiGeneratedProfile.nullable(),
    rating: ZRating,
    isVerified: z.boolean(),
    isActive: z.boolean(),
    timeZone: z.string(),
    services: z.array(ZProviderService),
    serviceAreas: z.array(ZServiceArea),
    availability: z.array(ZAvailabilitySlot),
    portfolio: z.array(ZPortfolioItem),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'ProviderProfile' });
export type TProviderProfile = z.infer<typeof ZProviderProfile>;

/** What anyone may see: no documents, no phone, e-mail or address; the owner's first name only. */
export const ZPublicProviderProfile = z
  .object({
    id: z.uuid(),
    businessName: z.string(),
    description: z.string(),
    ownerName: z.string().meta({ description: 'First name and last initial, e.g. "Arjun M."' }),
    aiGeneratedProfile: ZAiGeneratedProfile.pick({
      summary: true,
      skills: true,
      specialties: true,
    }).nullable(),
    rating: ZRating,
    isVerified: z.boolean(),
    timeZone: z.string(),
    services: z.array(ZProviderService.omit({ isActive: true })),
    serviceAreas: z.array(ZServiceArea.omit({ id: true, localities: true })),
    availability: z.array(ZAvailabilitySlot),
    unavailableDates: z.array(z.object({ date: z.string(), allDay: z.boolean() })),
    portfolio: z.array(ZPortfolioItem.omit({ sortOrder: true })),
  })
  .meta({ id: 'PublicProviderProfile' });
export type TPublicProviderProfile = z.infer<typeof ZPublicProviderProfile>;

// ---- OpenAPI ----

const tags = ['Providers'];
const idParam = { path: z.object({ id: z.uuid() }) };
const asProvider = {
  '401': error('Not signed in'),
  '403': error('Not a provider'),
};
const multipart = (schema: z.ZodType) => ({
  required: true,
  content: { 'multipart/form-data': { schema } },
});

export const providersPaths = {
  '/api/providers/register': {
    post: {
      summary: 'Become a provider',
      description:
        'Turns the signed-in customer into a provider with a first service and service area; their role becomes `provider`.',
      tags,
      security: bearer,
      requestBody: json(ZRegisterProviderRequest),
      responses: {
        '201': ok('The new provider profile', ZProviderProfile),
        '400': error('Invalid field, unknown category/subcategory, or unknown pincode/locality'),
        '401': error('Not signed in'),
        '409': error('Already a provider (or an admin)'),
      },
    },
  },
  '/api/providers/profile': {
    get: {
      summary: 'The signed-in provider’s own profile',
      tags,
      security: bearer,
      responses: { '200': ok('Profile', ZProviderProfile), ...asProvider },
    },
    put: {
      summary: 'Change business name, description or time zone',
      description: 'Service areas have their own endpoints (`/api/providers/service-areas`).',
      tags,
      security: bearer,
      requestBody: json(ZUpdateProviderProfileRequest),
      responses: {
        '200': ok('Updated profile', ZProviderProfile),
        '400': error('Invalid or forbidden field'),
        ...asProvider,
      },
    },
  },
  '/api/providers/services': {
    get: {
      summary: 'The provider’s services',
      tags,
      security: bearer,
      responses: { '200': ok('Services', z.array(ZProviderService)), ...asProvider },
    },
    post: {
      summary: 'Add a service',
      tags,
      security: bearer,
      requestBody: json(ZCreateProviderServiceRequest),
      responses: {
        '201': ok('The new service', ZProviderService),
        '400': error('Invalid field or unknown category/subcategory'),
        ...asProvider,
      },
    },
  },
  '/api/providers/services/{id}': {
    put: {
      summary: 'Change one of one’s services',
      tags,
      security: bearer,
      requestParams: idParam,
      requestBody: json(ZUpdateProviderServiceRequest),
      responses: {
        '200': ok('Updated service', ZProviderService),
        '400': error('Invalid field'),
        ...asProvider,
        '404': error('No such service of this provider'),
      },
    },
    delete: {
      summary: 'Delete one of one’s services',
      tags,
      security: bearer,
      requestParams: idParam,
      responses: {
        '204': { description: 'Deleted' },
        ...asProvider,
        '404': error('No such service of this provider'),
      },
    },
  },
  '/api/providers/service-areas': {
    post: {
      summary: 'Add a service area from pincodes and/or locality names',
      description:
        'Resolved with India Post’s directory: the centre is the mean of the post offices’ coordinates, the city comes from their district. An unknown pincode or locality is a 400 whose details carry suggestions.',
      tags,
      security: bearer,
      requestBody: json(ZCreateServiceAreaRequest),
      responses: {
        '201': ok('The new area', ZServiceArea),
        '400': error('Invalid field, unknown pincode or locality (with suggestions)'),
        ...asProvider,
      },
    },
  },
  '/api/providers/service-areas/{id}': {
    delete: {
      summary: 'Remove a service area',
      tags,
      security: bearer,
      requestParams: idParam,
      responses: {
        '204': { description: 'Removed' },
        ...asProvider,
        '404': error('No such area of this provider'),
      },
    },
  },
  '/api/providers/availability': {
    put: {
      summary: 'Replace the weekly schedule',
      tags,
      security: bearer,
      requestBody: json(ZReplaceAvailabilityRequest),
      responses: {
        '200': ok('The schedule', z.array(ZAvailabilitySlot)),
        '400': error('A slot ends before it starts, or two slots of a day overlap'),
        ...asProvider,
      },
    },
  },
  '/api/providers/availability/exceptions': {
    get: {
      summary: 'Upcoming days off and part-day absences',
      tags,
      security: bearer,
      responses: { '200': ok('Exceptions', z.array(ZAvailabilityException)), ...asProvider },
    },
    post: {
      summary: 'Add a day off or a part-day absence',
      tags,
      security: bearer,
      requestBody: json(ZCreateAvailabilityExceptionRequest),
      responses: {
        '201': ok('The exception', ZAvailabilityException),
        '400': error('Invalid field or a date in the past'),
        ...asProvider,
      },
    },
  },
  '/api/providers/availability/exceptions/{id}': {
    delete: {
      summary: 'Remove an exception',
      tags,
      security: bearer,
      requestParams: idParam,
      responses: { '204': { description: 'Removed' }, ...asProvider, '404': error('Not found') },
    },
  },
  '/api/providers/portfolio': {
    post: {
      summary: 'Add a portfolio image',
      description:
        'Checked by content, re-encoded to WebP (1280 px and a 320 px thumbnail) without metadata; counts against the upload quota.',
      tags,
      security: bearer,
      requestBody: multipart(ZPortfolioUpload),
      responses: {
        '201': ok('The item', ZPortfolioItem),
        '400': error('No file, another field, or a damaged image'),
        ...asProvider,
        '413': error('Too large or over quota'),
        '415': error('Not a JPEG, PNG or WebP image'),
      },
    },
  },
  '/api/providers/portfolio/{id}': {
    delete: {
      summary: 'Remove a portfolio item',
      tags,
      security: bearer,
      requestParams: idParam,
      responses: { '204': { description: 'Removed' }, ...asProvider, '404': error('Not found') },
    },
  },
  '/api/providers/documents': {
    get: {
      summary: 'One’s verification documents and their review status',
      tags,
      security: bearer,
      responses: { '200': ok('Documents', z.array(ZProviderDocument)), ...asProvider },
    },
    post: {
      summary: 'Upload a licence, certificate or insurance document',
      description:
        'PDFs are stored as they are; images are re-encoded to WebP. The type is read from the content, never the name. Status starts as `pending`.',
      tags,
      security: bearer,
      requestBody: multipart(ZDocumentUpload),
      responses: {
        '201': ok('The document', ZProviderDocument),
        '400': error('No file, missing/unknown type, or a damaged image'),
        ...asProvider,
        '413': error('Too large or over quota'),
        '415': error('Not a PDF, JPEG, PNG or WebP file'),
      },
    },
  },
  '/api/providers/documents/{id}/file': {
    get: {
      summary: 'Download a verification document',
      description:
        'Only the provider who uploaded it and admins; anyone else gets 404, as for an unknown id. Sent as an attachment with its stored content type, `nosniff`, `Cache-Control: private, no-store` and a sandboxing CSP.',
      tags,
      security: bearer,
      requestParams: idParam,
      responses: {
        '200': {
          description: 'The file',
          content: {
            'application/pdf': { schema: z.string().meta({ format: 'binary' }) },
            'image/webp': { schema: z.string().meta({ format: 'binary' }) },
          },
        },
        '401': error('Not signed in'),
        '404': error('No such document, or not the caller’s'),
      },
    },
  },
  '/api/providers/{id}': {
    get: {
      summary: 'A provider’s public page',
      description: 'No sign-in needed. Never includes documents or contact data.',
      tags,
      requestParams: idParam,
      responses: {
        '200': ok('Public profile', ZPublicProviderProfile),
        '404': error('No such active provider'),
      },
    },
  },
} satisfies ZodOpenApiPathsObject;
