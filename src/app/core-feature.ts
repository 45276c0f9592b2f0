import { whoamiCommand } from './core-commands.js';
import type { Feature } from './feature.js';
import { coreIntents } from './intents.js';
import type { RouteUses } from './router.js';

/**
 * The core commands every person has. Help and the answer to unknown text are
 * not here: they are derived from the whole route table (src/app/routes.ts).
 */
export function coreFeature(services: RouteUses): Feature {
  return { id: 'core', commands: [whoamiCommand], intents: coreIntents(services.routes) };
}
