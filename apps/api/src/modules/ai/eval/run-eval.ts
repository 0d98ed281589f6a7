import { TARGETS } from './evaluate-engine';
import { runEvalSuite } from './run-eval-suite';

const { scores, misses } = await runEvalSuite();
for (const miss of misses) {
  process.stdout.write(
    `MISS ${miss.field}: expected ${JSON.stringify(miss.expected)}, got ${JSON.stringify(miss.got)}\n  ${miss.description}\n`,
  );
}
let failed = false;
for (const [field, target] of Object.entries(TARGETS) as [keyof typeof TARGETS, number][]) {
  const score = scores[field];
  const ok = score >= target;
  failed ||= !ok;
  process.stdout.write(
    `${ok ? 'PASS' : 'FAIL'} ${field.padEnd(13)} ${score.toFixed(3)} (target ${target})\n`,
  );
}
process.exitCode = failed ? 1 : 0;
