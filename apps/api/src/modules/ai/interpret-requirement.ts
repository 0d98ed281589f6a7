import type { ServiceUnit } from '../taxonomy/taxonomy.types';
import { extractPrice } from './extract-price';
import type { QueryInterpreter, QueryIntent } from './interpret-query';
import {
  DEFAULT_TIME_ZONE,
  extractWantedTime,
  type Urgency,
  type WantedTime,
} from './interpret-requirement-time';
import { normaliseDigits } from './number-words';

export type { DayPart, Urgency, WantedTime } from './interpret-requirement-time';

/** What a customer's free-text requirement asks for: the job, how soon, and for how much. */
export type RequirementIntent = QueryIntent & {
  urgency: Urgency;
  when: WantedTime | null;
  /** The most the customer wants to pay, whole rupees. */
  budget: { amount: number; unit: ServiceUnit | null } | null;
};

const B = '(?<![\\p{L}\\p{M}\\p{N}])';
const E = '(?![\\p{L}\\p{M}\\p{N}])';
const AMOUNT = '(\\d{2,6})\\s*(k)?';
const CURRENCY = '(?:₹|rs\\.?|inr|rupees?|rupaye|rupay|rupiya|रुपये|रुपए|रु\\.?)';

/** "budget 500", "under ₹800", "max rs 1k", "बजट 500" */
const BUDGET_BEFORE = new RegExp(
  `${B}(?:budget|bajat|बजट|under|below|within|upto|up to|max|maximum|less than|not more than|around|about|approx|approximately|kam se kam)\\s*(?:is|of|hai|:|-|है)?\\s*${CURRENCY}?\\s*${AMOUNT}${E}`,
  'u',
);
/** "500 tak", "₹700 ke andar", "1000 se kam", "500 रुपये तक" */
const BUDGET_AFTER = new RegExp(
  `${B}${CURRENCY}?\\s*${AMOUNT}\\s*${CURRENCY}?\\s*(?:\\/-)?\\s*(?:tak|ke andar|ke under|ke neeche|ke niche|se kam|se zyada nahi|max|maximum|budget|तक|के अंदर|से कम|बजट)${E}`,
  'u',
);

/** Whole rupees the customer is ready to pay, if the text names an amount. */
export const extractBudget = (text: string): RequirementIntent['budget'] => {
  const price = extractPrice(text);
  for (const pattern of [BUDGET_BEFORE, BUDGET_AFTER]) {
    const match = pattern.exec(text);
    if (!match) continue;
    const amount = Number(match[1]) * (match[2] ? 1000 : 1);
    if (amount >= 50 && amount <= 500_000) return { amount, unit: price?.unit ?? null };
  }
  return price && price.amount >= 50 ? price : null;
};

/** Words of time and money that say nothing about which provider fits. */
const NOT_SKILL_WORDS =
  /^(?:budget|bajat|बजट|under|below|within|upto|max|maximum|rupees?|rupaye|rs|inr|tak|तक|andar|kam|subah|subha|shaam|sham|raat|dopahar|morning|afternoon|evening|night|tonight|tomorrow|today|parso|baje|बजे|सुबह|शाम|रात|दोपहर|badly|asap|immediately|please|pls|plz|emergency)$/u;

/**
 * How customers describe a problem rather than name a service ("drain is blocked", "lights
 * flickering", "पुताई"): each pattern adds the taxonomy words the matcher knows.
 */
const PROBLEM_HINTS: [RegExp, string][] = [
  [/\b(?:drip\w*|tapak\w*)|टपक/u, 'tap repair'],
  [
    /\b(?:drain|sink)\b.*\b(?:block\w*|clog\w*|jam)\b|\b(?:block\w*|clog\w*)\b.*\bdrain/u,
    'drain blockage',
  ],
  [/\b(?:fans?|pankha)\b|पंखा/u, 'fan installation'],
  [/\b(?:lights?|tubelight|bulb)\b.*\bflicker\w*|\bflicker\w*/u, 'light fitting electrician'],
  [/पुताई|\bputai\b/u, 'painting'],
  [
    /\b(?:seepage|damp\w*)\b|\bleak\w*\b.*\b(?:ceiling|wall|roof|terrace)\b|सीलन/u,
    'waterproofing seepage',
  ],
  [/\blocked out\b|\block (?:broken|jammed|stuck)\b|\bchabi\b/u, 'locksmith'],
  [/\bsafai\b/u, 'cleaning'],
];

/**
 * Reads a requirement such as "kitchen sink leaking badly, need someone this evening, budget
 * 500" or "kal subah AC service chahiye 600 tak": the search query interpreter (the taxonomy
 * matcher: English, Hindi, Hinglish, typos) for the job, then patterns for how soon and the
 * budget. Deterministic: `now` and the time zone fix what "today" means.
 */
export const createRequirementInterpreter =
  (interpretQuery: QueryInterpreter) =>
  (text: string, now: Date, timeZone = DEFAULT_TIME_ZONE): RequirementIntent => {
    const folded = normaliseDigits(text.normalize('NFC')).toLowerCase();
    const hints = PROBLEM_HINTS.filter(([pattern]) => pattern.test(folded)).map(
      ([, words]) => words,
    );
    const query = interpretQuery([text, ...hints].join(' . '));
    const { urgency, when } = extractWantedTime(folded, now, timeZone);
    return {
      ...query,
      words: query.words.filter((word) => !NOT_SKILL_WORDS.test(word)),
      urgency,
      when,
      budget: extractBudget(folded),
    };
  };

export type RequirementInterpreter = ReturnType<typeof createRequirementInterpreter>;
