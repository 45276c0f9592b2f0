/**
 * How well free text is understood: intent accuracy per intent and overall,
 * ja and en apart, slot accuracy, and how many non-policy questions the
 * policy book would have answered. `npm run eval:chat` (add --misses to list them).
 */
import {
  evaluate,
  evaluationSetup,
  HELD_OUT_SETS,
  percent,
  type HeldOutSet,
  type Tally,
} from '../test/understanding/evaluate.js';

const line = (label: string, t: Tally, extra = '') =>
  `${label.padEnd(22)} ${percent(t).toFixed(1).padStart(6)} %  (${t.right}/${t.total})${extra}`;

/** One held-out set's report: the sets are scored and printed apart, never pooled. */
function reportOn(file: HeldOutSet): string[] {
  const { model, training, cases, source } = evaluationSetup(file);
  const report = evaluate(model, cases, training);
  const out: string[] = [`Understanding on the ${source}: ${report.cases} messages`, ''];
  out.push(line('intents, overall', report.overall));
  out.push(line('intents, ja', report.byLocale.ja));
  out.push(line('intents, en', report.byLocale.en));
  out.push(line('intents, unseen texts', report.unseen, '  (not also in the corpus)'));
  out.push(`questions back (ask)   ${report.asked}`);
  out.push(`non-policy → policy    ${report.reachedPolicy}`, '', 'per intent:');
  for (const [intent, t] of Object.entries(report.byIntent).sort())
    out.push(line(`  ${intent}`, t, t.asked ? `, asked ${t.asked}` : ''));
  out.push('', 'slots:');
  for (const [slot, t] of Object.entries(report.bySlot).sort()) out.push(line(`  ${slot}`, t));
  if (process.argv.includes('--misses')) {
    out.push('', 'misses:');
    for (const m of report.misses) out.push(`  ${m.text}  →  ${m.got}  (${m.expected})`);
  }
  return out;
}

const sections = HELD_OUT_SETS.map((file) => reportOn(file).join('\n'));
process.stdout.write(`${sections.join('\n\n')}\n`);
