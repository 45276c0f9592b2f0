import type { Turn } from '../app/turn.js';
import { translator } from '../i18n/translate.js';
import { questionCard, replyCard, type CardContext } from './cards.js';
import { contextOf, editorOf, type PolicyDeps } from './deps.js';
import { localDate } from '../scheduling/calendar.js';
import { changeProblem } from './editing.js';
import { parseScope, parseStatus } from './fields.js';
import type { PolicyQuestion } from './inbox.js';
import { scopeOfDepartment, type PolicyContent } from './model.js';
import { read } from './text.js';

// A question the bot could not answer, on its way from the asker to the
// secretariat and back: its card, the answer, and making it a rule.

/** A question's scope as the look-up would read it: named in it, or the asker's department. */
export function scopeOfQuestion(deps: PolicyDeps, question: PolicyQuestion) {
  return deps.policies.scopeOf(question.text, scopeOfDepartment(question.asker.departmentId));
}

export async function questionCardFor(
  deps: PolicyDeps,
  ctx: CardContext,
  question: PolicyQuestion,
  notice?: string,
) {
  const defaultScope = await scopeOfQuestion(deps, question);
  return questionCard(ctx, question, { defaultScope, ...(notice ? { notice } : {}) });
}

/** Records the answer and brings it to the asker; says what happened in the answerer's language. */
export async function recordAnswer(
  deps: PolicyDeps,
  turn: Turn,
  id: string,
  text: string,
): Promise<{ question?: PolicyQuestion; notice: string }> {
  const result = await deps.policyInbox.answer(id, text, editorOf(turn));
  if (!result.ok) {
    if (result.reason === 'alreadyAnswered')
      return {
        question: result.question,
        notice: turn.t('policy.answer.already', { name: result.question.answer?.by.name ?? '' }),
      };
    if (result.reason === 'empty') return { notice: turn.t('policy.answer.empty') };
    return { notice: turn.t('policy.questionNotFound', { id }) };
  }
  const asker = translator(result.question.locale);
  const delivery = await deps.policyInbox.deliverToAsker(
    result.question,
    replyCard(contextOf(deps, asker, result.question.locale), result.question),
  );
  return {
    question: result.question,
    notice: delivery.ok
      ? turn.t('policy.answer.sent', { id: result.question.id })
      : turn.t('policy.answer.notDelivered'),
  };
}

/** Makes a policy entry of an answered question, with the scope and status the secretariat chose. */
export async function adoptQuestion(
  deps: PolicyDeps,
  turn: Turn,
  id: string,
  choice: { scope?: string; status?: string },
): Promise<{ question?: PolicyQuestion; notice: string }> {
  const question = await deps.policyInbox.get(id);
  if (!question) return { notice: turn.t('policy.questionNotFound', { id }) };
  const scope = choice.scope ? parseScope(choice.scope) : await scopeOfQuestion(deps, question);
  if (!scope) return { question, notice: turn.t('policy.badScope', { value: choice.scope ?? '' }) };
  const status = parseStatus(choice.status ?? 'guidance');
  if (!status)
    return { question, notice: turn.t('policy.badStatus', { value: choice.status ?? '' }) };
  const subjects = read(question.text, (await deps.policies.index()).subjects).subjects;
  const timeZone = deps.config.timeZone;
  const ja = translator('ja');
  const en = translator('en');
  const content = (q: PolicyQuestion): PolicyContent => {
    const day = localDate(new Date(q.answer?.at ?? q.askedAt), timeZone);
    const answer = q.answer?.text ?? '';
    return {
      // Its own topic: an answer to one question is not related to every other one.
      topic: `answer-${q.id}`,
      subjects: [...subjects],
      scope,
      status,
      title: { ja: q.text, en: q.text },
      answer: { ja: answer, en: answer },
      since: day,
      source: {
        meeting: { ja: ja('policy.adopt.meeting'), en: en('policy.adopt.meeting') },
        date: day,
        material: {
          ja: ja('policy.adopt.material', { id: q.id, asker: q.asker.name }),
          en: en('policy.adopt.material', { id: q.id, asker: q.asker.name }),
        },
      },
      keywords: { ja: [], en: [] },
      related: [],
    };
  };
  const result = await deps.policyInbox.adopt(question.id, content, editorOf(turn));
  if (result.ok)
    return {
      question: result.question,
      notice: turn.t('policy.adopt.done', { id: question.id, entryId: result.entry.id }),
    };
  switch (result.reason) {
    case 'notFound':
      return { notice: turn.t('policy.questionNotFound', { id }) };
    case 'notAnswered':
      return { question, notice: turn.t('policy.adopt.notAnswered', { id: question.id }) };
    case 'alreadyAdopted':
      return {
        question: result.question,
        notice: turn.t('policy.adopt.already', {
          id: question.id,
          entryId: result.question.entryId ?? '',
        }),
      };
    default:
      return { question, notice: changeProblem(turn, result, question.id) };
  }
}
