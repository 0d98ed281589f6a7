import { MAX_REASON_LENGTH } from '@localkart/contracts/search-recommendations';
import type { RequirementIntent } from '../ai/interpret-requirement';
import { bayesianRating } from './ranking';
import { roundKm } from './provider-card';
import type { CandidateFacts } from './recommend.repo';
import type { ProviderHit } from './search-providers.repo';

/** How much each kind of fit counts; they sum to 1, so a perfect fit scores 100. */
export const WEIGHTS = {
  relevance: 0.35,
  availability: 0.2,
  price: 0.15,
  rating: 0.15,
  distance: 0.15,
};

export type ScoredCandidate = {
  hit: ProviderHit;
  score: number;
  reason: string;
  fit: {
    offersWantedService: boolean;
    withinBudget: boolean | null;
    availableAtWantedTime: boolean | null;
  };
};

export type ScoringContext = {
  intent: Pick<RequirementIntent, 'categorySlugs' | 'subcategorySlugs' | 'budget'>;
  radiusKm: number;
  /** "this evening", present when a time was asked for. */
  whenLabel?: string;
  nameOf: (subcategorySlug: string) => string;
  categoryName?: string;
};

const clamp = (value: number) => Math.min(1, Math.max(0, value));
const rupees = (paise: number) => `₹${Math.round(paise / 100).toLocaleString('en-IN')}`;

/** 1 for the subcategory asked first, less for another one asked, 0.6 for the category alone. */
const relevanceOf = (hit: ProviderHit, facts: CandidateFacts | undefined, ctx: ScoringContext) => {
  const wanted = ctx.intent.subcategorySlugs;
  if (ctx.intent.categorySlugs.length === 0)
    return { value: hit.textScore, offers: hit.textScore >= 0.6 };
  if (wanted.length === 0) return { value: 1, offers: true };
  const offered = facts?.subcategorySlugs ?? [];
  if (offered.includes(wanted[0]!)) return { value: 1, offers: true };
  if (wanted.some((slug) => offered.includes(slug))) return { value: 0.85, offers: true };
  return { value: 0.6, offers: false };
};

/** Within budget: 1. Above it: at most 0.5, falling to 0 at twice the budget. */
const priceFitOf = (hit: ProviderHit, budgetPaise: number | undefined) => {
  if (budgetPaise === undefined) return { value: 1, within: null };
  if (hit.minPricePaise <= budgetPaise) return { value: 1, within: true };
  return { value: 0.5 * clamp(1 - (hit.minPricePaise - budgetPaise) / budgetPaise), within: false };
};

/** The Bayesian rating mapped so 2.5★ and below is 0 and 5★ is 1. */
const ratingFitOf = (hit: ProviderHit) =>
  clamp((bayesianRating(hit.ratingAverage, hit.ratingCount) - 2.5) / 2.5);

const reasonOf = (
  hit: ProviderHit,
  ctx: ScoringContext,
  {
    within,
    available,
    facts,
  }: { within: boolean | null; available: boolean | null; facts: CandidateFacts | undefined },
): string => {
  const wanted = ctx.intent.subcategorySlugs.find((slug) => facts?.subcategorySlugs.includes(slug));
  const what = wanted
    ? `Offers ${ctx.nameOf(wanted).toLowerCase()}`
    : ctx.categoryName
      ? `${ctx.categoryName} provider`
      : 'Matches your words';
  const km = `${roundKm(hit.distanceM).toFixed(1)} km away`;
  const rating =
    hit.ratingCount > 0
      ? `${hit.ratingAverage.toFixed(1)}★ from ${hit.ratingCount} review${hit.ratingCount === 1 ? '' : 's'}`
      : 'no reviews yet';
  const budget = ctx.intent.budget ? rupees(ctx.intent.budget.amount * 100) : '';
  const price =
    within === null
      ? `from ${rupees(hit.minPricePaise)}`
      : within
        ? `from ${rupees(hit.minPricePaise)}, within your ${budget} budget`
        : `from ${rupees(hit.minPricePaise)}, above your ${budget} budget`;
  const time =
    available === null ? '' : available ? `free ${ctx.whenLabel}` : `not free ${ctx.whenLabel}`;
  const first = [what, km, rating].join(', ');
  const parts = [first, price, time].filter(Boolean);
  for (let keep = parts.length; keep > 0; keep--) {
    const line = `${parts.slice(0, keep).join('; ')}.`;
    if (line.length <= MAX_REASON_LENGTH) return line.charAt(0).toUpperCase() + line.slice(1);
  }
  return `${what}.`.slice(0, MAX_REASON_LENGTH);
};

/**
 * Scores a candidate 0–100 from the fit of its services to the job, whether it works at the
 * wanted time, its price against the budget, its rating after the prior, and its distance, and
 * says why in one line.
 */
export const scoreCandidate = (
  hit: ProviderHit,
  facts: CandidateFacts | undefined,
  ctx: ScoringContext,
): ScoredCandidate => {
  const relevance = relevanceOf(hit, facts, ctx);
  const budgetPaise = ctx.intent.budget ? ctx.intent.budget.amount * 100 : undefined;
  const price = priceFitOf(hit, budgetPaise);
  const available = ctx.whenLabel === undefined ? null : (facts?.available ?? false);
  const distance = clamp(1 - hit.distanceM / (ctx.radiusKm * 1000));
  const total =
    WEIGHTS.relevance * relevance.value +
    WEIGHTS.availability * (available === false ? 0 : 1) +
    WEIGHTS.price * price.value +
    WEIGHTS.rating * ratingFitOf(hit) +
    WEIGHTS.distance * distance;
  return {
    hit,
    score: Math.round(100 * clamp(total)),
    reason: reasonOf(hit, ctx, { within: price.within, available, facts }),
    fit: {
      offersWantedService: relevance.offers,
      withinBudget: price.within,
      availableAtWantedTime: available,
    },
  };
};

/** Best first; equal scores keep the nearer provider first, then a stable id order. */
export const rankCandidates = (scored: ScoredCandidate[]): ScoredCandidate[] =>
  [...scored].sort(
    (a, b) =>
      b.score - a.score ||
      a.hit.distanceM - b.hit.distanceM ||
      a.hit.providerId.localeCompare(b.hit.providerId),
  );
