import type { Feature } from '../app/feature.js';
import type { RouteUses } from '../app/router.js';
import { outboxActions, outboxCommands } from './commands.js';
import type { OutboxUses } from './deps.js';
import { outboxIntents } from './intents.js';
import { outboxSection } from './section.js';

/** What is about to be sent (送信予定): every planned reminder, nudge and ping, to hold, release or send now. */
export function outboxFeature(services: OutboxUses & RouteUses): Feature {
  return {
    id: 'outbox',
    commands: outboxCommands(services),
    actions: outboxActions(services),
    intents: outboxIntents(services.routes),
    tab: { order: 45, section: outboxSection(services) },
  };
}
