// npm run eval:policy — scores the policy look-up on the labelled questions of
// test/policy/eval-questions.json and prints what it got wrong.
import { evaluateHeldout, evaluatePolicyAnswers } from '../test/policy/evaluate.js';

const report = await evaluatePolicyAnswers();
const percent = (x: number) => `${(x * 100).toFixed(1)} %`;
console.log(
  `answerable:   ${report.correct}/${report.answerable} right (accuracy ${percent(report.accuracy)})`,
);
console.log(
  `  of which partial (asked for a date, cost, how-to … the data lacks): ${report.partialCorrect}/${report.partial} right`,
);
console.log(
  `unanswerable: ${report.abstained}/${report.unanswerable} abstained (abstention rate ${percent(report.abstentionRate)})`,
);
for (const { question, got } of report.failures) {
  const expected = question.expect ?? 'abstain';
  console.log(`  miss: "${question.q}" (${question.asker}) expected ${expected}, got ${got}`);
}

const heldout = await evaluateHeldout();
console.log(
  `held-out (test/policy/heldout-policy.json, written independently): ${heldout.right}/${heldout.total} of the expected kind (${percent(heldout.right / heldout.total)}), ${heldout.misleading} misleading plain answers`,
);
for (const [kind, { total, right }] of Object.entries(heldout.byExpectation))
  console.log(`  expected ${kind}: ${right}/${total}`);
for (const { question, got, detail } of heldout.failures)
  console.log(`  miss: "${question.text}" expected ${question.expect}, got ${got} (${detail})`);
