import { DateTime } from 'luxon';
import type { MeetingUses } from './deps.js';
import { formatClock, formatMoment, formatTimeRange } from '../i18n/dates.js';
import { localeFrom, type Locale } from '../i18n/locale.js';
import { translator } from '../i18n/translate.js';
import type { OutboundMessage } from '../messaging/sender.js';
import type { Delivery, JobContext } from '../scheduling/scheduler.js';
import { dashboardLinkOf } from '../tab/deep-link.js';
import { agendaCard, type AgendaView, type CardContext } from './cards.js';
import type { Meeting } from './meeting.js';
import { NOTICE_JOB, REMINDER_JOB, type NoticePayload, type ReminderPayload } from './reminders.js';

/** A channel is read by the whole committee, which works in Japanese. */
const CHANNEL_LOCALE: Locale = 'ja';

export function icsUrlFor(services: MeetingUses): (meetingId: string) => string {
  const base = (
    services.config.publicBaseUrl ?? `http://localhost:${services.config.port}`
  ).replace(/\/$/, '');
  return (meetingId) => `${base}/meetings/${encodeURIComponent(meetingId)}.ics`;
}

export async function cardContextFor(services: MeetingUses, locale: Locale): Promise<CardContext> {
  const dashboardLink = dashboardLinkOf(services.config);
  return {
    t: translator(locale),
    locale,
    timeZone: services.config.timeZone,
    departments: await services.directory.listDepartments(),
    people: await services.directory.listPeople(),
    icsUrl: icsUrlFor(services),
    dashboardUrl: (id) => dashboardLink({ kind: 'meeting', id }),
  };
}

/** What a notice says, in one language. */
type NoticeText = (context: CardContext) => { text: string; tone: 'info' | 'warning' };

/** Registers the meeting job kinds (reminders, notices) with the scheduler. */
export function registerMeetingJobs(services: MeetingUses): void {
  services.scheduler.register<ReminderPayload>(REMINDER_JOB, async (job) => {
    const { payload } = job.job;
    const meeting = await services.meetings.get(payload.meetingId);
    if (!meeting) return { drop: 'meeting no longer exists' };
    if (meeting.status === 'cancelled') return { drop: 'meeting cancelled' };
    // Rescheduling plans new jobs; one planned for the old start must not go out.
    if (meeting.startsAt !== payload.startsAt) return { drop: 'meeting moved' };
    await announce(services, job, meeting, (context) => ({
      text: reminderText(meeting, payload, context, job.now),
      tone: 'info',
    }));
    if (payload.purpose === 'materials')
      await services.meetingFollowUps.materialsDue(meeting, job.now);
  });

  services.scheduler.register<NoticePayload>(NOTICE_JOB, async (job) => {
    const { payload } = job.job;
    const meeting = await services.meetings.get(payload.meetingId);
    if (!meeting) return { drop: 'meeting no longer exists' };
    await announce(services, job, meeting, (context) => ({
      text: noticeText(meeting, payload, context),
      tone: 'warning',
    }));
    if (payload.notice === 'cancelled') await services.meetingFollowUps.cancelled(meeting, job.now);
  });
}

function noticeText(meeting: Meeting, payload: NoticePayload, context: CardContext): string {
  const { t, locale, timeZone } = context;
  const range = (s: { startsAt: string; endsAt: string }) =>
    formatTimeRange(new Date(s.startsAt), new Date(s.endsAt), locale, timeZone);
  if (payload.notice === 'rescheduled') {
    // The new time comes from the stored meeting the card shows, never from the job:
    // a later edit may have changed it again since the notice was planned.
    return t('meeting.notice.rescheduled', {
      title: meeting.title,
      from: range(payload.from),
      to: range(meeting),
    });
  }
  return payload.reason
    ? t('meeting.notice.cancelled', {
        title: meeting.title,
        when: range(meeting),
        reason: payload.reason,
      })
    : t('meeting.notice.cancelledNoReason', { title: meeting.title, when: range(meeting) });
}

function reminderText(
  meeting: Meeting,
  payload: ReminderPayload,
  context: CardContext,
  now: Date,
): string {
  const { t, locale, timeZone } = context;
  const start = new Date(meeting.startsAt);
  const when = formatTimeRange(start, new Date(meeting.endsAt), locale, timeZone);
  const place = meeting.place || '-';
  if (payload.purpose === 'materials') {
    const days = Math.round(
      DateTime.fromJSDate(start, { zone: timeZone })
        .startOf('day')
        .diff(DateTime.fromJSDate(now, { zone: timeZone }).startOf('day'), 'days').days,
    );
    return t('meeting.remind.materials', { title: meeting.title, when, days });
  }
  if (payload.kind === 'minutesBefore') {
    return t('meeting.remind.soon', {
      title: meeting.title,
      time: formatClock(start, timeZone),
      place,
    });
  }
  return t('meeting.remind.upcoming', { title: meeting.title, when, place });
}

function lateText(job: JobContext<unknown>, context: CardContext): string {
  return context.t('meeting.remind.late', {
    planned: formatMoment(new Date(job.job.originalDueAt), context.locale, context.timeZone),
  });
}

/**
 * Posts the agenda card, headed by the notice, to the committee channels and to
 * each attendee department's head and delegate in 1:1 — once each per job. A 1:1
 * is written in the language the person last used with the bot.
 */
async function announce(
  services: MeetingUses,
  job: JobContext<unknown>,
  meeting: Meeting,
  notice: NoticeText,
): Promise<void> {
  const messages = new Map<Locale, OutboundMessage>();
  const messageIn = async (locale: Locale): Promise<OutboundMessage> => {
    const known = messages.get(locale);
    if (known) return known;
    const context = await cardContextFor(services, locale);
    const view: AgendaView = {
      audience: 'member',
      notice: notice(context),
      ...(job.late ? { late: lateText(job, context) } : {}),
      now: job.now,
    };
    const message = { card: agendaCard(meeting, context, view), summary: view.notice?.text ?? '' };
    messages.set(locale, message);
    return message;
  };
  const audience = await services.meetings.audienceOf(meeting);
  const deliveries: Delivery[] = [];
  for (const channel of audience.channels) {
    deliveries.push({
      recipientKey: `channel:${channel.id}`,
      target: { conversationId: channel.id },
      message: await messageIn(CHANNEL_LOCALE),
    });
  }
  for (const person of audience.people) {
    if (!person.aadObjectId) {
      // Never wrote to the bot: Teams gives no way to reach them yet.
      services.logger.info(
        { jobId: job.job.id, person: person.id },
        'no 1:1 chat with this person yet',
      );
      continue;
    }
    const chat = await services.conversations.personalChatOf(person.aadObjectId);
    deliveries.push({
      recipientKey: `person:${person.id}`,
      target: { userAadObjectId: person.aadObjectId },
      message: await messageIn(localeFrom(chat?.locale)),
    });
  }
  await job.deliverMany(deliveries);
}
