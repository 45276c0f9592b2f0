import type { Turn } from '../app/turn.js';
import { renderCard, type Card } from '../cards/card.js';
import { formatTimeRange } from '../i18n/dates.js';
import { editableWhen, type FormValues } from './cards.js';
import type { Schedule } from './meeting.js';

/**
 * A meeting day written without a year that passed in the last few months:
 * that one, or the next? Each button carries the whole form with the time written in
 * full, so the choice saves through the ordinary form verb and nothing is
 * stored before.
 */
export function meetingYearChoice(
  turn: Turn,
  timeZone: string,
  input: {
    values: FormValues;
    meetingId: string;
    schedule: Schedule;
    justPassed: Schedule | undefined;
  },
): Card | undefined {
  const { justPassed, schedule } = input;
  if (!justPassed) return undefined;
  const said = (s: Schedule) =>
    formatTimeRange(new Date(s.startsAt), new Date(s.endsAt), turn.locale, timeZone);
  const choice = (key: 'meeting.when.past' | 'meeting.when.next', s: Schedule) => ({
    title: turn.t(key, { when: said(s) }),
    values: { ...input.values, meetingId: input.meetingId, when: editableWhen(s, timeZone) },
  });
  return renderCard('year-choice', {
    question: turn.t('meeting.when.which', {
      input: input.values.when,
      past: said(justPassed),
      next: said(schedule),
    }),
    verb: 'meeting.save',
    choices: [choice('meeting.when.past', justPassed), choice('meeting.when.next', schedule)],
  });
}
