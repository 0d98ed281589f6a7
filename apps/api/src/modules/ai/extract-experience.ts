import { NUMBER, numberValue } from './number-words';

const YEAR_WORD =
  '(?:years?|yrs?|yers?|yeras?|saal|sal|saalon|salon|varsh|baras|बरस|साल|सालों|वर्ष|वर्षों)';
/** Word boundaries that also hold next to Devanagari letters (JavaScript's \b does not). */
const B = '(?<![\\p{L}\\p{M}\\p{N}])';
const E = '(?![\\p{L}\\p{M}\\p{N}])';

const YEARS = new RegExp(`${B}${NUMBER}\\s*\\+?\\s*(?:plus\\s*)?${YEAR_WORD}${E}`, 'gu');
const DECADES = new RegExp(`${B}(a|one|two|three|ek|do|teen|\\d)\\s*decades?${E}`, 'gu');
const SINCE = new RegExp(
  `${B}(?:since|from|in|सन)\\s+((?:19|20)\\d{2})${E}|${B}((?:19|20)\\d{2})\\s*(?:se|से|tak|onwards)${E}`,
  'gu',
);
const EXPERIENCE_WORD = /exp|experience|anubhav|अनुभव|kaam|काम|work/u;

type Found = { years: number; index: number; nearExperienceWord: boolean };

const nearExperience = (text: string, index: number, length: number) =>
  EXPERIENCE_WORD.test(text.slice(Math.max(0, index - 30), index + length + 30));

/**
 * Years of experience from a lower-cased, digit-normalised description: "10 years", "10+ saal",
 * "das saal", "दस साल", "a decade", "twenty years", "since 2012". Prefers a mention next to a
 * word for experience or work; otherwise the first one.
 */
export const extractExperienceYears = (text: string, now: Date): number | null => {
  const found: Found[] = [];
  for (const match of text.matchAll(YEARS)) {
    const years = numberValue(match[1]!);
    if (years !== null) found.push({ years, index: match.index, nearExperienceWord: false });
  }
  for (const match of text.matchAll(DECADES)) {
    const count = match[1] === 'a' ? 1 : numberValue(match[1]!);
    if (count !== null)
      found.push({ years: count * 10, index: match.index, nearExperienceWord: false });
  }
  for (const match of text.matchAll(SINCE)) {
    const year = Number(match[1] ?? match[2]);
    const years = now.getUTCFullYear() - year;
    if (years >= 0) found.push({ years, index: match.index, nearExperienceWord: false });
  }
  const plausible = found
    .filter((item) => item.years > 0 && item.years <= 60)
    .map((item) => ({
      ...item,
      nearExperienceWord: nearExperience(text, item.index, 12),
    }))
    .sort((a, b) => a.index - b.index);
  return (plausible.find((item) => item.nearExperienceWord) ?? plausible[0])?.years ?? null;
};
