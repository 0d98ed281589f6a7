import type { Router } from 'express';
import type { AppDeps } from '../../app';
import type { AuthGuard } from '../auth/auth.guard';
import { serviceTaxonomy } from '../taxonomy/taxonomy-data';
import { createProfileGenerator } from './ai-engine';
import { aiRoutes } from './ai.routes';

/**
 * The AI service: profile drafts now, matching later. It reads the seeded taxonomy data; admin
 * edits to the taxonomy table reach it when it is taught to read the table.
 */
export const createAiModule = (deps: AppDeps, { guard }: { guard: AuthGuard }) => {
  const generator = createProfileGenerator(deps.config, {
    taxonomy: serviceTaxonomy,
    logger: deps.logger,
  });
  const routers: Router[] = [aiRoutes({ deps, generator, guard })];
  return { generator, routers };
};
