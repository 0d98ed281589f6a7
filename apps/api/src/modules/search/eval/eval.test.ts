import { describe, expect, it } from 'vitest';
import { SEARCH_TARGETS } from './evaluate-search';
import { runSearchEvalSuite } from './run-search-eval-suite';
import { searchEvalCases } from './search-eval-cases';

describe('AI recommendations matching eval', () => {
  it('when run on the seeded eval city, then category and top-3 hit rate meet their targets', async () => {
    expect(searchEvalCases.length).toBeGreaterThanOrEqual(40);
    const { scores } = await runSearchEvalSuite();
    expect(scores.category).toBeGreaterThanOrEqual(SEARCH_TARGETS.category);
    expect(scores.top3).toBeGreaterThanOrEqual(SEARCH_TARGETS.top3);
  }, 90_000);
});
