import type {
  TSearchSuggestion,
  TSearchSuggestionsQuery,
  TSearchSuggestionsResult,
} from '@localkart/contracts/search-suggestions';
import type { Db } from '../../db/client';
import type { SearchCache } from './search-cache';
import {
  findSuggestedProviders,
  findSuggestedTerms,
  type ProviderNameHit,
  type TermHit,
} from './suggestions.repo';

/** One category's name, synonyms and subcategories take at most this many of the slots. */
const PER_CATEGORY = 3;

const KIND_ORDER: Record<TSearchSuggestion['kind'], number> = {
  category: 0,
  subcategory: 1,
  skill: 2,
  provider: 3,
};

type Ranked = { suggestion: TSearchSuggestion; tier: number; score: number; weight: number };

const fromTerm = (hit: TermHit): Ranked => {
  const base = { label: hit.label, term: hit.term };
  const suggestion: TSearchSuggestion =
    hit.kind === 'skill'
      ? { kind: 'skill', ...base, q: hit.label }
      : hit.kind === 'category'
        ? { kind: 'category', ...base, categorySlug: hit.categorySlug ?? '' }
        : {
            kind: 'subcategory',
            ...base,
            categorySlug: hit.categorySlug ?? '',
            subcategorySlug: hit.subcategorySlug ?? '',
          };
  return { suggestion, tier: hit.tier, score: hit.score, weight: hit.weight };
};

const fromProvider = (hit: ProviderNameHit): Ranked => ({
  suggestion: {
    kind: 'provider',
    label: hit.businessName,
    term: hit.term,
    providerId: hit.providerId,
  },
  tier: hit.tier,
  score: hit.score,
  weight: 0,
});

/** Better match first; on a tie taxonomy before skills before names, then the more used. */
const byRank = (a: Ranked, b: Ranked) =>
  b.tier - a.tier ||
  b.score - a.score ||
  KIND_ORDER[a.suggestion.kind] - KIND_ORDER[b.suggestion.kind] ||
  b.weight - a.weight;

const categoryOf = (suggestion: TSearchSuggestion) =>
  suggestion.kind === 'category' || suggestion.kind === 'subcategory'
    ? suggestion.categorySlug
    : undefined;

/** Best first, one per label (a skill spelled like a subcategory shows once), few per category. */
export const rankSuggestions = (candidates: Ranked[], limit: number): TSearchSuggestion[] => {
  const labels = new Set<string>();
  const perCategory = new Map<string, number>();
  const picked: TSearchSuggestion[] = [];
  for (const { suggestion } of [...candidates].sort(byRank)) {
    if (picked.length === limit) break;
    const label = suggestion.label.toLocaleLowerCase('en-IN');
    const category = categoryOf(suggestion);
    const used = category ? (perCategory.get(category) ?? 0) : 0;
    if (labels.has(label) || used >= PER_CATEGORY) continue;
    labels.add(label);
    if (category) perCategory.set(category, used + 1);
    picked.push(suggestion);
  }
  return picked;
};

export const createSuggestionsService = ({ db, cache }: { db: Db; cache: SearchCache }) => {
  /**
   * Autocomplete (issue 5). Cached under "any category", whose version every provider change
   * replaces, so new names and skills show at once; taxonomy edits show within the cache TTL.
   */
  const suggest = async ({
    q,
    limit,
  }: TSearchSuggestionsQuery): Promise<TSearchSuggestionsResult> => {
    const query = { q: q.toLocaleLowerCase('en-IN'), limit };
    return cache.through('suggestions', { category: '', query }, async () => {
      const terms = await findSuggestedTerms(db, query.q);
      const names = await findSuggestedProviders(db, query.q);
      return {
        suggestions: rankSuggestions(
          [...terms.map(fromTerm), ...names.map(fromProvider)],
          query.limit,
        ),
      };
    });
  };

  return { suggest };
};

export type SuggestionsService = ReturnType<typeof createSuggestionsService>;
