import { strict as assert } from 'node:assert';
import { evaluateHeldout, evaluatePolicyAnswers, loadEvalQuestions } from './policy/evaluate.js';

/**
 * The floor the policy look-up must not fall below on the labelled questions
 * of test/policy/eval-questions.json: at least 95 % right answers, and no
 * answer at all to a question the data does not answer.
 */
const ACCURACY_FLOOR = 0.95;
const ABSTENTION_FLOOR = 1.0;
/** Replies of the expected kind (answer / partial / abstain) on the held-out questions. */
const HELDOUT_FLOOR = 0.8;

describe('policy look-up: labelled evaluation set', () => {
  it('has at least 40 questions in both languages, at least 10 of them unanswerable', () => {
    const questions = loadEvalQuestions();
    assert.ok(questions.length >= 40, `${questions.length} questions`);
    assert.ok(questions.filter((q) => q.expect === null).length >= 10);
    const japanese = questions.filter((q) => /[\u3040-\u30ff\u4e00-\u9fff]/u.test(q.q));
    assert.ok(japanese.length >= 15 && questions.length - japanese.length >= 15);
  });

  it(`answers at least ${ACCURACY_FLOOR * 100} % right and abstains on every unanswerable question`, async () => {
    const report = await evaluatePolicyAnswers();
    const misses = report.failures
      .map((f) => `"${f.question.q}": expected ${f.question.expect ?? 'abstain'}, got ${f.got}`)
      .join('\n');
    assert.ok(report.accuracy >= ACCURACY_FLOOR, `accuracy ${report.accuracy}\n${misses}`);
    assert.ok(
      report.abstentionRate >= ABSTENTION_FLOOR,
      `abstention ${report.abstentionRate}\n${misses}`,
    );
  });

  it('on the held-out questions (written without seeing the lexicon), never answers one the data does not answer', async () => {
    const report = await evaluateHeldout();
    const abstain = report.byExpectation.abstain;
    const misses = report.failures
      .map((f) => `"${f.question.text}": expected ${f.question.expect}, got ${f.got}`)
      .join('\n');
    assert.equal(abstain.right, abstain.total, misses);
    assert.ok(
      report.right / report.total >= HELDOUT_FLOOR,
      `${report.right}/${report.total}\n${misses}`,
    );
  });
});
