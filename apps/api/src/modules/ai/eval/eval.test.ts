import { describe, expect, it } from 'vitest';
import { evalCases } from './eval-cases';
import { TARGETS } from './evaluate-engine';
import { runEvalSuite } from './run-eval-suite';

describe('local profile engine eval', () => {
  it('when run on the eval set, then every field meets its target', async () => {
    expect(evalCases.length).toBeGreaterThanOrEqual(60);
    expect(new Set(evalCases.map((item) => item.category)).size).toBeGreaterThanOrEqual(20);
    const { scores } = await runEvalSuite();
    expect(scores.category).toBeGreaterThanOrEqual(TARGETS.category);
    expect(scores.years).toBeGreaterThanOrEqual(TARGETS.years);
    expect(scores.priceAndUnit).toBeGreaterThanOrEqual(TARGETS.priceAndUnit);
    expect(scores.skillsF1).toBeGreaterThanOrEqual(TARGETS.skillsF1);
  });
});
