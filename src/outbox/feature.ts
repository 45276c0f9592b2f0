import type { Feature } from '../app/feature.js';
import { outboxActions, outboxCommands } from './commands.js';
import type { OutboxUses } from './deps.js';
import { outboxSection } from './section.js';

/** What is about to be sent (送信予定): every planned reminder, nudge and ping, to hold, release or send now. */
export function outboxFeature(services: OutboxUses): Feature {
  return {
    id: 'outbox',
    commands: outboxCommands(services),
    actions: outboxActions(services),
    tab: { order: 45, section: outboxSection(services) },
  };
}
