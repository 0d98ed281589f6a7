import { serviceTaxonomy } from '../../taxonomy/taxonomy-data';
import { createLocalProfileGenerator } from '../local-engine';
import { evalCases } from './eval-cases';
import { evaluateEngine } from './evaluate-engine';

/** The eval clock: "since 2016" means 10 years. */
export const EVAL_NOW = new Date('2026-06-01T00:00:00Z');

const canonicalSkillsOf = (slug: string) => {
  const category = serviceTaxonomy.find((entry) => entry.slug === slug);
  return new Set(
    [category?.nameEn ?? '', ...(category?.subcategories.map((sub) => sub.nameEn) ?? [])].map((n) =>
      n.toLowerCase(),
    ),
  );
};

/** The local engine on the real taxonomy against the eval set. */
export const runEvalSuite = () =>
  evaluateEngine(
    createLocalProfileGenerator({ taxonomy: serviceTaxonomy, now: () => EVAL_NOW }),
    evalCases,
    canonicalSkillsOf,
  );
