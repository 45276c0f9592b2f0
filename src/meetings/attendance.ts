import type { MeetingUses } from './deps.js';
import type { ActionSpec, CommandSpec } from '../app/router.js';
import type { ActionOutcome, ActionTurn, CommandTurn, Turn } from '../app/turn.js';
import { renderCard, type Card } from '../cards/card.js';
import type { Department, Person } from '../domain/directory.js';
import { Audience } from '../domain/roles.js';
import { agendaCard, attendanceText } from './cards.js';
import { cardContextFor } from './jobs.js';
import type { Attendance, Meeting } from './meeting.js';

/** A typed delegate's name is a name, not a note. */
const DELEGATE_NAME_MAX = 60;

/** What a department answers: who comes for it. */
type Answer = Pick<Attendance, 'attendee' | 'delegateId' | 'delegateName'>;

type Answered =
  | { readonly ok: true; readonly meeting: Meeting; readonly notice: string }
  | { readonly ok: false; readonly message: string };

/** Records a department's answer for the person who gives it (a head or a delegate). */
async function answer(
  services: MeetingUses,
  turn: Turn,
  meeting: Meeting,
  given: Answer,
): Promise<Answered> {
  const department = turn.actor.department;
  if (!department) return { ok: false, message: turn.t('meeting.error.noDepartment') };
  if (meeting.status === 'cancelled')
    return { ok: false, message: turn.t('meeting.error.cancelled') };
  if (new Date(meeting.startsAt) <= services.clock.now())
    return { ok: false, message: turn.t('meeting.error.past') };
  const who = turn.actor.person?.id ?? turn.actor.aadObjectId;
  const { attendee, ...delegate } = given;
  const result = await services.meetings.recordAttendance(
    meeting.id,
    department.id,
    attendee,
    who,
    delegate,
  );
  if (!result.ok) {
    const message =
      result.reason === 'notInvited'
        ? turn.t('meeting.error.notInvited', { department: department.name[turn.locale] })
        : result.reason === 'notFound'
          ? turn.t('meeting.error.notFound', { ref: `#${meeting.number}` })
          : turn.t(`meeting.error.${result.reason}`);
    return { ok: false, message };
  }
  const context = await cardContextFor(services, turn.locale);
  const stored = result.meeting.attendance.find((a) => a.departmentId === department.id);
  const notice = stored
    ? turn.t('meeting.attendanceRecorded', {
        department: department.name[turn.locale],
        status: attendanceText(stored, context),
      })
    : '';
  return { ok: true, meeting: result.meeting, notice };
}

/** "I will attend": a head attends; a delegate who says it attends for the department. */
function selfAnswer(turn: Turn): Answer {
  const person = turn.actor.person;
  return turn.actor.role === 'delegate' && person
    ? { attendee: 'delegate', delegateId: person.id }
    : { attendee: 'head' };
}

async function agenda(services: MeetingUses, turn: Turn, meeting: Meeting, notice: string) {
  const context = await cardContextFor(services, turn.locale);
  return agendaCard(meeting, context, {
    audience: 'member',
    ...(notice ? { notice: { text: notice, tone: 'info' } } : {}),
    now: services.clock.now(),
  });
}

/** The department's delegates in the directory, for the picker. */
async function delegatesOf(services: MeetingUses, department: Department): Promise<Person[]> {
  return (await services.directory.representativesOf(department.id)).filter(
    (p) => p.role === 'delegate',
  );
}

/**
 * A delegate named in words: one of the department's delegates (by name in
 * either language or sign-in name), else the name as typed.
 */
function delegateNamed(name: string, delegates: readonly Person[]): Answer {
  const wanted = name
    .normalize('NFKC')
    .trim()
    .replace(/(さん|様|殿)$/, '');
  const lower = wanted.toLowerCase();
  const known = delegates.find(
    (p) =>
      p.name.ja === wanted ||
      p.name.en.toLowerCase() === lower ||
      p.upn === lower ||
      p.id === lower,
  );
  return known
    ? { attendee: 'delegate', delegateId: known.id }
    : { attendee: 'delegate', delegateName: wanted };
}

/** Who attends as delegate: the department's delegates as buttons, or a name typed in. */
async function delegateCard(services: MeetingUses, turn: Turn, meeting: Meeting): Promise<Card> {
  const department = turn.actor.department;
  const delegates = department ? await delegatesOf(services, department) : [];
  return renderCard('meeting-delegate', {
    meetingId: meeting.id,
    question: turn.t('meeting.delegate.question', {
      number: meeting.number,
      title: meeting.title,
      department: department?.name[turn.locale] ?? '',
    }),
    delegates: delegates.map((p) => ({ title: p.name[turn.locale], delegateId: p.id })),
    nameLabel: turn.t('meeting.delegate.nameLabel'),
    nameMax: DELEGATE_NAME_MAX,
    saveLabel: turn.t('meeting.delegate.save'),
    backLabel: turn.t('meeting.button.back'),
  });
}

/** The meeting a command names (#3, 第3回, 3) at the start of its words, else the next one. */
async function meetingNamed(
  services: MeetingUses,
  args: string,
): Promise<{ meeting: Meeting | undefined; ref: string; rest: string }> {
  const found = /^(?:#\s*|第\s*)?(\d{1,4})\s*回?(?:の)?(?:\s+|$)/.exec(args);
  if (!found) return { meeting: await services.meetings.next(), ref: '', rest: args.trim() };
  const ref = `#${found[1]}`;
  return {
    meeting: await services.meetings.find(ref),
    ref,
    rest: args.slice(found[0].length).trim(),
  };
}

/**
 * 出席 / 欠席 / 代理 in words, for the department of the head or delegate who
 * writes: an optional meeting (#3, 第3回; default the next meeting), then for
 * 代理 the delegate's name (without one, the picker card).
 */
export function attendanceCommands(services: MeetingUses): CommandSpec[] {
  const respond =
    (
      decide: (
        turn: CommandTurn,
        meeting: Meeting,
        rest: string,
      ) => Promise<Answer | { card: Card } | { message: string }>,
    ) =>
    async (turn: CommandTurn): Promise<void> => {
      // The pattern (代理は…が出ます) names its parts; a command word leaves the rest in args.
      const said = turn.groups['name'];
      const named = await meetingNamed(
        services,
        said === undefined ? turn.args : (turn.groups['ref'] ?? ''),
      );
      const rest = said ?? named.rest;
      if (!named.meeting)
        return turn.reply(
          named.ref ? turn.t('meeting.error.notFound', { ref: named.ref }) : turn.t('meeting.none'),
        );
      const decided = await decide(turn, named.meeting, rest);
      if ('card' in decided)
        return turn.reply({ card: decided.card, summary: named.meeting.title });
      if ('message' in decided) return turn.reply(decided.message);
      const result = await answer(services, turn, named.meeting, decided);
      if (!result.ok) return turn.reply(result.message);
      return turn.reply({
        card: await agenda(services, turn, result.meeting, result.notice),
        summary: result.notice,
      });
    };

  return [
    {
      id: 'meeting.attend',
      words: {
        ja: ['出席', '出席します', '出席する', '出ます'],
        en: ['attend', 'i will attend', "i'll attend", 'attending'],
      },
      summary: 'meeting.cmd.attend',
      allowed: Audience.departments,
      handle: respond(async (turn) => selfAnswer(turn)),
    },
    {
      id: 'meeting.absent',
      words: {
        ja: ['欠席', '欠席します', '欠席する', '出られません'],
        en: ['absent', 'not attending', "can't attend", 'cannot attend', 'i cannot attend'],
      },
      summary: 'meeting.cmd.absent',
      allowed: Audience.departments,
      handle: respond(async () => ({ attendee: 'absent' })),
    },
    {
      id: 'meeting.delegate',
      words: {
        ja: ['代理', '代理出席', '代理出席します', '代理で出席', '代理で出席します'],
        en: ['delegate', 'delegate attends', 'a delegate will attend'],
      },
      // 代理は文化デザイン課長が出ます, #3 の代理は文化デザイン課長
      patterns: [
        /^(?<ref>(?:#|第)\s*\d{1,4}\s*回?)?\s*(?:の)?代理(?:出席)?(?:は|で|として|:|：)\s*(?<name>(?!出席|出ます).+?)(?:さん|様)?(?:が|に)?(?:出ます|出席します|出席|行きます|お願いします)?[。.!！]?$/,
      ],
      summary: 'meeting.cmd.delegate',
      allowed: Audience.departments,
      handle: respond(async (turn, meeting, name) => {
        const department = turn.actor.department;
        if (!department) return { message: turn.t('meeting.error.noDepartment') };
        // A delegate saying 代理で出席します attends themself; a head is asked who.
        if (!name && turn.actor.role === 'delegate') return selfAnswer(turn);
        if (!name) return { card: await delegateCard(services, turn, meeting) };
        if (name.length > DELEGATE_NAME_MAX)
          return { message: turn.t('meeting.delegate.nameTooLong', { max: DELEGATE_NAME_MAX }) };
        return delegateNamed(name, await delegatesOf(services, department));
      }),
    },
  ];
}

/** The agenda card's attendance buttons: attend, absent, and the delegate picker. */
export function attendanceActions(services: MeetingUses): ActionSpec[] {
  const meetingOf = async (turn: ActionTurn): Promise<Meeting | undefined> => {
    const id = turn.data['meetingId'];
    return typeof id === 'string' && id ? services.meetings.get(id) : undefined;
  };
  const text = (turn: ActionTurn, key: string): string => {
    const value = turn.data[key];
    return typeof value === 'string' ? value.trim() : '';
  };
  const record =
    (decide: (turn: ActionTurn) => Promise<Answer | { message: string }>) =>
    async (turn: ActionTurn): Promise<ActionOutcome> => {
      const meeting = await meetingOf(turn);
      if (!meeting) return { message: turn.t('meeting.error.notFound', { ref: '' }) };
      const decided = await decide(turn);
      if ('message' in decided) return decided;
      const result = await answer(services, turn, meeting, decided);
      if (!result.ok) return { message: result.message };
      return { card: await agenda(services, turn, result.meeting, result.notice) };
    };

  return [
    {
      verb: 'meeting.attend',
      allowed: Audience.departments,
      // Cards sent before the picker existed still say attendee: 'delegate' (no name).
      handle: record(async (turn) =>
        turn.data['attendee'] === 'delegate' ? { attendee: 'delegate' } : selfAnswer(turn),
      ),
    },
    {
      verb: 'meeting.absent',
      allowed: Audience.departments,
      handle: record(async () => ({ attendee: 'absent' })),
    },
    {
      verb: 'meeting.delegateAsk',
      allowed: Audience.departments,
      handle: async (turn) => {
        const meeting = await meetingOf(turn);
        if (!meeting) return { message: turn.t('meeting.error.notFound', { ref: '' }) };
        return { card: await delegateCard(services, turn, meeting) };
      },
    },
    {
      verb: 'meeting.delegate',
      allowed: Audience.departments,
      handle: record(async (turn) => {
        const department = turn.actor.department;
        if (!department) return { message: turn.t('meeting.error.noDepartment') };
        const delegates = await delegatesOf(services, department);
        const picked = delegates.find((p) => p.id === text(turn, 'delegateId'));
        if (picked) return { attendee: 'delegate', delegateId: picked.id };
        const name = text(turn, 'delegateName');
        if (!name) return { message: turn.t('meeting.delegate.nameMissing') };
        if (name.length > DELEGATE_NAME_MAX)
          return { message: turn.t('meeting.delegate.nameTooLong', { max: DELEGATE_NAME_MAX }) };
        return delegateNamed(name, delegates);
      }),
    },
  ];
}
