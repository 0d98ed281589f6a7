import type { TGeneratedProfile } from '@localkart/contracts/ai';
import type { TaxonomyCategory } from '../taxonomy/taxonomy.types';
import type { ProfileGenerator } from './ai-engine.types';
import { composeSummaryEn, composeSummaryHi, describeExperience } from './compose-summary';
import { createCategoryMatcher } from './detect-category';
import { extractAreas } from './extract-areas';
import { extractExperienceYears } from './extract-experience';
import { extractLanguages } from './extract-languages';
import { extractPrice } from './extract-price';
import { getLocalityIndex } from './locality-index';
import { normaliseDigits } from './number-words';
import { removeContactDetails } from './remove-contact-details';
import { isEnglishWord, tokenise } from './tokenise';

const MAX_SKILLS = 12;
const MAX_SPECIALTIES = 8;

export type LocalEngineOptions = {
  taxonomy: TaxonomyCategory[];
  /** The clock "since 2012" counts from; injectable for tests. */
  now?: () => Date;
};

/**
 * The offline engine: deterministic, no network. wink-nlp tokenises; the taxonomy's names and
 * synonyms (with typo tolerance) pick the category; patterns read years, prices and units;
 * India Post's directory resolves pincodes and metro localities; templates write the summary.
 */
export const createLocalProfileGenerator = ({
  taxonomy,
  now = () => new Date(),
}: LocalEngineOptions): ProfileGenerator => {
  const matcher = createCategoryMatcher(taxonomy);
  return {
    generateProfile: ({ description, language }) => {
      const text = normaliseDigits(
        removeContactDetails(description.normalize('NFC')),
      ).toLowerCase();
      const tokens = tokenise(text);
      const match = matcher.match(tokens);
      const years = extractExperienceYears(text, now());
      const price = extractPrice(text);
      const areas = extractAreas(text, tokens, {
        index: getLocalityIndex(),
        isEnglishWord,
        tradeWords: matcher.words,
      });
      const languages = extractLanguages(text);
      const defaultUnit = match?.subcategory?.unit ?? match?.category.typicalUnit ?? 'service';
      const unit = price?.unit ?? defaultUnit;
      const specialties = (match?.subcategories ?? []).slice(0, MAX_SPECIALTIES);
      const skills = match
        ? [
            match.category.nameEn,
            ...specialties.map((sub) => sub.nameEn),
            ...match.alsoCategories.map((category) => category.nameEn),
          ]
        : [];
      const facts = {
        category: match?.category ?? null,
        specialtiesEn: specialties.map((sub) => sub.nameEn),
        specialtiesHi: specialties.map((sub) => sub.nameHi),
        years,
        areas: [
          ...areas.filter((area) => !/^\d/u.test(area)),
          ...areas.filter((area) => /^\d/u.test(area)),
        ],
        price: price ? { amount: price.amount, unit } : null,
        languages,
      };
      const profile: TGeneratedProfile = {
        summary: (language === 'hi' ? composeSummaryHi(facts) : composeSummaryEn(facts)).slice(
          0,
          600,
        ),
        skills: [...new Set(skills)].slice(0, MAX_SKILLS),
        experience: describeExperience(years, language),
        experienceYears: years,
        specialties: specialties.map((sub) => sub.nameEn),
        serviceAreas: areas,
        pricing: { basePrice: price?.amount ?? null, currency: 'INR', unit },
        languages,
        category: match
          ? {
              slug: match.category.slug,
              subcategory: match.subcategory?.slug ?? null,
              confidence: match.confidence,
            }
          : null,
        engine: 'local',
      };
      return Promise.resolve(profile);
    },
  };
};
