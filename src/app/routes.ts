import { meetingActions, meetingCommands } from '../meetings/commands.js';
import { surveyActions, surveyCommands } from '../surveys/commands.js';
import { itemActions, itemCommands } from '../items/commands.js';
import { deadLetterRoutes } from './dead-letter-commands.js';
import { directoryCommands } from './directory-commands.js';
import { helpCommand, unknownTextFallback, whoamiCommand } from './core-commands.js';
import { policyActions, policyCommands, policyFallback } from '../policy/commands.js';
import { minutesActions, minutesCommands } from '../minutes/commands.js';
import { Router } from './router.js';
import type { Services } from './services.js';

/**
 * The routing table: every command and card verb Honbu understands, with who
 * may use it. Reading this file tells what the bot can do.
 */
export function createRouter(services: Services): Router {
  const deadLetters = deadLetterRoutes(services.scheduler, services.config.timeZone);
  const router: Router = new Router({
    commands: [
      helpCommand(() => router),
      whoamiCommand,
      ...directoryCommands(services.directory),
      ...deadLetters.commands,
      ...policyCommands(services),
      ...meetingCommands(services),
      ...surveyCommands(services),
      ...itemCommands(services),
      ...minutesCommands(services),
    ],
    actions: [
      ...deadLetters.actions,
      ...policyActions(services),
      ...meetingActions(services),
      ...surveyActions(services),
      ...itemActions(services),
      ...minutesActions(services),
    ],
    // Free text is a policy question when it reads like one; otherwise a suggestion.
    fallback: policyFallback(
      services,
      unknownTextFallback(() => router),
    ),
  });
  return router;
}
