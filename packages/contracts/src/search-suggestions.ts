import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { successEnvelope, ZErrorEnvelope } from './envelope';
import { json } from './openapi-helpers';

export const MAX_SUGGESTIONS = 10;

/** Above the maximum is clamped, not refused (SECURITY.md "page size clamped"). */
const ZSuggestionLimit = z.coerce
  .number()
  .int()
  .min(1)
  .transform((limit) => Math.min(limit, MAX_SUGGESTIONS));

export const ZSearchSuggestionsQuery = z
  .object({
    q: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .meta({ description: 'What the customer has typed so far' }),
    limit: ZSuggestionLimit.default(MAX_SUGGESTIONS).meta({
      description: `How many to return, at most ${MAX_SUGGESTIONS} (a larger value is clamped)`,
    }),
  })
  .strict();
export type TSearchSuggestionsQuery = z.infer<typeof ZSearchSuggestionsQuery>;

const suggestionBase = {
  label: z.string().meta({
    description: 'What to show: the Hindi name when a Devanagari word matched, else English',
  }),
  term: z.string().meta({ description: 'The word that matched, lower-case and accent-free' }),
};

export const ZSearchSuggestion = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('category'), ...suggestionBase, categorySlug: z.string() }),
    z.object({
      kind: z.literal('subcategory'),
      ...suggestionBase,
      categorySlug: z.string(),
      subcategorySlug: z.string(),
    }),
    z.object({
      kind: z.literal('skill'),
      ...suggestionBase,
      q: z.string().meta({ description: 'Search providers with this text' }),
    }),
    z.object({ kind: z.literal('provider'), ...suggestionBase, providerId: z.uuid() }),
  ])
  .meta({
    id: 'SearchSuggestion',
    description:
      'A category or subcategory (search with its slugs), a skill (search with `q`) or a provider (open its page)',
  });
export type TSearchSuggestion = z.infer<typeof ZSearchSuggestion>;

export const ZSearchSuggestionsResult = z
  .object({ suggestions: z.array(ZSearchSuggestion).max(MAX_SUGGESTIONS) })
  .meta({ id: 'SearchSuggestionsResult' });
export type TSearchSuggestionsResult = z.infer<typeof ZSearchSuggestionsResult>;

// ---- OpenAPI ----

export const searchSuggestionsPaths = {
  '/api/search/suggestions': {
    get: {
      summary: 'Autocomplete while typing',
      description:
        'Categories, subcategories, skills and provider names matching what was typed: by prefix, with typos, in English, Hindi (Devanagari) and Hinglish. At most 10, best first; cached, so it can be called on every keystroke.',
      tags: ['Search'],
      requestParams: { query: ZSearchSuggestionsQuery },
      responses: {
        '200': {
          description: 'Suggestions, best first',
          ...json(successEnvelope(ZSearchSuggestionsResult)),
        },
        '400': {
          description: 'Empty or over-long `q`, or an unknown parameter',
          ...json(ZErrorEnvelope),
        },
      },
    },
  },
} satisfies ZodOpenApiPathsObject;
