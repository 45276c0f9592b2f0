import { meetingActions, meetingCommands } from '../meetings/commands.js';
import { meetingIntents } from '../meetings/intents.js';
import { surveyActions, surveyCommands } from '../surveys/commands.js';
import { surveyIntents } from '../surveys/intents.js';
import { itemActions, itemCommands } from '../items/commands.js';
import { itemIntents } from '../items/intents.js';
import { deadLetterRoutes } from './dead-letter-commands.js';
import { directoryCommands } from './directory-commands.js';
import { commandTypo, helpCommand, unknownTextFallback, whoamiCommand } from './core-commands.js';
import { coreIntents } from './intents.js';
import { policyActions, policyCommands } from '../policy/commands.js';
import { policyIntents } from '../policy/intents.js';
import { loadCorpus } from '../understanding/corpus.js';
import { ConversationMemory } from '../understanding/memory.js';
import { PolicyTerms } from '../understanding/policy-terms.js';
import { understandingStep } from '../understanding/step.js';
import { Understanding } from '../understanding/understand.js';
import { Router } from './router.js';
import type { Services } from './services.js';

/**
 * The routing table: every command, card verb and intent Honbu understands,
 * with who may use it. Reading this file tells what the bot can do.
 */
export function createRouter(services: Services): Router {
  const deadLetters = deadLetterRoutes(services.scheduler, services.config.timeZone);
  const routes = () => router;
  // Free text no command matched goes through one understanding step, learnt
  // here from the features' example utterances.
  const understanding = understandingStep({
    understanding: new Understanding(loadCorpus()),
    memory: new ConversationMemory(services.store, services.clock),
    directory: services.directory,
    clock: services.clock,
    timeZone: services.config.timeZone,
    router: routes,
    policyTerms: new PolicyTerms(services.policies),
    typo: commandTypo(routes),
  });
  const router: Router = new Router({
    commands: [
      helpCommand(routes),
      whoamiCommand,
      ...directoryCommands(services.directory),
      ...deadLetters.commands,
      ...policyCommands(services),
      ...meetingCommands(services),
      ...surveyCommands(services),
      ...itemCommands(services),
    ],
    actions: [
      ...deadLetters.actions,
      ...policyActions(services),
      ...meetingActions(services),
      ...surveyActions(services),
      ...itemActions(services),
      ...understanding.actions,
    ],
    intents: [
      ...coreIntents(routes),
      ...meetingIntents(services, routes),
      ...itemIntents(services, routes),
      ...surveyIntents(routes),
      ...policyIntents(services, unknownTextFallback(routes)),
    ],
    fallback: understanding.fallback,
    afterCommand: understanding.afterCommand,
  });
  return router;
}
