import type { IntentSpec } from '../app/intent.js';
import type { CommandTurn } from '../app/turn.js';
import { Audience } from '../domain/roles.js';
import { policyFallback } from './ask.js';
import type { PolicyDeps } from './deps.js';

/** The one intent that reaches the policy book: a question about the rules. */
export function policyIntents(
  services: PolicyDeps,
  notUnderstood: (turn: CommandTurn) => Promise<void>,
): IntentSpec[] {
  const answer = policyFallback(services, notUnderstood);
  return [
    {
      id: 'policy.question',
      allowed: Audience.anyone,
      label: 'intent.policy.question',
      handle: (turn) => answer(turn),
    },
  ];
}
