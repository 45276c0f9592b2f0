import { Audience } from '../domain/roles.js';
import { commandIntent } from '../understanding/reuse.js';
import type { IntentSpec } from './intent.js';
import type { Routes } from './router.js';

/** Help, small talk, who am I, and the secretariat's failed sends. */
export function coreIntents(router: Routes): IntentSpec[] {
  return [
    commandIntent(router, 'core.help', 'help', Audience.anyone),
    commandIntent(router, 'core.whoami', 'whoami', Audience.anyone),
    commandIntent(router, 'deadLetters.list', 'deadLetters', Audience.staff),
    {
      id: 'core.greeting',
      allowed: Audience.anyone,
      label: 'intent.core.greeting',
      handle: (turn) =>
        turn.reply(turn.t('understanding.greeting', { name: turn.actor.displayName })),
    },
    {
      id: 'core.thanks',
      allowed: Audience.anyone,
      label: 'intent.core.thanks',
      handle: (turn) => turn.reply(turn.t('understanding.thanks')),
    },
  ];
}
