import type { IntentSpec } from '../app/intent.js';
import type { Routes } from '../app/router.js';
import { Audience } from '../domain/roles.js';
import { commandIntent } from '../understanding/reuse.js';

/**
 * Surveys in words: a department opens its survey card; anyone in the directory
 * sees how many departments answered (回答状況); the staff see which have not
 * (未回答) and the results (結果 N).
 */
export function surveyIntents(router: Routes): IntentSpec[] {
  return [
    commandIntent(router, 'surveys.answer', 'surveys', Audience.directory),
    commandIntent(router, 'surveys.progress', 'survey.progress', Audience.directory),
    commandIntent(router, 'surveys.missing', 'survey.missing', Audience.staff),
    commandIntent(router, 'surveys.results', 'results', Audience.staff, {
      args: (turn) =>
        turn.slots.surveyNumber === undefined ? '' : String(turn.slots.surveyNumber),
    }),
  ];
}
