import type { IntentSpec, IntentTurn } from '../app/intent.js';
import type { Routes } from '../app/router.js';
import type { MeetingUses } from './deps.js';
import { Audience } from '../domain/roles.js';
import { commandIntent, ref, showIntent } from '../understanding/reuse.js';
import { when } from './cards.js';
import type { Meeting } from './meeting.js';

/**
 * What people ask about meetings in their own words. Each answers about the
 * meeting named (第3回), the one just shown, or else the next one.
 */
export function meetingIntents(services: MeetingUses, router: Routes): IntentSpec[] {
  const meetingOf = async (turn: IntentTurn): Promise<Meeting | undefined> => {
    const n = turn.slots.meetingNumber;
    const meeting =
      n === undefined ? await services.meetings.next() : await services.meetings.find(`#${n}`);
    if (!meeting)
      await turn.reply(
        n === undefined
          ? turn.t('meeting.none')
          : turn.t('understanding.meeting.notFound', { number: n }),
      );
    return meeting;
  };
  const heading = (turn: IntentTurn, meeting: Meeting) => ({
    title: meeting.title,
    when: when(meeting, { locale: turn.locale, timeZone: services.config.timeZone }),
  });
  const lines = (values: readonly string[]) => values.map((v) => `- ${v}`).join('\n');
  /** An answer about the meeting meant, told in one message. */
  const aboutMeeting = (
    id: 'meetings.place' | 'meetings.agenda' | 'meetings.materials',
    answer: (turn: IntentTurn, meeting: Meeting) => string,
  ): IntentSpec => ({
    id,
    followsUp: 'meeting',
    allowed: Audience.directory,
    label: `intent.${id}`,
    handle: async (turn) => {
      const meeting = await meetingOf(turn);
      if (meeting) await turn.reply(answer(turn, meeting));
    },
  });
  /**
   * Attendance in words runs the attendance commands (出席 / 欠席 / 代理). It does
   * not follow up: it is for the next meeting or one named, never a past meeting
   * just looked at.
   */
  const attendance = (
    id: 'meetings.attend' | 'meetings.absent' | 'meetings.delegate',
    commandId: string,
  ): IntentSpec =>
    commandIntent(router, id, commandId, Audience.departments, {
      args: (turn) =>
        [ref(turn.slots.meetingNumber), turn.slots.person ?? ''].filter(Boolean).join(' '),
    });

  return [
    showIntent(router, 'meetings.next', 'meeting', {
      show: 'meeting.show',
      otherwise: 'meeting.next',
    }),
    aboutMeeting('meetings.place', (turn, meeting) =>
      turn.t('understanding.meeting.place', { ...heading(turn, meeting), place: meeting.place }),
    ),
    aboutMeeting('meetings.agenda', (turn, meeting) =>
      meeting.agenda.length === 0
        ? turn.t('understanding.meeting.noAgenda', heading(turn, meeting))
        : turn.t('understanding.meeting.agenda', {
            ...heading(turn, meeting),
            list: lines(meeting.agenda.map((a) => `(${a.number}) ${a.title}`)),
          }),
    ),
    aboutMeeting('meetings.materials', (turn, meeting) =>
      meeting.materials.length === 0
        ? turn.t('understanding.meeting.noMaterials', heading(turn, meeting))
        : turn.t('understanding.meeting.materials', {
            ...heading(turn, meeting),
            list: lines(meeting.materials.map((m) => (m.url ? `[${m.title}](${m.url})` : m.title))),
          }),
    ),
    attendance('meetings.attend', 'meeting.attend'),
    attendance('meetings.absent', 'meeting.absent'),
    attendance('meetings.delegate', 'meeting.delegate'),
    commandIntent(router, 'meetings.list', 'meeting.list', Audience.directory),
  ];
}
