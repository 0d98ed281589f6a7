import { SEARCH_TARGETS } from './evaluate-search';
import { runSearchEvalSuite } from './run-search-eval-suite';
import { searchEvalCases } from './search-eval-cases';

const started = Date.now();
const { providers, scores, misses, relaxed } = await runSearchEvalSuite();
for (const miss of misses)
  process.stdout.write(`MISS ${miss.kind}: ${miss.text}\n  ${miss.detail}\n`);
for (const text of relaxed)
  process.stdout.write(`NO PROVIDER MEETS EVERY CONDITION (judged on the category): ${text}\n`);
process.stdout.write(
  `${searchEvalCases.length} requirements against ${providers} seeded providers in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
);
let failed = false;
for (const [field, target] of Object.entries(SEARCH_TARGETS) as [
  keyof typeof SEARCH_TARGETS,
  number,
][]) {
  const ok = scores[field] >= target;
  failed ||= !ok;
  process.stdout.write(
    `${ok ? 'PASS' : 'FAIL'} ${field.padEnd(9)} ${scores[field].toFixed(3)} (target ${target})\n`,
  );
}
process.exitCode = failed ? 1 : 0;
