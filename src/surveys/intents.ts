import type { IntentSpec } from '../app/intent.js';
import type { Routes } from '../app/router.js';
import { Audience } from '../domain/roles.js';
import { runCommand } from '../understanding/reuse.js';

/**
 * Surveys in words: a department opens its survey card; anyone in the directory
 * sees how many departments answered (回答状況); the staff see which have not
 * (未回答) and the results (結果 N).
 */
export function surveyIntents(router: Routes): IntentSpec[] {
  return [
    {
      id: 'surveys.answer',
      allowed: Audience.directory,
      label: 'intent.surveys.answer',
      handle: async (turn) => {
        await runCommand(router, turn, 'surveys');
      },
    },
    {
      id: 'surveys.progress',
      allowed: Audience.directory,
      label: 'intent.surveys.progress',
      handle: async (turn) => {
        await runCommand(router, turn, 'survey.progress');
      },
    },
    {
      id: 'surveys.missing',
      allowed: Audience.staff,
      label: 'intent.surveys.missing',
      handle: async (turn) => {
        await runCommand(router, turn, 'survey.missing');
      },
    },
    {
      id: 'surveys.results',
      allowed: Audience.staff,
      label: 'intent.surveys.results',
      handle: async (turn) => {
        const n = turn.slots.surveyNumber;
        await runCommand(router, turn, 'results', n === undefined ? '' : String(n));
      },
    },
  ];
}
