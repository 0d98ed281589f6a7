import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { successEnvelope, ZErrorEnvelope } from './envelope';
import { ZClockTime, ZIsoDate, ZServiceUnit } from './providers';
import { ZProviderCard, ZSearchLocation } from './search';
import { ZPincode } from './users';
import { json } from './openapi-helpers';

export const MAX_RECOMMENDATIONS = 20;
export const DEFAULT_RECOMMENDATIONS = 5;
export const MAX_REASON_LENGTH = 160;

const ZRecommendationLocation = z
  .union([
    z.strictObject({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) }),
    z.strictObject({ pincode: ZPincode }),
    z.strictObject({ locality: z.string().trim().min(2).max(100) }),
  ])
  .meta({ description: 'A point, a pincode or a locality name' });

const ZWhen = z
  .union([
    z.iso.datetime({ offset: true }),
    z.strictObject({ date: ZIsoDate, time: ZClockTime.optional() }),
  ])
  .meta({
    description:
      'When the job should be done: an ISO date-time, or a date and optional time (Asia/Kolkata). Overrides any time in the text.',
  });

export const ZAiRecommendationsRequest = z
  .strictObject({
    requirements: z.string().trim().min(3).max(1000),
    location: ZRecommendationLocation,
    when: ZWhen.optional(),
    limit: z.number().int().min(1).max(MAX_RECOMMENDATIONS).default(DEFAULT_RECOMMENDATIONS),
  })
  .meta({ id: 'AiRecommendationsRequest' });
export type TAiRecommendationsRequest = z.infer<typeof ZAiRecommendationsRequest>;

export const ZRequirementIntent = z
  .object({
    category: z.object({ slug: z.string(), name: z.string() }).nullable(),
    subcategories: z.array(z.object({ slug: z.string(), name: z.string() })),
    urgency: z.enum(['now', 'today', 'scheduled', 'flexible']),
    when: z
      .object({ date: ZIsoDate, time: ZClockTime.optional(), label: z.string() })
      .nullable()
      .meta({ description: 'Wall-clock time wanted, Asia/Kolkata' }),
    budget: z
      .object({
        paise: z.number().int(),
        currency: z.literal('INR'),
        unit: ZServiceUnit.nullable(),
      })
      .nullable(),
    confidence: z.number().min(0).max(1),
    summary: z.string().meta({ description: 'e.g. "Plumbing · this evening · up to ₹500"' }),
  })
  .meta({ id: 'RequirementIntent', description: 'What the text was understood to ask for' });
export type TRequirementIntent = z.infer<typeof ZRequirementIntent>;

export const ZRecommendation = z
  .object({
    provider: ZProviderCard,
    score: z.number().int().min(0).max(100),
    reason: z.string().max(MAX_REASON_LENGTH),
    fit: z.object({
      offersWantedService: z.boolean(),
      withinBudget: z.boolean().nullable().meta({ description: 'null when no budget was given' }),
      availableAtWantedTime: z
        .boolean()
        .nullable()
        .meta({ description: 'null when no time was asked for' }),
    }),
  })
  .meta({ id: 'Recommendation' });
export type TRecommendation = z.infer<typeof ZRecommendation>;

export const ZAiRecommendationsResult = z
  .object({
    location: ZSearchLocation,
    intent: ZRequirementIntent,
    engine: z.enum(['local', 'openai']).meta({ description: 'Which engine ranked the matches' }),
    matches: z.array(ZRecommendation).meta({ description: 'Best first, score descending' }),
  })
  .meta({ id: 'AiRecommendationsResult' });
export type TAiRecommendationsResult = z.infer<typeof ZAiRecommendationsResult>;

// ---- OpenAPI ----

export const searchRecommendationsPaths = {
  '/api/search/ai-recommendations': {
    post: {
      summary: 'Providers matched to a free-text requirement, scored and explained',
      description:
        'Understands the job, how soon and the budget from English, Hindi or Hinglish text ("kitchen sink leaking, need someone this evening, budget 500"), then ranks nearby providers by fit of skills, distance, rating (with a prior, so one 5★ review does not beat two hundred 4.8★), price against the budget and availability at the wanted time. Each match has a 0–100 score and a one-line reason. Public; rate-limited like the rest of /api.',
      tags: ['Search'],
      requestBody: json(ZAiRecommendationsRequest),
      responses: {
        '200': {
          description: 'The understood intent and the best matches',
          ...json(successEnvelope(ZAiRecommendationsResult)),
        },
        '400': {
          description: 'Invalid request, or an unknown pincode or locality',
          ...json(ZErrorEnvelope),
        },
        '429': { description: 'Too many requests', ...json(ZErrorEnvelope) },
      },
    },
  },
} satisfies ZodOpenApiPathsObject;
