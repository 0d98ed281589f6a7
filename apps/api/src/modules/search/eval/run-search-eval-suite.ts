import { startTestApp } from '../../../test-support/test-app';
import { searchEvalCases } from './search-eval-cases';
import { evaluateSearch } from './evaluate-search';
import { seedEvalCity } from './seed-eval-city';

/** A fresh database (PGlite in memory, or DATABASE_URL's server), the eval city, the eval. */
export const runSearchEvalSuite = async () => {
  const app = await startTestApp();
  try {
    const providers = await seedEvalCity(app.runtime);
    return { providers, ...(await evaluateSearch(app.runtime, searchEvalCases)) };
  } finally {
    await app.close();
  }
};
