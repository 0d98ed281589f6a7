import type { Router } from 'express';
import type { AppDeps } from '../../app';
import type { IndiaPostDirectory } from '../../platform/geo/india-post-directory';
import type { QueryInterpreter } from '../ai/interpret-query';
import { createRequirementInterpreter } from '../ai/interpret-requirement';
import type { PublicProfileService } from '../providers/public-profile.service';
import { serviceTaxonomy } from '../taxonomy/taxonomy-data';
import { createOpenAiReranker } from './recommend-rerank';
import { recommendRoutes } from './recommend.routes';
import { createRecommendService } from './recommend.service';

/** AI recommendations: local intent and ranking; the LLM re-ranks when `AI_PROVIDER=openai`. */
export const createRecommendRouter = (
  { config, database, logger }: AppDeps,
  {
    directory,
    cards,
    interpretQuery,
  }: {
    directory: IndiaPostDirectory;
    cards: PublicProfileService;
    interpretQuery: QueryInterpreter;
  },
): Router => {
  const rerank =
    config.AI_PROVIDER === 'openai' && config.OPENAI_API_KEY
      ? createOpenAiReranker({
          apiKey: config.OPENAI_API_KEY,
          baseURL: config.OPENAI_BASE_URL,
          model: config.AI_MODEL,
          logger,
        })
      : undefined;
  const recommend = createRecommendService({
    db: database.db,
    directory,
    interpret: createRequirementInterpreter(interpretQuery),
    cards,
    taxonomy: serviceTaxonomy,
    rerank,
  });
  return recommendRoutes({ recommend });
};
