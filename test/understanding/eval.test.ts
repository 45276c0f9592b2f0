import { strict as assert } from 'node:assert';
import { evaluate, evaluationSetup, percent, type HeldOutSet } from './evaluate.js';

/**
 * The same measure as `npm run eval:chat`, with floors, on each held-out set
 * apart (see HELD_OUT_SETS). The first two have been read while fixing kinds
 * of misses, so their floors guard against regressions; `heldout-3.json` was
 * never tuned on, and its floor sits a little under what it measured (92.7 %
 * ja, 95.6 % en when it landed). On every set, not one non-policy question is
 * answered from the policy book.
 */
const INTENT_FLOORS: Readonly<Record<HeldOutSet, number>> = {
  'heldout.json': 93,
  'heldout-2.json': 95,
  'heldout-3.json': 90,
};
const SLOT_FLOORS: Readonly<Record<string, number>> = {
  itemNumber: 95,
  surveyNumber: 95,
  days: 90,
  meetingNumber: 80,
};

for (const [file, floor] of Object.entries(INTENT_FLOORS) as Array<[HeldOutSet, number]>) {
  describe(`understanding: accuracy on phrasings it did not learn from (${file})`, () => {
    const { model, training, cases, source } = evaluationSetup(file);
    const report = evaluate(model, cases, training);

    it(`gets at least ${floor} % of intents right, ja and en apart (${source})`, () => {
      for (const locale of ['ja', 'en'] as const) {
        const score = percent(report.byLocale[locale]);
        assert.ok(score >= floor, `${locale}: ${score.toFixed(1)} % < ${floor} %`);
      }
    });

    it(`gets at least ${floor} % right on texts the corpus does not also hold`, () => {
      const score = percent(report.unseen);
      assert.ok(score >= floor, `${score.toFixed(1)} % < ${floor} %`);
    });

    it('sends no non-policy question to the policy book', () => {
      assert.equal(report.reachedPolicy, 0);
    });

    it('reads item, survey and meeting numbers and lengths of time', () => {
      for (const [slot, slotFloor] of Object.entries(SLOT_FLOORS)) {
        const tally = report.bySlot[slot];
        if (!tally) continue;
        assert.ok(
          percent(tally) >= slotFloor,
          `${slot}: ${percent(tally).toFixed(1)} % < ${slotFloor} %`,
        );
      }
    });
  });
}
