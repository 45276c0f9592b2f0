import type { Feature } from '../app/feature.js';
import type { RouteUses } from '../app/router.js';
import { itemsSection } from '../tab/sections/items.js';
import { itemActions, itemCommands } from './commands.js';
import { seedDemoItems } from './demo.js';
import type { ItemUses } from './deps.js';
import { itemIntents } from './intents.js';
import { itemJobs } from './jobs.js';

/** Action items (宿題): owners' replies, the secretariat's forms, lists, pings and escalation. */
export function itemsFeature(services: ItemUses & RouteUses): Feature {
  return {
    id: 'items',
    commands: itemCommands(services),
    actions: itemActions(services),
    intents: itemIntents(services, services.routes),
    jobs: itemJobs(services),
    tab: { order: 30, section: itemsSection(services.items, services.directory) },
    seedDemo: () => seedDemoItems(services),
  };
}
