import type { ActionSpec, CommandSpec } from '../app/router.js';
import type { MeetingUses } from './deps.js';
import type { ActionOutcome, ActionTurn, CommandTurn, Turn } from '../app/turn.js';
import type { Actor } from '../domain/directory.js';
import { Audience } from '../domain/roles.js';
import type { MessageKey } from '../i18n/catalog.js';
import { formatMoment } from '../i18n/dates.js';
import {
  agendaCard,
  cancelCard,
  describeRule,
  formCard,
  formValuesOf,
  listCard,
  when,
  type AgendaView,
  type FormValues,
} from './cards.js';
import { attendanceActions, attendanceCommands } from './attendance.js';
import { formValuesFrom, readDraft, readWhen, type ReadContext } from './form.js';
import { meetingYearChoice } from './year-choice.js';
import { cardContextFor } from './jobs.js';
import {
  DEFAULT_DISCLOSURE,
  materialsFromLines,
  parseReminderRules,
  ruleId,
  type Meeting,
} from './meeting.js';
import type { ChangeResult } from './meeting-service.js';

/** Who acts, as stored in a meeting's history. */
function by(actor: Actor): string {
  return actor.person?.id ?? actor.aadObjectId;
}

function audienceOf(actor: Actor): AgendaView['audience'] {
  if (actor.role === 'chair' || actor.role === 'secretariat') return 'staff';
  if (actor.role === 'member' || actor.role === 'delegate') return 'member';
  return 'everyone';
}

/** "#3 the rest" → { ref: '#3', rest: 'the rest' }. */
function splitReference(args: string): { ref: string; rest: string } {
  const [ref = '', ...rest] = args.split(' ');
  return { ref, rest: rest.join(' ').trim() };
}

/**
 * Text commands and card verbs for meetings. Reading: everyone in the
 * directory. Changing: the chair and the secretariat. Attendance: heads and delegates.
 */
export function meetingCommands(services: MeetingUses): CommandSpec[] {
  const { meetings } = services;

  const readContext = (turn: Turn): ReadContext => ({
    t: turn.t,
    locale: turn.locale,
    timeZone: services.config.timeZone,
    now: services.clock.now(),
  });

  const showAgenda = async (turn: Turn, meeting: Meeting, notice?: string) => {
    const context = await cardContextFor(services, turn.locale);
    await turn.reply({
      card: agendaCard(meeting, context, {
        audience: audienceOf(turn.actor),
        ...(notice ? { notice: { text: notice, tone: 'info' } } : {}),
        now: services.clock.now(),
      }),
      summary: meeting.title,
    });
  };

  /** Finds the meeting named by the first argument, or explains what is missing. */
  const withMeeting =
    (
      usage: MessageKey,
      act: (turn: CommandTurn, meeting: Meeting, rest: string) => Promise<void>,
    ) =>
    async (turn: CommandTurn): Promise<void> => {
      const { ref, rest } = splitReference(turn.args);
      if (!ref) return turn.reply(turn.t(usage));
      const meeting = await meetings.find(ref);
      if (!meeting) return turn.reply(turn.t('meeting.error.notFound', { ref }));
      return act(turn, meeting, rest);
    };

  const replyToChange = async (
    turn: Turn,
    result: ChangeResult,
    ref: string,
    success: (meeting: Meeting) => string,
  ) => {
    if (!result.ok) return turn.reply(failureText(turn, result.reason, ref));
    return showAgenda(turn, result.meeting, success(result.meeting));
  };

  return [
    {
      id: 'meeting.next',
      words: { ja: ['次の会議', '次回の会議', '次回会議'], en: ['next meeting'] },
      summary: 'meeting.cmd.next',
      allowed: Audience.directory,
      handle: async (turn) => {
        const meeting = await meetings.next();
        if (!meeting) return turn.reply(turn.t('meeting.none'));
        return showAgenda(turn, meeting);
      },
    },
    {
      id: 'meeting.list',
      words: { ja: ['会議一覧', '会議の一覧'], en: ['meetings', 'meeting list'] },
      summary: 'meeting.cmd.list',
      allowed: Audience.directory,
      handle: async (turn) => {
        const context = await cardContextFor(services, turn.locale);
        const card = listCard(
          { upcoming: await meetings.upcoming(), recent: await meetings.recent(5) },
          context,
        );
        await turn.reply({ card, summary: turn.t('meeting.list.title') });
      },
    },
    {
      id: 'meeting.show',
      words: { ja: ['会議'], en: ['meeting'] },
      summary: 'meeting.cmd.show',
      allowed: Audience.directory,
      handle: withMeeting('meeting.usage.ref', (turn, meeting) => showAgenda(turn, meeting)),
    },
    {
      id: 'meeting.create',
      words: { ja: ['会議作成', '会議登録'], en: ['new meeting', 'create meeting'] },
      summary: 'meeting.cmd.create',
      allowed: Audience.staff,
      handle: async (turn) => {
        const context = await cardContextFor(services, turn.locale);
        const departments = await invitedByDefault(services);
        if (!turn.args) {
          const values = newMeetingValues(departments);
          return turn.reply({
            card: formCard(context, { values }),
            summary: turn.t('meeting.form.newTitle'),
          });
        }
        const [title = '', whenText = '', place = ''] = turn.args.split(/\s*[|;]\s*/);
        if (!title || !whenText) return turn.reply(turn.t('meeting.usage.create'));
        const values = { ...newMeetingValues(departments), title, when: whenText, place };
        const read = readDraft(values, readContext(turn), context.departments);
        if (!read.ok) return turn.reply(read.error);
        const ask = meetingYearChoice(turn, services.config.timeZone, {
          values,
          meetingId: '',
          schedule: read.draft,
          justPassed: read.justPassed,
        });
        if (ask) return turn.reply({ card: ask, summary: title });
        const created = await meetings.create(read.draft, by(turn.actor));
        if (!created.ok) return turn.reply(turn.t(`meeting.error.${created.reason}`));
        return showAgenda(
          turn,
          created.meeting,
          turn.t('meeting.created', {
            number: created.meeting.number,
            title: created.meeting.title,
            when: when(created.meeting, context),
            count: created.reminders.planned.length,
          }),
        );
      },
    },
    {
      id: 'meeting.edit',
      words: { ja: ['会議編集'], en: ['edit meeting'] },
      summary: 'meeting.cmd.edit',
      allowed: Audience.staff,
      handle: withMeeting('meeting.usage.ref', async (turn, meeting) => {
        if (meeting.status === 'cancelled') return turn.reply(turn.t('meeting.error.cancelled'));
        const context = await cardContextFor(services, turn.locale);
        await turn.reply({
          card: formCard(context, {
            meeting,
            values: formValuesOf(meeting, services.config.timeZone),
          }),
          summary: meeting.title,
        });
      }),
    },
    {
      id: 'meeting.reschedule',
      words: { ja: ['会議変更', '日程変更'], en: ['reschedule', 'move meeting'] },
      summary: 'meeting.cmd.reschedule',
      allowed: Audience.staff,
      handle: withMeeting('meeting.usage.reschedule', async (turn, meeting, rest) => {
        if (!rest) return turn.reply(turn.t('meeting.usage.reschedule'));
        const read = readWhen(rest, readContext(turn), meeting);
        if (!read.ok) return turn.reply(read.error);
        const ask = meetingYearChoice(turn, services.config.timeZone, {
          values: { ...formValuesOf(meeting, services.config.timeZone), when: rest },
          meetingId: meeting.id,
          schedule: read.schedule,
          justPassed: read.justPassed,
        });
        if (ask) return turn.reply({ card: ask, summary: meeting.title });
        const result = await meetings.change(meeting.id, read.schedule, by(turn.actor));
        await replyToChange(turn, result, `#${meeting.number}`, (m) =>
          turn.t('meeting.rescheduled', {
            number: m.number,
            when: when(m, { locale: turn.locale, timeZone: services.config.timeZone }),
          }),
        );
      }),
    },
    {
      id: 'meeting.cancel',
      words: { ja: ['会議中止'], en: ['cancel meeting'] },
      summary: 'meeting.cmd.cancel',
      allowed: Audience.staff,
      handle: withMeeting('meeting.usage.cancel', async (turn, meeting, reason) => {
        const result = await meetings.cancel(meeting.id, reason, by(turn.actor));
        if (!result.ok) return turn.reply(failureText(turn, result.reason, `#${meeting.number}`));
        await turn.reply(
          turn.t('meeting.cancelDone', {
            number: meeting.number,
            count: result.reminders?.cancelled ?? 0,
          }),
        );
      }),
    },
    {
      id: 'meeting.addAgenda',
      words: { ja: ['議案追加'], en: ['add agenda'] },
      summary: 'meeting.cmd.addAgenda',
      allowed: Audience.staff,
      handle: withMeeting('meeting.usage.addAgenda', async (turn, meeting, title) => {
        if (!title) return turn.reply(turn.t('meeting.usage.addAgenda'));
        const item = { number: meeting.agenda.length + 1, title };
        const result = await meetings.change(
          meeting.id,
          { agenda: [...meeting.agenda, item] },
          by(turn.actor),
        );
        await replyToChange(turn, result, `#${meeting.number}`, (m) =>
          turn.t('meeting.agendaAdded', { number: m.number, item: item.number, title }),
        );
      }),
    },
    {
      id: 'meeting.addMaterial',
      words: { ja: ['資料追加', '資料登録'], en: ['add material'] },
      summary: 'meeting.cmd.addMaterial',
      allowed: Audience.staff,
      handle: withMeeting('meeting.usage.addMaterial', async (turn, meeting, line) => {
        const read = materialsFromLines(line);
        const material = read.ok ? read.materials[0] : undefined;
        if (!material) return turn.reply(turn.t('meeting.usage.addMaterial'));
        // The same id again replaces the entry (a corrected title or a new link).
        const materials = meeting.materials.some((m) => m.id === material.id)
          ? meeting.materials.map((m) => (m.id === material.id ? material : m))
          : [...meeting.materials, material];
        const result = await meetings.change(meeting.id, { materials }, by(turn.actor));
        await replyToChange(turn, result, `#${meeting.number}`, (m) =>
          turn.t('meeting.materialAdded', {
            number: m.number,
            id: material.id,
            title: material.title,
          }),
        );
      }),
    },
    {
      id: 'meeting.reminders',
      words: { ja: ['リマインダー', 'リマインド'], en: ['reminders'] },
      summary: 'meeting.cmd.reminders',
      allowed: Audience.staff,
      handle: withMeeting('meeting.usage.ref', async (turn, meeting, rulesText) => {
        let current = meeting;
        if (rulesText) {
          const rules = parseReminderRules(rulesText);
          if (!rules.ok)
            return turn.reply(turn.t('meeting.error.badReminder', { token: rules.token }));
          const result = await meetings.setReminders(meeting.id, rules.rules, by(turn.actor));
          if (!result.ok) return turn.reply(failureText(turn, result.reason, `#${meeting.number}`));
          current = result.meeting;
        }
        const pending = await meetings.pendingReminders(current.id);
        const lines = pending.map((p) => {
          const rule = current.reminders.find((r) => ruleId(r) === p.rule);
          return turn.t('meeting.reminderLine', {
            when: formatMoment(p.dueAt, turn.locale, services.config.timeZone),
            rule: rule ? describeRule(rule, turn.t) : p.rule,
          });
        });
        await turn.reply(
          [
            `**${turn.t('meeting.remindersTitle', { number: current.number })}**`,
            turn.t('meeting.remindersRules', {
              rules: current.reminders.map((r) => describeRule(r, turn.t)).join(', '),
            }),
            '',
            ...(lines.length > 0 ? lines : [turn.t('meeting.remindersNone')]),
          ].join('\n'),
        );
      }),
    },
    {
      id: 'meeting.announceHere',
      words: { ja: ['このチャネルに通知', 'ここに通知'], en: ['announce here'] },
      summary: 'meeting.cmd.announceHere',
      allowed: Audience.staff,
      handle: async (turn) => announceHere(services, turn, true),
    },
    {
      id: 'meeting.announceOff',
      words: { ja: ['このチャネルに通知しない', 'ここに通知しない'], en: ['stop announcing here'] },
      summary: 'meeting.cmd.announceOff',
      allowed: Audience.staff,
      handle: async (turn) => announceHere(services, turn, false),
    },
    ...attendanceCommands(services),
  ];
}

async function announceHere(services: MeetingUses, turn: Turn, announce: boolean): Promise<void> {
  const result = await services.committeeChannels.set(
    turn.conversation.id,
    announce,
    by(turn.actor),
  );
  if (result === 'personal') return turn.reply(turn.t('meeting.announce.personal'));
  if (result === 'unchanged') return turn.reply(turn.t('meeting.announce.unchanged'));
  return turn.reply(turn.t(announce ? 'meeting.announce.on' : 'meeting.announce.off'));
}

function failureText(
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
async function invitedByDefault(services: MeetingUses): Promise<string[]> {
  const ids: string[] = [];
  for (const department of await services.directory.listDepartments()) {
    if ((await services.directory.representativesOf(department.id)).length > 0)
      ids.push(department.id);
  }
  return ids;
}

function newMeetingValues(departments: readonly string[]): FormValues {
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

/** Card verbs: show, edit, save, cancel (with confirmation), and the attendance buttons. */
export function meetingActions(services: MeetingUses): ActionSpec[] {
  const { meetings } = services;

  const agendaFor = async (
    turn: Turn,
    meeting: Meeting,
    notice?: string,
  ): Promise<ActionOutcome> => {
    const context = await cardContextFor(services, turn.locale);
    return {
      card: agendaCard(meeting, context, {
        audience: audienceOf(turn.actor),
        ...(notice ? { notice: { text: notice, tone: 'info' } } : {}),
        now: services.clock.now(),
      }),
    };
  };

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
          {
            t: turn.t,
            locale: turn.locale,
            timeZone: services.config.timeZone,
            now: services.clock.now(),
          },
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
          return agendaFor(
            turn,
            created.meeting,
            turn.t('meeting.created', {
              number: created.meeting.number,
              title: created.meeting.title,
              when: when(created.meeting, context),
              count: created.reminders.planned.length,
            }),
          );
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
