import type { CommandTurn, Turn } from '../app/turn.js';
import { answerCard } from './answer-card.js';
import { contextOf, type PolicyDeps } from './deps.js';
import { scopeOfDepartment } from './model.js';

/** The answer card for one question, for the scope of the asker's department. */
export async function answerCardFor(
  deps: PolicyDeps,
  turn: Turn,
  question: string,
  asked?: string,
) {
  const answer = await deps.policies.answer(
    question,
    scopeOfDepartment(turn.actor.person?.departmentId),
  );
  return answerCard(contextOf(deps, turn.t, turn.locale), answer, question, asked);
}

/**
 * Answers one policy question as a reply: the answer (or an honest "not in
 * the rules") with the button to ask the secretariat. This is what a free-text
 * question classified as a policy question is handed to.
 */
export async function answerPolicyQuestion(
  deps: PolicyDeps,
  turn: Turn,
  question: string,
): Promise<void> {
  const text = question.trim();
  if (!text) return turn.reply(turn.t('policy.ask.usage'));
  await turn.reply(await answerCardFor(deps, turn, text));
}

/** Free text no command matched: a policy question if it looks like one, else `otherwise`. */
export function policyFallback(
  deps: PolicyDeps,
  otherwise: (turn: CommandTurn) => Promise<void>,
): (turn: CommandTurn) => Promise<void> {
  return async (turn) => {
    if (await deps.policies.worthAnswering(turn.text))
      return answerPolicyQuestion(deps, turn, turn.text);
    return otherwise(turn);
  };
}
