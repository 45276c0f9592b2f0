import type { IntentSpec } from '../app/intent.js';
import type { Router } from '../app/router.js';
import { Audience } from '../domain/roles.js';
import { runCommand } from '../understanding/reuse.js';

/**
 * Surveys in words: a department opens its survey card; the staff see the
 * progress card (アンケート) or the results with who has not answered (結果 N).
 */
export function surveyIntents(router: () => Router): IntentSpec[] {
  const results = (id: 'surveys.missing' | 'surveys.results'): IntentSpec => ({
    id,
    allowed: Audience.staff,
    label: `intent.${id}`,
    handle: async (turn) => {
      const n = turn.slots.surveyNumber;
      await runCommand(router, turn, 'results', n === undefined ? '' : String(n));
    },
  });
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
        await runCommand(router, turn, 'surveys');
      },
    },
    results('surveys.missing'),
    results('surveys.results'),
  ];
}
