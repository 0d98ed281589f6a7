import type { LocalityIndex } from './locality-index';
import { localityKey } from './locality-index';
import type { Token } from './tokenise';

/** Hinglish and trade words that India Post also uses as a place name somewhere. */
const NOT_PLACES = new Set([
  'nagar',
  'colony',
  'sector',
  'road',
  'bazar',
  'market',
  'area',
  'areas',
  'city',
  'nearby',
  'saal',
  'sabhi',
  'kaam',
  'bhai',
  'sahab',
  'ghar',
  'mein',
  'aata',
  'karta',
  'karte',
  'wala',
  'wale',
  'sirf',
  'bhi',
  'aur',
  'kare',
  'karo',
  'hoon',
  'liye',
  'sath',
  'saath',
  'visit',
  'service',
  'charge',
  'charges',
  'rate',
  'experience',
  'rupaye',
  'sasta',
  'accha',
  'acha',
]);

const MAX_AREAS = 10;

export type AreaOptions = {
  index: LocalityIndex;
  /** Whether wink-nlp's English lexicon knows the word (so it is not a place name). */
  isEnglishWord: (word: string) => boolean;
  /** Words the taxonomy uses (trade words are not places). */
  tradeWords: Set<string>;
};

/**
 * Pincodes and metro locality names the description mentions, in order. Single words must be four
 * letters or more, unknown to the English lexicon and not a trade word; two- and three-word names
 * ("Lajpat Nagar", "Banjara Hills") match as a whole.
 */
export const extractAreas = (text: string, tokens: Token[], options: AreaOptions): string[] => {
  const found: { at: number; name: string }[] = [];
  for (const match of text.matchAll(
    /(?<![\d₹.])(?<!rs\.?\s?)\b[1-9]\d{5}\b(?!\s*(?:rs|₹|\/-|rupe))/gu,
  )) {
    if (options.index.pincodes.has(match[0])) found.push({ at: match.index, name: match[0] });
  }
  const words = tokens.filter((token) => /^[a-z]+$/u.test(token.text)).map((token) => token.text);
  const used = new Set<number>();
  for (let size = 3; size >= 1; size--) {
    for (let start = 0; start + size <= words.length; start++) {
      const span = Array.from({ length: size }, (_, i) => start + i);
      if (span.some((i) => used.has(i))) continue;
      const parts = span.map((i) => words[i]!);
      const name = options.index.names.get(localityKey(parts.join('')));
      if (!name) continue;
      if (size === 1) {
        const word = parts[0]!;
        if (word.length < 4 || NOT_PLACES.has(word) || options.tradeWords.has(word)) continue;
        if (options.isEnglishWord(word) && !options.index.cities.has(word)) continue;
      } else if (parts.every((part) => options.isEnglishWord(part) || NOT_PLACES.has(part))) {
        continue;
      }
      span.forEach((i) => used.add(i));
      found.push({ at: 1_000_000 + start, name });
    }
  }
  const names = found.sort((a, b) => a.at - b.at).map((item) => item.name);
  return [...new Set(names)].slice(0, MAX_AREAS);
};
