import type { Feature } from '../app/feature.js';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import { policiesSection } from '../tab/sections/policies.js';
import { policyActions, policyCommands, policyFallback } from './commands.js';
import type { PolicyInbox } from './inbox.js';
import type { PolicyBook } from './policy-book.js';
import { seedDemoPolicies } from './seed.js';

/** What the policy commands, card verbs and question answering use. */
export interface PolicyUses {
  readonly config: Pick<Config, 'timeZone'>;
  readonly clock: Clock;
  readonly policies: PolicyBook;
  readonly policyInbox: PolicyInbox;
}

/** Policies (方針): ask, browse, and the secretariat's book and inbox. */
export function policyFeature(services: PolicyUses): Feature {
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
