import { whoamiCommand } from './core-commands.js';
import type { Feature } from './feature.js';

/**
 * The core commands every person has. Help and the answer to unknown text are
 * not here: they are derived from the whole route table (src/app/routes.ts).
 */
export function coreFeature(): Feature {
  return { id: 'core', commands: [whoamiCommand] };
}
