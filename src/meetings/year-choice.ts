import type { Turn } from '../app/turn.js';
import { renderCard, type Card } from '../cards/card.js';
import { formatTimeRange } from '../i18n/dates.js';
import { editableWhen, type FormValues } from './cards.js';
import type { Schedule } from './meeting.js';

/**
 * A meeting day written without a year that has just passed this year: which
 * year was meant? Each button carries the whole form with the time written in
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
    passedThisYear: Schedule | undefined;
  },
): Card | undefined {
  const { passedThisYear, schedule } = input;
  if (!passedThisYear) return undefined;
  const said = (s: Schedule) =>
    formatTimeRange(new Date(s.startsAt), new Date(s.endsAt), turn.locale, timeZone);
  const choice = (key: 'meeting.when.thisYear' | 'meeting.when.nextYear', s: Schedule) => ({
    title: turn.t(key, { when: said(s) }),
    values: { ...input.values, meetingId: input.meetingId, when: editableWhen(s, timeZone) },
  });
  return renderCard('year-choice', {
    question: turn.t('meeting.when.which', {
      input: input.values.when,
      past: said(passedThisYear),
      next: said(schedule),
    }),
    verb: 'meeting.save',
    choices: [
      choice('meeting.when.thisYear', passedThisYear),
      choice('meeting.when.nextYear', schedule),
    ],
  });
}
