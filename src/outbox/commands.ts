import type { ActionSpec, CommandSpec } from '../app/router.js';
import type { ActionOutcome, Turn } from '../app/turn.js';
import { renderCard, type Card } from '../cards/card.js';
import { Audience } from '../domain/roles.js';
import type { MessageKey } from '../i18n/catalog.js';
import { formatDateTime } from '../i18n/dates.js';
import type { Reader } from '../i18n/reader.js';
import type { Job } from '../scheduling/job.js';
import type { OutboxUses } from './deps.js';

/** How far ahead the outbox looks. */
export const OUTBOX_DAYS = 14;
const DAY_MS = 24 * 60 * 60 * 1000;

/** What each kind of job sends, and to whom, as the secretariat reads it. */
const KINDS: Readonly<Record<string, { what: MessageKey; to: MessageKey }>> = {
  'meeting.reminder': { what: 'outbox.what.meetingReminder', to: 'outbox.to.attendees' },
  'meeting.notice': { what: 'outbox.what.meetingNotice', to: 'outbox.to.attendees' },
  'survey.nudge': { what: 'outbox.what.surveyNudge', to: 'outbox.to.notAnswered' },
  'survey.close': { what: 'outbox.what.surveyClose', to: 'outbox.to.surveyCards' },
  'items.daily': { what: 'outbox.what.itemsDaily', to: 'outbox.to.owners' },
  'items.digest': { what: 'outbox.what.itemsDigest', to: 'outbox.to.owners' },
  'items.meeting': { what: 'outbox.what.itemsMeeting', to: 'outbox.to.owners' },
  'items.meetingCancelled': { what: 'outbox.what.itemsCancelled', to: 'outbox.to.secretariat' },
};

type Notice = { readonly text: string; readonly ok: boolean } | undefined;

/** A planned job as the secretariat reads it: when, what (and about what), to whom, and notes. */
export async function describeJob(
  services: OutboxUses,
  reader: Pick<Reader, 't' | 'locale'>,
  job: Job,
): Promise<{ when: string; what: string; detail: string }> {
  const { t, locale } = reader;
  const timeZone = services.config.timeZone;
  const due = new Date(job.dueAt);
  const kind = KINDS[job.kind];
  const subject = await services.outboxSubjects.subjectOf(job.payload, locale);
  const notes: string[] = [t(kind?.to ?? 'outbox.to.unknown')];
  if (job.status === 'held') notes.push(t('outbox.held'));
  if (services.calendar.isQuiet(due))
    notes.push(
      t('outbox.quiet', {
        at: formatDateTime(services.calendar.endOfQuiet(due), locale, timeZone),
      }),
    );
  if (!services.calendar.isBusinessDay(due)) notes.push(t('outbox.holiday'));
  const what = kind ? t(kind.what) : job.kind;
  return {
    when: formatDateTime(due, locale, timeZone),
    what: subject ? t('outbox.whatAbout', { what, subject }) : what,
    detail: notes.join(t('outbox.separator')),
  };
}

async function jobRow(services: OutboxUses, turn: Turn, job: Job) {
  const { t } = turn;
  return {
    ...(await describeJob(services, turn, job)),
    buttons: [
      job.status === 'held'
        ? { title: t('outbox.button.release'), verb: 'outbox.release', jobId: job.id }
        : { title: t('outbox.button.hold'), verb: 'outbox.hold', jobId: job.id },
      { title: t('outbox.button.sendNow'), verb: 'outbox.sendNow', jobId: job.id },
    ],
  };
}

/** Jobs due within the outbox's window, from now. */
export function upcomingJobs(services: OutboxUses): Promise<Job[]> {
  return services.jobControls.upcoming(
    new Date(services.clock.now().getTime() + OUTBOX_DAYS * DAY_MS),
  );
}

async function outboxCard(services: OutboxUses, turn: Turn, notice?: Notice): Promise<Card> {
  const jobs = await upcomingJobs(services);
  return renderCard('outbox', {
    title: turn.t('outbox.title', { days: OUTBOX_DAYS }),
    notice: notice?.text ?? '',
    noticeColor: notice?.ok === false ? 'Attention' : 'Good',
    summary:
      jobs.length === 0
        ? turn.t('outbox.none', { days: OUTBOX_DAYS })
        : turn.t('outbox.count', { count: jobs.length }),
    jobs: await Promise.all(jobs.map((job) => jobRow(services, turn, job))),
  });
}

export function outboxCommands(services: OutboxUses): CommandSpec[] {
  return [
    {
      id: 'outbox',
      words: { ja: ['送信予定'], en: ['scheduled', 'outbox'] },
      summary: 'cmd.outbox',
      allowed: Audience.staff,
      handle: async (turn) =>
        turn.reply({
          card: await outboxCard(services, turn),
          summary: turn.t('outbox.title', { days: OUTBOX_DAYS }),
        }),
    },
  ];
}

export function outboxActions(services: OutboxUses): ActionSpec[] {
  const { jobControls, scheduler } = services;
  const jobIdOf = (data: Readonly<Record<string, unknown>>) =>
    typeof data['jobId'] === 'string' ? data['jobId'] : '';
  /** Runs the change and shows the list again, saying whether it was done. */
  const control =
    (change: (id: string) => Promise<boolean>, done: MessageKey) =>
    async (turn: Turn & { data: Readonly<Record<string, unknown>> }): Promise<ActionOutcome> => {
      const ok = await change(jobIdOf(turn.data));
      const notice = { text: turn.t(ok ? done : 'outbox.notPending'), ok };
      return { card: await outboxCard(services, turn, notice) };
    };
  return [
    {
      verb: 'outbox.hold',
      allowed: Audience.staff,
      handle: control((id) => jobControls.hold(id), 'outbox.heldDone'),
    },
    {
      verb: 'outbox.release',
      allowed: Audience.staff,
      handle: control((id) => jobControls.release(id), 'outbox.released'),
    },
    {
      verb: 'outbox.sendNow',
      allowed: Audience.staff,
      handle: control(async (id) => {
        if (!(await jobControls.sendNow(id))) return false;
        await scheduler.tick();
        return true;
      }, 'outbox.sent'),
    },
  ];
}
