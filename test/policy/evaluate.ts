import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ASPECTS } from '../../src/policy/aspects.js';
import type { PolicyAnswer } from '../../src/policy/answer.js';
import { SCOPES, scopeOfDepartment } from '../../src/policy/model.js';
import { PolicyBook } from '../../src/policy/policy-book.js';
import { seedDemoPolicies } from '../../src/policy/seed.js';
import { LowdbStore } from '../../src/store/lowdb-store.js';
import { ManualClock } from '../harness/manual-clock.js';

const evalFile = z.object({
  questions: z.array(
    z.object({
      q: z.string(),
      asker: z.string(),
      expect: z.string().nullable(),
      scope: z.enum(SCOPES).optional(),
      /**
       * A partial answer: the entry `expect` leads, and the answer says that
       * these asked parts are not in the data.
       */
      missing: z.array(z.enum(ASPECTS)).optional(),
      /** Scopes the question named that the answer must say the data has nothing on. */
      uncovered: z.array(z.enum(SCOPES)).optional(),
    }),
  ),
});
export type EvalQuestion = z.infer<typeof evalFile>['questions'][number];

export interface EvalFailure {
  readonly question: EvalQuestion;
  readonly got: string;
}

export interface EvalReport {
  readonly answerable: number;
  readonly correct: number;
  /** Right answers / answerable questions (partial ones included). */
  readonly accuracy: number;
  /** Of the answerable questions, those that ask for something the data does not hold. */
  readonly partial: number;
  readonly partialCorrect: number;
  readonly unanswerable: number;
  readonly abstained: number;
  /** Abstentions / unanswerable questions. */
  readonly abstentionRate: number;
  readonly failures: readonly EvalFailure[];
}

export function loadEvalQuestions(): EvalQuestion[] {
  const url = new URL('./eval-questions.json', import.meta.url);
  return evalFile.parse(JSON.parse(readFileSync(url, 'utf-8'))).questions;
}

/** What the look-up did, in the words of the report. */
function describe(answer: PolicyAnswer): string {
  if (answer.kind === 'notFound') return 'abstained';
  const scope = answer.intent === 'toolApproval' ? ` (${answer.scope})` : '';
  const missing = answer.unanswered.length ? ` missing [${answer.unanswered.join(', ')}]` : '';
  const uncovered = answer.uncoveredScopes.length
    ? ` nothing for [${answer.uncoveredScopes.join(', ')}]`
    : '';
  return `${answer.primary.id}${scope}${missing}${uncovered}`;
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x) => b.includes(x));

/** Is the answer the labelled one: the entry, its scope, and no more and no less said to be missing? */
function isRight(question: EvalQuestion, answer: PolicyAnswer): boolean {
  return (
    answer.kind === 'answer' &&
    answer.primary.id === question.expect &&
    (!question.scope || answer.scope === question.scope) &&
    sameSet(answer.unanswered, question.missing ?? []) &&
    sameSet(answer.uncoveredScopes, question.uncovered ?? [])
  );
}

/** Asks every labelled question of the demo policy data and scores the answers. */
export async function evaluatePolicyAnswers(
  questions: readonly EvalQuestion[] = loadEvalQuestions(),
): Promise<EvalReport> {
  const store = await LowdbStore.openMemory();
  const book = new PolicyBook(store, new ManualClock('2024-04-01T00:00:00Z'));
  await seedDemoPolicies(book);
  const failures: EvalFailure[] = [];
  let correct = 0;
  let partialCorrect = 0;
  let abstained = 0;
  for (const question of questions) {
    const asker = question.asker === 'guest' ? undefined : question.asker;
    const answer = await book.answer(question.q, scopeOfDepartment(asker));
    if (question.expect === null) {
      if (answer.kind === 'notFound') abstained++;
      else failures.push({ question, got: describe(answer) });
    } else if (isRight(question, answer)) {
      correct++;
      if (question.missing?.length || question.uncovered?.length) partialCorrect++;
    } else failures.push({ question, got: describe(answer) });
  }
  await store.close();
  const answerable = questions.filter((q) => q.expect !== null).length;
  const unanswerable = questions.length - answerable;
  return {
    answerable,
    correct,
    accuracy: answerable ? correct / answerable : 1,
    partial: questions.filter(
      (q) => q.expect !== null && (q.missing?.length || q.uncovered?.length),
    ).length,
    partialCorrect,
    unanswerable,
    abstained,
    abstentionRate: unanswerable ? abstained / unanswerable : 1,
    failures,
  };
}

/**
 * The held-out questions, written by someone who never saw the lexicon:
 * each says only whether the bot should answer, answer in part (say what the
 * data holds and that the asked part is not in it) or abstain.
 */
const heldoutFile = z.array(
  z.object({
    text: z.string(),
    lang: z.enum(['ja', 'en']),
    expect: z.enum(['answer', 'partial', 'abstain']),
    note: z.string(),
  }),
);
export type HeldoutQuestion = z.infer<typeof heldoutFile>[number];
type Outcome = HeldoutQuestion['expect'];

export function loadHeldoutQuestions(): HeldoutQuestion[] {
  const url = new URL('./heldout-policy.json', import.meta.url);
  return heldoutFile.parse(JSON.parse(readFileSync(url, 'utf-8')));
}

/**
 * What kind of reply the look-up gave: a plain answer; a partial one (it says
 * an asked part, or an asked product, is not in the data, then what is); or
 * "not in the data".
 */
export function outcomeOf(answer: PolicyAnswer): Outcome {
  if (answer.kind === 'notFound') return 'abstain';
  const unknownProduct = answer.approval?.groups.some((g) => g.asked.some((a) => !a.inData));
  const said = answer.unanswered.length > 0 || answer.uncoveredScopes.length > 0;
  return said || unknownProduct ? 'partial' : 'answer';
}

export interface HeldoutReport {
  readonly total: number;
  /** Replies of the expected kind; for "abstain", saying plainly that the asked part is not in the data (partial) also counts. */
  readonly right: number;
  /** Plain answers to questions the data does not (fully) answer: the failures that mislead. */
  readonly misleading: number;
  readonly byExpectation: Readonly<Record<Outcome, { total: number; right: number }>>;
  readonly failures: ReadonlyArray<{ question: HeldoutQuestion; got: Outcome; detail: string }>;
}

/** Asks the held-out questions as a guest (scope: the mayor's departments unless named). */
export async function evaluateHeldout(
  questions: readonly HeldoutQuestion[] = loadHeldoutQuestions(),
): Promise<HeldoutReport> {
  const store = await LowdbStore.openMemory();
  const book = new PolicyBook(store, new ManualClock('2024-04-01T00:00:00Z'));
  await seedDemoPolicies(book);
  const byExpectation = {
    answer: { total: 0, right: 0 },
    partial: { total: 0, right: 0 },
    abstain: { total: 0, right: 0 },
  };
  const failures: Array<{ question: HeldoutQuestion; got: Outcome; detail: string }> = [];
  let misleading = 0;
  for (const question of questions) {
    const answer = await book.answer(question.text, undefined);
    const got = outcomeOf(answer);
    const right = got === question.expect || (question.expect === 'abstain' && got === 'partial');
    const tally = byExpectation[question.expect];
    tally.total++;
    if (right) tally.right++;
    else failures.push({ question, got, detail: describe(answer) });
    if (question.expect !== 'answer' && got === 'answer') misleading++;
  }
  await store.close();
  return {
    total: questions.length,
    right: Object.values(byExpectation).reduce((sum, t) => sum + t.right, 0),
    misleading,
    byExpectation,
    failures,
  };
}
