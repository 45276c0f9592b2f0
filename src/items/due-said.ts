import type { ItemUses } from './deps.js';
import type { Turn } from '../app/turn.js';
import { renderCard, type Card } from '../cards/card.js';
import { formatSpokenDay } from '../i18n/dates.js';
import type { DueRead, FormValues } from './form.js';

type DueReadOk = Extract<DueRead, { ok: true }>;

/** YYYY-MM-DD as the reader says it, with its weekday: 12月11日（金）, Fri 11 Dec. */
function spoken(services: ItemUses, turn: Turn, isoDay: string): string {
  const { timeZone } = services.config;
  const noon = new Date(`${isoDay}T12:00:00Z`);
  return formatSpokenDay(noon, turn.locale, timeZone, services.clock.now());
}

/**
 * The due read back in a confirmation, so a misread day shows at once, and why
 * it moved when it fell on a weekend or holiday; '' for a due that is not a day.
 */
export function dueSaid(services: ItemUses, turn: Turn, read: DueReadOk): string {
  if (read.due.kind !== 'date') return '';
  const date = spoken(services, turn, read.due.date);
  return read.movedFrom
    ? turn.t('item.due.moved', { written: spoken(services, turn, read.movedFrom), date })
    : turn.t('item.due.said', { date });
}

/** The day that passed and the next one, both as YYYY-MM-DD. */
function yearsOf(read: DueReadOk): { past: string; next: string } | undefined {
  if (!read.justPassed || read.due.kind !== 'date') return undefined;
  // The choice re-reads the day as written, so next year's weekend moves again then.
  const next = `${Number(read.justPassed.slice(0, 4)) + 1}${read.justPassed.slice(4)}`;
  return { past: read.justPassed, next };
}

/**
 * A day without a year that passed in the last few months: that one, or the next? Each button
 * carries the whole form with the due written in full, so the choice saves it
 * through the ordinary form verb and nothing is stored before.
 */
export function yearChoiceCard(
  services: ItemUses,
  turn: Turn,
  input: { values: FormValues; itemId: string; read: DueReadOk },
): Card | undefined {
  const years = yearsOf(input.read);
  if (!years) return undefined;
  const choice = (key: 'item.due.past' | 'item.due.next', due: string) => ({
    title: turn.t(key, { date: spoken(services, turn, due) }),
    values: { ...input.values, itemId: input.itemId, due },
  });
  return renderCard('year-choice', {
    question: turn.t('item.due.which', {
      input: input.values.due,
      past: spoken(services, turn, years.past),
      next: spoken(services, turn, years.next),
    }),
    verb: 'item.save',
    choices: [choice('item.due.past', years.past), choice('item.due.next', years.next)],
  });
}

/** For the several-at-once card, which has no room for a question: ask for the year instead. */
export function yearProblem(
  services: ItemUses,
  turn: Turn,
  input: string,
  read: DueReadOk,
): string {
  const years = yearsOf(read);
  if (!years) return '';
  return turn.t('item.due.writeYear', {
    input,
    past: spoken(services, turn, years.past),
    pastDay: years.past,
    nextDay: years.next,
  });
}
