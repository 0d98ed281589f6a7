import type { Config } from '../../config';
import type { Logger } from '../../platform/logger';
import type { TaxonomyCategory } from '../taxonomy/taxonomy.types';
import type { ProfileGenerator } from './ai-engine.types';
import { createLocalProfileGenerator } from './local-engine';
import { createOpenAiProfileGenerator } from './openai-engine';

export type { ProfileGenerator, ProfileInput } from './ai-engine.types';

export type ProfileGeneratorDeps = {
  taxonomy: TaxonomyCategory[];
  logger: Logger;
  /** Overrides for tests. */
  timeoutMs?: number;
  now?: () => Date;
};

/** `AI_PROVIDER=local` (default, offline) or `openai` (falls back to local on any failure). */
export const createProfileGenerator = (
  config: Pick<Config, 'AI_PROVIDER' | 'OPENAI_API_KEY' | 'OPENAI_BASE_URL' | 'AI_MODEL'>,
  { taxonomy, logger, timeoutMs, now }: ProfileGeneratorDeps,
): ProfileGenerator => {
  const local = createLocalProfileGenerator({ taxonomy, now });
  if (config.AI_PROVIDER !== 'openai' || !config.OPENAI_API_KEY) return local;
  return createOpenAiProfileGenerator({
    apiKey: config.OPENAI_API_KEY,
    baseURL: config.OPENAI_BASE_URL,
    model: config.AI_MODEL,
    taxonomy,
    logger,
    fallback: local,
    timeoutMs,
  });
};
