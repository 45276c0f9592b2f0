import type { MeetingUses } from './deps.js';
import type { Turn } from '../app/turn.js';
import type { Card } from '../cards/card.js';
import type { Actor } from '../domain/directory.js';
import { isStaffRole, representsDepartment } from '../domain/roles.js';
import { agendaCard, when, type AgendaView, type FormValues, type CardContext } from './cards.js';
import type { ReadContext } from './form.js';
import { cardContextFor } from './jobs.js';
import { DEFAULT_DISCLOSURE, type Meeting } from './meeting.js';
import type { ChangeResult } from './meeting-service.js';

/** What the meeting commands and card verbs share: who acts, the agenda reply, the failures. */

/** Who acts, as stored in a meeting's history. */
export function by(actor: Actor): string {
  return actor.person?.id ?? actor.aadObjectId;
}

function audienceOf(actor: Actor): AgendaView['audience'] {
  if (isStaffRole(actor.role)) return 'staff';
  if (representsDepartment(actor.role)) return 'member';
  return 'everyone';
}

/** "#3 the rest" → { ref: '#3', rest: 'the rest' }. */
export function splitReference(args: string): { ref: string; rest: string } {
  const [ref = '', ...rest] = args.split(' ');
  return { ref, rest: rest.join(' ').trim() };
}

/** How typed dates and times are read for this turn. */
export function readContextOf(services: MeetingUses, turn: Turn): ReadContext {
  return {
    t: turn.t,
    locale: turn.locale,
    timeZone: services.config.timeZone,
    now: services.clock.now(),
  };
}

/** The meeting's agenda card as this actor may see it, with an optional notice on top. */
export async function agendaOutcome(
  services: MeetingUses,
  turn: Turn,
  meeting: Meeting,
  notice?: string,
): Promise<{ card: Card }> {
  const context = await cardContextFor(services, turn.locale);
  return {
    card: agendaCard(meeting, context, {
      audience: audienceOf(turn.actor),
      ...(notice ? { notice: { text: notice, tone: 'info' } } : {}),
      now: services.clock.now(),
    }),
  };
}

/** "Meeting #3 … created; N reminders planned." */
export function createdText(
  turn: Turn,
  created: {
    readonly meeting: Meeting;
    readonly reminders: { readonly planned: readonly unknown[] };
  },
  context: CardContext,
): string {
  return turn.t('meeting.created', {
    number: created.meeting.number,
    title: created.meeting.title,
    when: when(created.meeting, context),
    count: created.reminders.planned.length,
  });
}

export function failureText(
  turn: Turn,
  reason: Exclude<ChangeResult, { ok: true }>['reason'] | 'notInvited',
  ref: string,
): string {
  switch (reason) {
    case 'notFound':
      return turn.t('meeting.error.notFound', { ref });
    case 'notInvited':
      return turn.t('meeting.error.notInvited', {
        department: turn.actor.department?.name[turn.locale] ?? '',
      });
    default:
      return turn.t(`meeting.error.${reason}`);
  }
}

/** Departments that have someone to notify: a head or a delegate. */
export async function invitedByDefault(services: MeetingUses): Promise<string[]> {
  const ids: string[] = [];
  for (const department of await services.directory.listDepartments()) {
    if ((await services.directory.representativesOf(department.id)).length > 0)
      ids.push(department.id);
  }
  return ids;
}

export function newMeetingValues(departments: readonly string[]): FormValues {
  return {
    title: '',
    when: '',
    place: '',
    agenda: '',
    materials: '',
    departments: departments.join(','),
    meetingLevel: DEFAULT_DISCLOSURE.meeting.level,
    meetingReason: DEFAULT_DISCLOSURE.meeting.reason ?? '',
    minutesLevel: DEFAULT_DISCLOSURE.minutes.level,
    minutesReason: DEFAULT_DISCLOSURE.minutes.reason ?? '',
  };
}
