import type { ServiceUnit } from '../taxonomy/taxonomy.types';

export type ExtractedPrice = { amount: number; unit: ServiceUnit | null };

const B = '(?<![\\p{L}\\p{M}\\p{N}])';
const E = '(?![\\p{L}\\p{M}\\p{N}])';
const AMOUNT = '(\\d{1,6}(?:\\.\\d{1,2})?)\\s*(k)?';
const CURRENCY_BEFORE = `(?:₹|rs\\.?|inr|rupees?|रु\\.?|रुपये|रुपए)`;
const CURRENCY_AFTER = `(?:\\/-|₹|rs\\.?|inr|rupees?|rupaye|rupaiye|rupay|rupiya|rupye|rs|रुपये|रुपए|रु\\.?)`;
const PRICE_WORD = `(?:charges?|charging|fees?|rate|price|starting|starts|from|minimum|min|only|lagta|lete|leta|लेता|शुल्क)`;

const PRICES = [
  new RegExp(`(?<![\\p{L}])${CURRENCY_BEFORE}\\s*${AMOUNT}${E}`, 'gu'),
  new RegExp(`${B}${AMOUNT}\\s*${CURRENCY_AFTER}(?![\\p{L}\\p{N}])`, 'gu'),
  new RegExp(
    `${B}${AMOUNT}\\s*(?:\\/|per|prati|प्रति)\\s*(?=hour|hr|visit|service|sq|ghanta|घंटा|घंटे|class|session|day|month)`,
    'gu',
  ),
  new RegExp(`${B}${PRICE_WORD}\\s*(?:is|of|:|-|se)?\\s*${AMOUNT}${E}`, 'gu'),
];

const UNITS: [ServiceUnit, RegExp][] = [
  [
    'square_feet',
    /^(?:per|\/|a|prati|प्रति|ek)?\s*(?:sq\.?\s*(?:ft|feet|foot)|sqft|square\s*(?:feet|foot|ft)|वर्ग\s*फ(?:ु|ी)ट)/u,
  ],
  ['hour', /^(?:per|\/|an?|prati|प्रति|ek|ka)?\s*(?:hours?|hrs?|ghanta|ghante|घंटा|घंटे)(?![\p{L}])/u],
  [
    'service',
    /^(?:per|\/|a|prati|प्रति|ek|ka)?\s*(?:visit|service|job|call|kaam|session|class|day|din|month|mahina|mahine|machine|unit|room|bhk|event|trip|kg|piece|wash|car|plate|person|विज़िट|विजिट|सर्विस|दिन|महीना|महीने)/u,
  ],
];

/** "monthly 600 rs", "पूरे दिन के लिए ₹1200": a per-job word just before the amount. */
const SERVICE_BEFORE =
  /(?:monthly|per month|mahina|mahine|full day|per day|दिन|महीना|महीने)[^\d]*$/u;

const unitAfter = (text: string): ServiceUnit | null => {
  const rest = text
    .slice(0, 40)
    .replace(/^[\s.,:-]*(?:\/-)?[\s.]*(?:only|onwards|se shuru|starting|approx)?\s*/u, '');
  return UNITS.find(([, pattern]) => pattern.test(rest))?.[0] ?? null;
};

/**
 * The first price in a lower-cased, digit-normalised description, phone numbers already removed:
 * "₹500 per visit", "500 rs/hr", "rs. 300 per hour", "400/- per sq ft", "500 rupaye", "2k".
 * Amounts next to a year word are experience, not prices.
 */
export const extractPrice = (text: string): ExtractedPrice | null => {
  const candidates: { index: number; end: number; amount: number }[] = [];
  for (const pattern of PRICES) {
    for (const match of text.matchAll(pattern)) {
      const amount = Number(match[1]) * (match[2] ? 1000 : 1);
      const after = text.slice(match.index + match[0].length, match.index + match[0].length + 12);
      if (/^\s*\+?\s*(?:years?|yrs?|saal|sal|साल|वर्ष)/u.test(after)) continue;
      if (amount < 5 || amount > 500_000) continue;
      const looksLikeYear = !match[2] && amount >= 1950 && amount <= 2035;
      if (looksLikeYear && pattern === PRICES[3]) continue;
      candidates.push({ index: match.index, end: match.index + match[0].length, amount });
    }
  }
  const first = candidates.sort((a, b) => a.index - b.index)[0];
  if (!first) return null;
  const before = text.slice(Math.max(0, first.index - 25), first.index);
  const unit = unitAfter(text.slice(first.end)) ?? (SERVICE_BEFORE.test(before) ? 'service' : null);
  return { amount: Math.round(first.amount), unit };
};
