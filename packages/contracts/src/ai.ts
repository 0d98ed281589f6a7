import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { successEnvelope, ZErrorEnvelope } from './envelope';
import { json } from './openapi-helpers';

/** A taxonomy slug such as `plumbing` or `tap-repair`. */
const ZSlug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lowercase slug');

/** `POST /api/providers/generate-profile`: the provider's own words about their work. */
export const ZGenerateProfileRequest = z
  .strictObject({
    description: z
      .string()
      .trim()
      .min(10, 'must be at least 10 characters')
      .max(2000, 'must be at most 2000 characters'),
    language: z.enum(['en', 'hi']).default('en'),
  })
  .meta({ id: 'GenerateProfileRequest' });

export type TGenerateProfileRequest = z.infer<typeof ZGenerateProfileRequest>;

export const ZProfilePricing = z.strictObject({
  /** Whole rupees; null when the description names no price. */
  basePrice: z.number().int().min(0).max(10_000_000).nullable(),
  currency: z.literal('INR'),
  unit: z.enum(['hour', 'service', 'square_feet']),
});

export const ZProfileCategory = z.strictObject({
  slug: ZSlug,
  subcategory: ZSlug.nullable(),
  confidence: z.number().min(0).max(1),
});

/**
 * A draft provider profile made from a free-text description (ERD §7.1). A suggestion the provider
 * reviews before saving, never trusted as-is: every field is bounded.
 */
export const ZGeneratedProfile = z
  .strictObject({
    summary: z.string().max(600),
    skills: z.array(z.string().max(60)).max(12),
    experience: z.string().max(120),
    experienceYears: z.number().int().min(0).max(80).nullable(),
    specialties: z.array(z.string().max(60)).max(8),
    /** Locality names or 6-digit pincodes. */
    serviceAreas: z.array(z.string().max(80)).max(10),
    pricing: ZProfilePricing,
    /** Languages spoken, as English names (`Hindi`, `Kannada`). */
    languages: z.array(z.string().max(30)).max(12),
    category: ZProfileCategory.nullable(),
    engine: z.enum(['local', 'openai']),
  })
  .meta({ id: 'GeneratedProfile' });

export type TGeneratedProfile = z.infer<typeof ZGeneratedProfile>;
export type TProfilePricing = z.infer<typeof ZProfilePricing>;
export type TProfileCategory = z.infer<typeof ZProfileCategory>;

export const aiPaths = {
  '/api/providers/generate-profile': {
    post: {
      summary:
        'Draft a professional provider profile from a few words in English, Hindi or Hinglish (review it, then save it with PUT /api/providers/profile)',
      tags: ['Providers'],
      security: [{ bearerAuth: [] }],
      requestBody: json(ZGenerateProfileRequest),
      responses: {
        '200': { description: 'Suggested profile', ...json(successEnvelope(ZGeneratedProfile)) },
        '400': { description: 'Invalid description or language', ...json(ZErrorEnvelope) },
        '401': { description: 'Not signed in', ...json(ZErrorEnvelope) },
        '429': { description: 'Too many drafts in an hour', ...json(ZErrorEnvelope) },
      },
    },
  },
} satisfies ZodOpenApiPathsObject;
