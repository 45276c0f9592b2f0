import { readFileSync } from 'node:fs';
import { z } from 'zod';
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
  /** Right answers / answerable questions. */
  readonly accuracy: number;
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

/** Asks every labelled question of the demo policy data and scores the answers. */
export async function evaluatePolicyAnswers(): Promise<EvalReport> {
  const store = await LowdbStore.openMemory();
  const book = new PolicyBook(store, new ManualClock('2024-04-01T00:00:00Z'));
  await seedDemoPolicies(book);
  const questions = loadEvalQuestions();
  const failures: EvalFailure[] = [];
  let correct = 0;
  let abstained = 0;
  for (const question of questions) {
    const asker = question.asker === 'guest' ? undefined : question.asker;
    const answer = await book.answer(question.q, scopeOfDepartment(asker));
    const got =
      answer.kind === 'notFound'
        ? 'abstained'
        : `${answer.primary.id}${answer.intent === 'toolApproval' ? ` (${answer.scope})` : ''}`;
    if (question.expect === null) {
      if (answer.kind === 'notFound') abstained++;
      else failures.push({ question, got });
      continue;
    }
    const right =
      answer.kind === 'answer' &&
      answer.primary.id === question.expect &&
      (!question.scope || answer.scope === question.scope);
    if (right) correct++;
    else failures.push({ question, got });
  }
  await store.close();
  const answerable = questions.filter((q) => q.expect !== null).length;
  const unanswerable = questions.length - answerable;
  return {
    answerable,
    correct,
    accuracy: answerable ? correct / answerable : 1,
    unanswerable,
    abstained,
    abstentionRate: unanswerable ? abstained / unanswerable : 1,
    failures,
  };
}
