import type { TaxonomyCategory } from '../taxonomy/taxonomy.types';
import { createCategoryMatcher } from './detect-category';
import { normaliseDigits } from './number-words';
import { tokenise } from './tokenise';

/** What a customer's search words ask for. */
export type QueryIntent = {
  /** The category the words name best, then others nearly as strong; empty when none. */
  categorySlugs: string[];
  /** Subcategories of the best category the words name, best first. */
  subcategorySlugs: string[];
  confidence: number;
  /** The words left to match against provider text: folded, without filler words. */
  words: string[];
};

/** Words that say nothing about the job, in English, Hinglish and Hindi. */
const FILLER = new Set(
  [
    'a an the and or for of to in on at near me my i we our need needs needed want wants',
    'someone somebody person guy who can please urgent urgently asap today tomorrow tonight now',
    'this that evening morning afternoon night home house service services help best good cheap',
    'chahiye chaiye karna karne karwana wala wale wali ko ka ki ke hai hain mera meri mujhe',
    'aaj kal abhi jaldi bhai koi kisi ek se par',
    'है हैं का की के को मुझे मेरा मेरी चाहिए आज कल अभी जल्दी कोई एक से पर में',
  ]
    .join(' ')
    .split(' '),
);

/** Latin words need three letters to say anything; Devanagari ones (नल) fewer. */
const isSearchable = (word: string) =>
  /^[a-z]+$/u.test(word) ? word.length >= 3 : word.length >= 2;

/**
 * Reads a short search ("plumbr", "nal theek karne wala", "बिजली मिस्त्री") with the same
 * taxonomy matcher that drafts provider profiles: typo-tolerant, English, Hindi and Hinglish.
 */
export const createQueryInterpreter = (taxonomy: TaxonomyCategory[]) => {
  const matcher = createCategoryMatcher(taxonomy);
  return (text: string): QueryIntent => {
    const tokens = tokenise(normaliseDigits(text.normalize('NFC')).toLowerCase());
    const match = matcher.match(tokens);
    const words = [
      ...new Set(
        tokens
          .map((token) => token.text)
          .filter((word) => !FILLER.has(word) && !/^\d+$/u.test(word) && isSearchable(word)),
      ),
    ].slice(0, 8);
    return {
      categorySlugs: match
        ? [match.category.slug, ...match.alsoCategories.map((category) => category.slug)]
        : [],
      subcategorySlugs: match ? match.subcategories.map((sub) => sub.slug) : [],
      confidence: match?.confidence ?? 0,
      words,
    };
  };
};

export type QueryInterpreter = ReturnType<typeof createQueryInterpreter>;
