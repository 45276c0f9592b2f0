import type { CommandSpec } from '../app/router.js';
import type { MeetingUses } from './deps.js';
import type { CommandTurn, Turn } from '../app/turn.js';
import { Audience } from '../domain/roles.js';
import type { MessageKey } from '../i18n/catalog.js';
import { formatMoment } from '../i18n/dates.js';
import { describeRule, formCard, formValuesOf, listCard, when } from './cards.js';
import { attendanceCommands } from './attendance.js';
import { readDraft, readWhen } from './form.js';
import { meetingYearChoice } from './year-choice.js';
import { cardContextFor } from './jobs.js';
import { materialsFromLines, parseReminderRules, ruleId, type Meeting } from './meeting.js';
import type { ChangeResult } from './meeting-service.js';
import {
  agendaOutcome,
  by,
  createdText,
  failureText,
  invitedByDefault,
  newMeetingValues,
  readContextOf,
  splitReference,
} from './command-kit.js';

/**
 * Text commands for meetings (the card verbs are in verbs.ts). Reading: everyone in the
 * directory. Changing: the chair and the secretariat. Attendance: heads and delegates.
 */
export function meetingCommands(services: MeetingUses): CommandSpec[] {
  const { meetings } = services;

  const readContext = (turn: Turn) => readContextOf(services, turn);

  const showAgenda = async (turn: Turn, meeting: Meeting, notice?: string) =>
    turn.reply({
      ...(await agendaOutcome(services, turn, meeting, notice)),
      summary: meeting.title,
    });

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
        return showAgenda(turn, created.meeting, createdText(turn, created, context));
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
              rules: current.reminders.map((r) => describeRule(r, turn.t)),
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
