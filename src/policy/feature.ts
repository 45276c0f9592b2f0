import type { Feature } from '../app/feature.js';
import { policiesSection } from '../tab/sections/policies.js';
import { policyActions, policyCommands, policyFallback } from './commands.js';
import type { PolicyDeps } from './deps.js';
import { seedDemoPolicies } from './seed.js';

/** Policies (方針): ask, browse, and the secretariat's book and inbox. */
export function policyFeature(services: PolicyDeps): Feature {
  return {
    id: 'policy',
    commands: policyCommands(services),
    actions: policyActions(services),
    // Free text is a policy question when it reads like one; otherwise the next fallback.
    fallback: (next) => policyFallback(services, next),
    tab: { order: 40, section: policiesSection(services.policies) },
    seedDemo: async () => {
      await seedDemoPolicies(services.policies);
    },
  };
}
