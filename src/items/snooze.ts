import type { WorkCalendar } from '../scheduling/calendar.js';

export interface SnoozePlan {
  /** Days from today, the unit the item service snoozes by. */
  readonly days: number;
  /** The day asked for, when it was a weekend or holiday and the snooze moved past it. */
  readonly movedFrom?: Date;
}

/**
 * The days to snooze so that the item comes back on a business day: a snooze
 * that lands on a weekend or holiday runs to the next business day (and says so).
 */
export function planSnooze(calendar: WorkCalendar, now: Date, days: number): SnoozePlan {
  // A bad number (NaN, 0) is left for the item service to refuse.
  if (!Number.isInteger(days) || days < 1) return { days };
  const today = calendar.local(now).startOf('day');
  const wanted = today.plus({ days });
  const business = calendar.local(calendar.onOrAfterBusinessDay(wanted.toJSDate())).startOf('day');
  const moved = Math.round(business.diff(today, 'days').days);
  return moved > days ? { days: moved, movedFrom: wanted.toJSDate() } : { days };
}
