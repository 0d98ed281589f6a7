import type {
  TAiRecommendationsRequest,
  TAiRecommendationsResult,
  TRequirementIntent,
} from '@localkart/contracts/search-recommendations';
import type { Db } from '../../db/client';
import type { IndiaPostDirectory } from '../../platform/geo/india-post-directory';
import type { RequirementInterpreter } from '../ai/interpret-requirement';
import { DEFAULT_TIME_ZONE, type WantedTime } from '../ai/interpret-requirement-time';
import { wallClockAt } from '../../platform/wall-clock';
import type { PublicProfileService } from '../providers/public-profile.service';
import type { TaxonomyCategory } from '../taxonomy/taxonomy.types';
import type { Reranker } from './recommend-rerank';
import { rankCandidates, scoreCandidate, type ScoredCandidate } from './recommend-score';
import { loadCandidateFacts } from './recommend.repo';
import { resolveSearchLocation } from './search-location';
import { NO_DETAILS } from '../providers/card-details';
import { toProviderCard } from './provider-card';
import { searchProviders, type ProviderSearch } from './search-providers.repo';

/** Search this far first; widen once when it finds too few providers. */
const RADII_KM = [10, 25];
const CANDIDATES = 50;

const rupees = (amount: number) => `₹${amount.toLocaleString('en-IN')}`;

/** An explicit `when` beats any time in the text. */
const explicitWhen = (when: TAiRecommendationsRequest['when']): WantedTime | null => {
  if (when === undefined) return null;
  if (typeof when === 'object')
    return { ...when, label: `on ${when.date}${when.time ? ` at ${when.time}` : ''}` };
  const local = wallClockAt(new Date(when), DEFAULT_TIME_ZONE);
  return { ...local, label: `on ${local.date} at ${local.time}` };
};

/** The wanted Asia/Kolkata wall-clock moment on a provider's clock in `timeZone`. */
const momentIn = ({ date, time }: WantedTime, timeZone: string) => {
  if (!time || timeZone === DEFAULT_TIME_ZONE) return { date, time };
  // Asia/Kolkata has no daylight saving: the offset is always +05:30.
  return wallClockAt(new Date(`${date}T${time}:00+05:30`), timeZone);
};

export const createRecommendService = ({
  db,
  directory,
  interpret,
  cards,
  taxonomy,
  rerank,
  now = () => new Date(),
}: {
  db: Db;
  directory: IndiaPostDirectory;
  interpret: RequirementInterpreter;
  cards: Pick<PublicProfileService, 'getCardDetails'>;
  taxonomy: TaxonomyCategory[];
  rerank?: Reranker;
  now?: () => Date;
}) => {
  const categoryOf = (slug: string | undefined) => taxonomy.find((c) => c.slug === slug);

  const retrieve = async (search: Omit<ProviderSearch, 'radiusKm'>) => {
    for (const radiusKm of RADII_KM) {
      const hits = await searchProviders(db, { ...search, radiusKm });
      if (hits.length >= 3 || radiusKm === RADII_KM.at(-1)) return { hits, radiusKm };
    }
    return { hits: [], radiusKm: RADII_KM[0]! };
  };

  /** ERD §7.2: nearby providers of the right category, scored on fit and explained. */
  const recommend = async (
    request: TAiRecommendationsRequest,
  ): Promise<TAiRecommendationsResult> => {
    const location = resolveSearchLocation(directory, request.location);
    const parsed = interpret(request.requirements, now());
    const when = explicitWhen(request.when) ?? parsed.when;
    const category = categoryOf(parsed.categorySlugs[0]);
    const subcategories = parsed.subcategorySlugs
      .map((slug) => category?.subcategories.find((sub) => sub.slug === slug))
      .filter((sub) => sub !== undefined);
    const intent: TRequirementIntent = {
      category: category ? { slug: category.slug, name: category.nameEn } : null,
      subcategories: subcategories.map((sub) => ({ slug: sub.slug, name: sub.nameEn })),
      urgency: request.when ? 'scheduled' : parsed.urgency,
      when: when && {
        date: when.date,
        ...(when.time ? { time: when.time } : {}),
        label: when.label,
      },
      budget: parsed.budget && {
        paise: parsed.budget.amount * 100,
        currency: 'INR',
        unit: parsed.budget.unit,
      },
      confidence: parsed.confidence,
      summary: [
        category?.nameEn ?? 'Any service',
        when?.label,
        parsed.budget && `up to ${rupees(parsed.budget.amount)}`,
      ]
        .filter(Boolean)
        .join(' · '),
    };
    if (!category && parsed.words.length === 0)
      return { location, intent, engine: 'local', matches: [] };

    const { hits, radiusKm } = await retrieve({
      point: location,
      category: category?.slug ?? '',
      text: category ? undefined : { words: parsed.words, categories: [] },
      sort: 'relevance',
      limit: CANDIDATES,
      offset: 0,
    });
    const facts = await loadCandidateFacts(db, {
      ids: hits.map((hit) => hit.providerId),
      category: category?.slug ?? '',
      momentIn: when ? (timeZone) => momentIn(when, timeZone) : undefined,
    });
    const context = {
      intent: { ...parsed, categorySlugs: category ? [category.slug] : [] },
      radiusKm,
      whenLabel: when?.label,
      categoryName: category?.nameEn,
      nameOf: (slug: string) =>
        category?.subcategories.find((sub) => sub.slug === slug)?.nameEn ?? slug,
    };
    const local = rankCandidates(
      hits.map((hit) => scoreCandidate(hit, facts.get(hit.providerId), context)),
    );
    const details = await cards.getCardDetails(
      local.slice(0, Math.max(request.limit, 10)).map((c) => c.hit.providerId),
    );
    const detailOf = (c: ScoredCandidate) => details.get(c.hit.providerId) ?? NO_DETAILS;
    const reranked = rerank
      ? await rerank({
          requirements: request.requirements,
          intentSummary: intent.summary,
          candidates: local.map((c) => ({ ...c, ...detailOf(c) })),
        })
      : null;
    const ranked = (reranked ?? local).slice(0, request.limit);
    return {
      location,
      intent,
      engine: reranked ? 'openai' : 'local',
      matches: ranked.map((c) => ({
        provider: toProviderCard(c.hit, detailOf(c)),
        score: c.score,
        reason: c.reason,
        fit: c.fit,
      })),
    };
  };

  return { recommend };
};

export type RecommendService = ReturnType<typeof createRecommendService>;
