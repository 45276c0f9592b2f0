// npm run eval:minutes — scores the minutes reader on the labelled minutes of
// test/minutes/fixtures (items: owner, what, due; header fields) and prints what it got wrong.
import { evaluateMinutes } from '../test/minutes/evaluate.js';

const report = evaluateMinutes();
const percent = (x: number) => `${(x * 100).toFixed(1)} %`;
console.log(
  `items:   precision ${percent(report.precision)} (${report.itemsCorrect}/${report.itemsPredicted} drafts right), recall ${percent(report.recall)} (${report.itemsFound}/${report.itemsLabelled} labelled items found)`,
);
console.log(
  `header:  ${report.headerCorrect}/${report.headerFields} fields right (accuracy ${percent(report.headerAccuracy)})`,
);
console.log(
  `policy:  ${report.policyFound}/${report.policyLabelled} labelled changes drafted (${report.policyDrafted} drafted in all)`,
);
for (const failure of report.failures) console.log(`  ${failure}`);
