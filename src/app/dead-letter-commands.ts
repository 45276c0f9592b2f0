import { renderCard, type Card } from '../cards/card.js';
import { Audience } from '../domain/roles.js';
import { formatDateTime } from '../i18n/dates.js';
import type { Scheduler } from '../scheduling/scheduler.js';
import type { ActionSpec, CommandSpec } from './router.js';
import type { Turn } from './turn.js';

export interface DeadLetterCardData {
  readonly title: string;
  readonly summary: string;
  readonly jobs: ReadonlyArray<{ id: string; label: string; detail: string; resendLabel: string }>;
}

async function deadLetterCard(scheduler: Scheduler, turn: Turn, timeZone: string): Promise<Card> {
  const jobs = await scheduler.deadLetters();
  const data: DeadLetterCardData = {
    title: turn.t('deadLetters.title'),
    summary:
      jobs.length === 0
        ? turn.t('deadLetters.none')
        : turn.t('deadLetters.count', { count: jobs.length }),
    jobs: jobs.map((job) => ({
      id: job.id,
      label: `${job.kind} (${job.group ?? job.id})`,
      detail: turn.t('deadLetters.detail', {
        due: formatDateTime(new Date(job.originalDueAt), turn.locale, timeZone),
        attempts: job.attempts,
        reason: job.expiredAt
          ? turn.t('deadLetters.expired', {
              until: formatDateTime(new Date(job.expiredAt), turn.locale, timeZone),
            })
          : (job.outcome ?? ''),
      }),
      resendLabel: turn.t('deadLetters.resend'),
    })),
  };
  return renderCard('dead-letters', data);
}

/** The secretariat sees what could not be delivered, and sends it again. */
export function deadLetterRoutes(
  scheduler: Scheduler,
  timeZone: string,
): {
  commands: CommandSpec[];
  actions: ActionSpec[];
} {
  return {
    commands: [
      {
        id: 'deadLetters',
        words: { ja: ['送信失敗'], en: ['failed sends', 'dead letters'] },
        summary: 'cmd.deadLetters',
        allowed: Audience.staff,
        handle: async (turn) =>
          turn.reply({ card: await deadLetterCard(scheduler, turn, timeZone) }),
      },
    ],
    actions: [
      {
        verb: 'scheduler.resend',
        allowed: Audience.staff,
        handle: async (turn) => {
          const jobId = turn.data['jobId'];
          if (typeof jobId !== 'string' || !(await scheduler.resend(jobId))) {
            return { message: turn.t('deadLetters.notDead') };
          }
          return { card: await deadLetterCard(scheduler, turn, timeZone) };
        },
      },
    ],
  };
}
