import { strict as assert } from 'node:assert';
import { evaluate, evaluationSetup, percent } from './evaluate.js';

/**
 * The same measure as `npm run eval:chat`, with floors: on the second author's
 * held-out set (or the corpus split without it) at least 93 % of intents right
 * in each language, and not one non-policy question answered from the policy book.
 */
const INTENT_FLOOR = 93;
const SLOT_FLOORS: Readonly<Record<string, number>> = {
  itemNumber: 95,
  surveyNumber: 95,
  days: 90,
  meetingNumber: 80,
};

describe('understanding: accuracy on phrasings it did not learn from', () => {
  const { model, training, cases, source } = evaluationSetup();
  const report = evaluate(model, cases, training);

  it(`gets at least ${INTENT_FLOOR} % of intents right, ja and en apart (${source})`, () => {
    for (const locale of ['ja', 'en'] as const) {
      const score = percent(report.byLocale[locale]);
      assert.ok(score >= INTENT_FLOOR, `${locale}: ${score.toFixed(1)} % < ${INTENT_FLOOR} %`);
    }
  });

  it(`gets at least ${INTENT_FLOOR} % right on texts the corpus does not also hold`, () => {
    const score = percent(report.unseen);
    assert.ok(score >= INTENT_FLOOR, `${score.toFixed(1)} % < ${INTENT_FLOOR} %`);
  });

  it('sends no non-policy question to the policy book', () => {
    assert.equal(report.reachedPolicy, 0);
  });

  it('reads item, survey and meeting numbers and lengths of time', () => {
    for (const [slot, floor] of Object.entries(SLOT_FLOORS)) {
      const tally = report.bySlot[slot];
      if (!tally) continue;
      assert.ok(percent(tally) >= floor, `${slot}: ${percent(tally).toFixed(1)} % < ${floor} %`);
    }
  });
});
