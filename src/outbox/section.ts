import { Audience } from '../domain/roles.js';
import type { Block } from '../tab/model.js';
import type { SectionContext, SectionProvider } from '../tab/sections/section.js';
import { describeJob, OUTBOX_DAYS, upcomingJobs } from './commands.js';
import type { OutboxUses } from './deps.js';

/** The same list as 送信予定, for the secretariat and the chair on the dashboard (no buttons). */
export function outboxSection(services: OutboxUses): SectionProvider {
  return {
    id: 'outbox',
    title: 'tab.outbox.title',
    audience: Audience.staff,
    emptyMessage: 'tab.outbox.empty',
    load: async (context: SectionContext): Promise<Block[]> => {
      const jobs = await upcomingJobs(services);
      if (jobs.length === 0) return [];
      const rows = await Promise.all(jobs.map((job) => describeJob(services, context, job)));
      return [
        {
          kind: 'table',
          caption: context.t('outbox.title', { days: OUTBOX_DAYS }),
          columns: [
            context.t('tab.outbox.when'),
            context.t('tab.outbox.what'),
            context.t('tab.outbox.detail'),
          ],
          rows: rows.map((row) => ({
            cells: [{ text: row.when }, { text: row.what }, { text: row.detail }],
          })),
        },
      ];
    },
  };
}
