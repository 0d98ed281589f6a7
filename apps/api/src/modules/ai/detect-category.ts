import type { TaxonomyCategory, TaxonomySubcategory } from '../taxonomy/taxonomy.types';
import { isCloseTo } from './fuzzy-match';
import { foldWord, stem, type Token } from './tokenise';

type Term = { words: string[]; category: number; subcategory: number | null; weight: number };

export type CategoryMatch = {
  category: TaxonomyCategory;
  /** The best subcategory, if any of its words appear. */
  subcategory: TaxonomySubcategory | null;
  /** Subcategories whose words appear, best first. */
  subcategories: TaxonomySubcategory[];
  /** Other categories nearly as strong (a plumber who also does electrical work). */
  alsoCategories: TaxonomyCategory[];
  confidence: number;
};

export type CategoryMatcher = {
  match: (tokens: Token[]) => CategoryMatch | null;
  /** Every word the taxonomy uses, so place-name matching can leave them alone. */
  words: Set<string>;
};

const SUBCATEGORY_BONUS = 1.5;
const ALSO_THRESHOLD = 0.6;

const termWords = (term: string): string[] =>
  term
    .split(/[\s/,()&+-]+/u)
    .map(foldWord)
    .filter(Boolean)
    .map(stem);

const wordsMatch = (typed: string, word: string) => isCloseTo(typed, word);

const termAt = (words: string[], start: number, term: string[]) =>
  term.every((word, i) => start + i < words.length && wordsMatch(words[start + i]!, word));

/** Also "acrepair" for "ac repair", "deepcleaning" for "deep cleaning". */
const joinedMatches = (words: string[], term: string[]) =>
  term.length > 1 && words.includes(term.join(''));

/**
 * Builds a matcher from the taxonomy: every name and synonym (English, Hindi, Hinglish) of each
 * category and subcategory becomes a term; a term found in the description (words in order, typos
 * allowed on long words) scores its length over the number of categories sharing it, more for a
 * subcategory term. The best category wins; confidence grows with its score and its lead.
 */
export const createCategoryMatcher = (taxonomy: TaxonomyCategory[]): CategoryMatcher => {
  const raw: Omit<Term, 'weight'>[] = [];
  taxonomy.forEach((category, c) => {
    for (const text of [
      category.nameEn,
      category.nameHi,
      category.slug.replace(/-/gu, ' '),
      ...category.synonyms,
    ]) {
      raw.push({ words: termWords(text), category: c, subcategory: null });
    }
    category.subcategories.forEach((sub, s) => {
      for (const text of [sub.nameEn, sub.nameHi, sub.slug.replace(/-/gu, ' '), ...sub.synonyms]) {
        raw.push({ words: termWords(text), category: c, subcategory: s });
      }
    });
  });
  const owners = new Map<string, Set<number>>();
  for (const term of raw) {
    const key = term.words.join(' ');
    owners.set(key, (owners.get(key) ?? new Set()).add(term.category));
  }
  const seen = new Set<string>();
  const terms: Term[] = [];
  for (const term of raw) {
    const key = `${term.words.join(' ')}|${term.category}|${term.subcategory}`;
    if (term.words.length === 0 || seen.has(key)) continue;
    seen.add(key);
    const letters = term.words.join('').length;
    if (term.words.length === 1 && letters < 2) continue;
    const sharedBy = owners.get(term.words.join(' '))!.size;
    terms.push({ ...term, weight: term.words.length / sharedBy });
  }
  const vocabulary = new Set(raw.flatMap((term) => term.words));

  const match = (tokens: Token[]): CategoryMatch | null => {
    const words = tokens.map((token) => stem(token.text));
    const categoryScore = new Map<number, number>();
    const subScore = new Map<string, number>();
    const matchedKeys = new Set<string>();
    for (const term of terms) {
      const key = `${term.words.join(' ')}|${term.category}|${term.subcategory}`;
      if (matchedKeys.has(key)) continue;
      const found =
        joinedMatches(words, term.words) || words.some((_, i) => termAt(words, i, term.words));
      if (!found) continue;
      matchedKeys.add(key);
      const bonus = term.subcategory === null ? 1 : SUBCATEGORY_BONUS;
      categoryScore.set(
        term.category,
        (categoryScore.get(term.category) ?? 0) + term.weight * bonus,
      );
      if (term.subcategory !== null) {
        const subKey = `${term.category}:${term.subcategory}`;
        subScore.set(subKey, (subScore.get(subKey) ?? 0) + term.weight);
      }
    }
    const ranked = [...categoryScore.entries()].sort((a, b) => b[1] - a[1]);
    const [best, runnerUp] = ranked;
    if (!best || best[1] < 0.5) return null;
    const category = taxonomy[best[0]]!;
    const subcategories = [...subScore.entries()]
      .filter(([key]) => key.startsWith(`${best[0]}:`))
      .sort((a, b) => b[1] - a[1])
      .map(([key]) => category.subcategories[Number(key.split(':')[1])]!);
    const strength = 1 - Math.exp(-best[1] / 1.5);
    const lead = best[1] / (best[1] + (runnerUp?.[1] ?? 0));
    return {
      category,
      subcategory: subcategories[0] ?? null,
      subcategories,
      alsoCategories: ranked
        .slice(1)
        .filter(([, score]) => score >= best[1] * ALSO_THRESHOLD)
        .map(([index]) => taxonomy[index]!),
      confidence: Math.round(strength * (0.4 + 0.6 * lead) * 100) / 100,
    };
  };

  return { match, words: vocabulary };
};
