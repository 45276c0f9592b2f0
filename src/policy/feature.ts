import type { Feature } from '../app/feature.js';
import { policiesSection } from '../tab/sections/policies.js';
import type { RouteUses } from '../app/router.js';
import { unknownTextFallback } from '../app/core-commands.js';
import { policyActions, policyCommands } from './commands.js';
import { policyIntents } from './intents.js';
import type { PolicyDeps } from './deps.js';
import { seedDemoPolicies } from './seed.js';

/** Policies (方針): ask, browse, and the secretariat's book and inbox. */
export function policyFeature(services: PolicyDeps & RouteUses): Feature {
  return {
    id: 'policy',
    commands: policyCommands(services),
    actions: policyActions(services),
    // A question the policy book finds nothing to say about is not understood, not abstained on.
    intents: policyIntents(services, unknownTextFallback(services.routes)),
    tab: { order: 40, section: policiesSection(services.policies) },
    seedDemo: async () => {
      await seedDemoPolicies(services.policies);
    },
  };
}
