import type { Clock } from '../clock.js';
import type { DirectoryService } from '../domain/directory-service.js';
import type { PolicyBook } from '../policy/policy-book.js';
import type { DocumentStore } from '../store/document-store.js';
import { loadCorpus } from '../understanding/corpus.js';
import { ConversationMemory } from '../understanding/memory.js';
import { PolicyTerms } from '../understanding/policy-terms.js';
import { understandingStep } from '../understanding/step.js';
import { Understanding } from '../understanding/understand.js';
import { commandTypo, helpCommand, unknownTextFallback } from './core-commands.js';
import type { Feature } from './feature.js';
import { Router } from './router.js';

/** What the understanding step in front of the features reads and remembers. */
export interface UnderstandingUses {
  readonly store: DocumentStore;
  readonly clock: Clock;
  readonly config: { readonly timeZone: string };
  readonly directory: DirectoryService;
  readonly policies: PolicyBook;
}

/**
 * The model learnt from the features' example utterances. The corpus ships with the
 * code, so every Honbu in a process learns the same model and it never changes after:
 * it is learnt once, on first use (a process that runs several bots, as the tests do,
 * would otherwise spend a quarter of a second on each).
 */
let learnt: Understanding | undefined;
const understandingModel = (): Understanding => (learnt ??= new Understanding(loadCorpus()));

/**
 * The routing table, derived from the feature list (src/app/features.ts): help,
 * then every feature's commands, card verbs and intents, with who may use them.
 * Free text no command matched goes through one understanding step, learnt from
 * the features' example utterances, which picks an intent, asks which one was
 * meant, or says it did not understand. Without `understanding` (tests of the
 * table alone) such text gets the suggestion directly.
 */
export function createRouter(
  features: readonly Feature[],
  understanding?: UnderstandingUses,
): Router {
  const routes = () => router;
  const step = understanding
    ? understandingStep({
        understanding: understandingModel(),
        memory: new ConversationMemory(understanding.store, understanding.clock),
        directory: understanding.directory,
        clock: understanding.clock,
        timeZone: understanding.config.timeZone,
        router: routes,
        policyTerms: new PolicyTerms(understanding.policies),
        typo: commandTypo(routes),
      })
    : undefined;
  const router: Router = new Router({
    commands: [helpCommand(routes), ...features.flatMap((f) => f.commands ?? [])],
    actions: [...features.flatMap((f) => f.actions ?? []), ...(step?.actions ?? [])],
    intents: features.flatMap((f) => f.intents ?? []),
    fallback: step?.fallback ?? unknownTextFallback(routes),
    ...(step ? { afterCommand: step.afterCommand } : {}),
  });
  return router;
}
