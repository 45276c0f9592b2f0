import type { ActionSpec } from '../app/router.js';
import type { MeetingUses } from './deps.js';
import type { ActionOutcome, ActionTurn, Turn } from '../app/turn.js';
import { Audience } from '../domain/roles.js';
import { cancelCard, formCard, formValuesOf, when } from './cards.js';
import { attendanceActions } from './attendance.js';
import { formValuesFrom, readDraft } from './form.js';
import { meetingYearChoice } from './year-choice.js';
import { cardContextFor } from './jobs.js';
import type { Meeting } from './meeting.js';
import { agendaOutcome, by, createdText, failureText, readContextOf } from './command-kit.js';

/** Card verbs: show, edit, save, cancel (with confirmation), and the attendance buttons. */
export function meetingActions(services: MeetingUses): ActionSpec[] {
  const { meetings } = services;

  const agendaFor = (turn: Turn, meeting: Meeting, notice?: string): Promise<ActionOutcome> =>
    agendaOutcome(services, turn, meeting, notice);

  const meetingOf = async (turn: ActionTurn): Promise<Meeting | undefined> => {
    const id = turn.data['meetingId'];
    return typeof id === 'string' && id ? meetings.get(id) : undefined;
  };

  const notFound = (turn: Turn): ActionOutcome => ({
    message: turn.t('meeting.error.notFound', { ref: '' }),
  });

  return [
    ...attendanceActions(services),
    {
      verb: 'meeting.show',
      allowed: Audience.directory,
      handle: async (turn) => {
        const meeting = await meetingOf(turn);
        return meeting ? agendaFor(turn, meeting) : notFound(turn);
      },
    },
    {
      verb: 'meeting.edit',
      allowed: Audience.staff,
      handle: async (turn) => {
        const meeting = await meetingOf(turn);
        if (!meeting) return notFound(turn);
        if (meeting.status === 'cancelled') return { message: turn.t('meeting.error.cancelled') };
        const context = await cardContextFor(services, turn.locale);
        return {
          card: formCard(context, {
            meeting,
            values: formValuesOf(meeting, services.config.timeZone),
          }),
        };
      },
    },
    {
      verb: 'meeting.save',
      allowed: Audience.staff,
      handle: async (turn) => {
        const existing = await meetingOf(turn);
        const context = await cardContextFor(services, turn.locale);
        const values = formValuesFrom(turn.data);
        const again = (error: string): ActionOutcome => ({
          card: formCard(context, { ...(existing ? { meeting: existing } : {}), values, error }),
        });
        const read = readDraft(
          values,
          readContextOf(services, turn),
          context.departments,
          existing,
        );
        if (!read.ok) return again(read.error);
        const ask = meetingYearChoice(turn, services.config.timeZone, {
          values,
          meetingId: existing?.id ?? '',
          schedule: read.draft,
          justPassed: read.justPassed,
        });
        if (ask) return { card: ask };
        if (!existing) {
          const created = await meetings.create(read.draft, by(turn.actor));
          if (!created.ok) return again(turn.t(`meeting.error.${created.reason}`));
          return agendaFor(turn, created.meeting, createdText(turn, created, context));
        }
        const result = await meetings.change(existing.id, read.draft, by(turn.actor));
        if (!result.ok) {
          if (result.reason === 'unchanged')
            return agendaFor(turn, existing, turn.t('meeting.error.unchanged'));
          return again(failureText(turn, result.reason, `#${existing.number}`));
        }
        const notice =
          result.rescheduled || result.reminders
            ? turn.t('meeting.rescheduled', {
                number: result.meeting.number,
                when: when(result.meeting, context),
              })
            : turn.t('meeting.saved', { number: result.meeting.number });
        return agendaFor(turn, result.meeting, notice);
      },
    },
    {
      verb: 'meeting.cancelAsk',
      allowed: Audience.staff,
      handle: async (turn) => {
        const meeting = await meetingOf(turn);
        if (!meeting) return notFound(turn);
        if (meeting.status === 'cancelled') return agendaFor(turn, meeting);
        return { card: cancelCard(meeting, await cardContextFor(services, turn.locale)) };
      },
    },
    {
      verb: 'meeting.cancel',
      allowed: Audience.staff,
      handle: async (turn) => {
        const meeting = await meetingOf(turn);
        if (!meeting) return notFound(turn);
        const reason = typeof turn.data['reason'] === 'string' ? turn.data['reason'].trim() : '';
        const result = await meetings.cancel(meeting.id, reason, by(turn.actor));
        if (!result.ok) return { message: failureText(turn, result.reason, `#${meeting.number}`) };
        return agendaFor(
          turn,
          result.meeting,
          turn.t('meeting.cancelDone', {
            number: meeting.number,
            count: result.reminders?.cancelled ?? 0,
          }),
        );
      },
    },
  ];
}
