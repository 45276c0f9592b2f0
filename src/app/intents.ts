import { Audience } from '../domain/roles.js';
import { runCommand } from '../understanding/reuse.js';
import type { IntentSpec } from './intent.js';
import type { Routes } from './router.js';

/** Help, small talk, who am I, and the secretariat's failed sends. */
export function coreIntents(router: Routes): IntentSpec[] {
  const command = (
    id: 'core.help' | 'core.whoami' | 'deadLetters.list',
    commandId: string,
    allowed: IntentSpec['allowed'],
  ): IntentSpec => ({
    id,
    allowed,
    label: `intent.${id}`,
    handle: async (turn) => {
      await runCommand(router, turn, commandId);
    },
  });
  return [
    command('core.help', 'help', Audience.anyone),
    command('core.whoami', 'whoami', Audience.anyone),
    command('deadLetters.list', 'deadLetters', Audience.staff),
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
