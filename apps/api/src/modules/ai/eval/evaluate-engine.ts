import type { TGeneratedProfile } from '@localkart/contracts/ai';
import type { ProfileGenerator } from '../ai-engine.types';
import type { EvalCase } from './eval-cases';

export const TARGETS = { category: 0.95, years: 0.95, priceAndUnit: 0.9, skillsF1: 0.8 };

export type EvalScores = typeof TARGETS;

export type EvalMiss = {
  description: string;
  field: keyof EvalScores;
  expected: unknown;
  got: unknown;
};

const lower = (items: string[]) => new Set(items.map((item) => item.toLowerCase()));

/**
 * Skills F1 per case: recall is the share of expected skills produced; precision is the share of
 * produced skills that are expected or belong to the expected category's canonical names (any
 * subcategory of the right category counts as correct), so listing a correct extra specialty is
 * not punished while a wrong category's skill is.
 */
const skillsF1 = (expected: string[], produced: string[], allowed: Set<string>): number => {
  const want = lower(expected);
  const got = lower(produced);
  if (got.size === 0) return 0;
  const hits = [...want].filter((skill) => got.has(skill)).length;
  const correct = [...got].filter((skill) => want.has(skill) || allowed.has(skill)).length;
  const recall = hits / want.size;
  const precision = correct / got.size;
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
};

export const evaluateEngine = async (
  engine: ProfileGenerator,
  cases: EvalCase[],
  canonicalSkillsOf: (categorySlug: string) => Set<string>,
): Promise<{ scores: EvalScores; misses: EvalMiss[] }> => {
  const misses: EvalMiss[] = [];
  const totals = { category: 0, years: 0, priceAndUnit: 0, skillsF1: 0 };
  for (const item of cases) {
    const profile: TGeneratedProfile = await engine.generateProfile({
      description: item.description,
      language: 'en',
    });
    const note = (field: keyof EvalScores, expected: unknown, got: unknown) =>
      misses.push({ description: item.description, field, expected, got });
    if (profile.category?.slug === item.category) totals.category++;
    else note('category', item.category, profile.category?.slug ?? null);
    if (profile.experienceYears === item.years) totals.years++;
    else note('years', item.years, profile.experienceYears);
    const { basePrice, unit } = profile.pricing;
    if (basePrice === item.price && unit === item.unit) totals.priceAndUnit++;
    else note('priceAndUnit', `${item.price} / ${item.unit}`, `${basePrice} / ${unit}`);
    const f1 = skillsF1(item.skills, profile.skills, canonicalSkillsOf(item.category));
    totals.skillsF1 += f1;
    if (f1 < 1) note('skillsF1', item.skills, profile.skills);
  }
  const n = cases.length;
  return {
    scores: {
      category: totals.category / n,
      years: totals.years / n,
      priceAndUnit: totals.priceAndUnit / n,
      skillsF1: totals.skillsF1 / n,
    },
    misses,
  };
};
