import { helpCommand, unknownTextFallback } from './core-commands.js';
import type { Fallback, Feature } from './feature.js';
import { Router } from './router.js';

/**
 * The routing table, derived from the feature list (src/app/features.ts): help,
 * then every feature's commands and card verbs, with who may use them. Free
 * text no command matched goes through the features' fallbacks in list order
 * (a policy question when it reads like one), and ends in a suggestion.
 */
export function createRouter(features: readonly Feature[]): Router {
  const unknownText: Fallback = unknownTextFallback(() => router);
  const router: Router = new Router({
    commands: [helpCommand(() => router), ...features.flatMap((f) => f.commands ?? [])],
    actions: features.flatMap((f) => f.actions ?? []),
    fallback: features.reduceRight<Fallback>(
      (next, feature) => feature.fallback?.(next) ?? next,
      unknownText,
    ),
  });
  return router;
}
