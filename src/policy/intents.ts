import type { IntentSpec } from '../app/intent.js';
import type { Services } from '../app/services.js';
import type { CommandTurn } from '../app/turn.js';
import { Audience } from '../domain/roles.js';
import { policyFallback } from './commands.js';

/** The one intent that reaches the policy book: a question about the rules. */
export function policyIntents(
  services: Services,
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
