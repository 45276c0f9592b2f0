import holidayJp from '@holiday-jp/holiday_jp';
import { DateTime } from 'luxon';

/** A daily window in local time during which people are not pinged, e.g. 20:00–08:00. */
export interface QuietHours {
  readonly start: { readonly hour: number; readonly minute: number };
  readonly end: { readonly hour: number; readonly minute: number };
}

/** Parses "20:00-08:00"; returns undefined for anything else. "off" disables quiet hours. */
export function parseQuietHours(text: string): QuietHours | null | undefined {
  if (text.trim().toLowerCase() === 'off') return null;
  const found = /^(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!found) return undefined;
  const [sh, sm, eh, em] = found.slice(1).map(Number) as [number, number, number, number];
  if (sh > 23 || eh > 23 || sm > 59 || em > 59) return undefined;
  return { start: { hour: sh, minute: sm }, end: { hour: eh, minute: em } };
}

/** True when this local time of day falls inside the quiet hours. */
export function isQuietTime(quietHours: QuietHours | null, hour: number, minute: number): boolean {
  if (!quietHours) return false;
  const minutes = hour * 60 + minute;
  const start = quietHours.start.hour * 60 + quietHours.start.minute;
  const end = quietHours.end.hour * 60 + quietHours.end.minute;
  if (start === end) return false;
  return start < end ? minutes >= start && minutes < end : minutes >= start || minutes < end;
}

/** The local date (YYYY-MM-DD) of an instant in a zone: "today" in the committee's zone. */
export function localDate(instant: Date, timeZone: string): string {
  return DateTime.fromJSDate(instant, { zone: timeZone }).toISODate() ?? '';
}

/**
 * The one business-day walk, for instants and for local date strings alike:
 * `count` business days in `direction`, or (0) to the nearest business day
 * at or beyond `start`.
 */
function stepBusinessDays<Day>(
  start: Day,
  direction: 1 | -1,
  count: number,
  next: (day: Day, by: number) => Day,
  isBusinessDay: (day: Day) => boolean,
): Day {
  let day = start;
  if (count === 0) {
    while (!isBusinessDay(day)) day = next(day, direction);
    return day;
  }
  for (let left = count; left > 0;) {
    day = next(day, direction);
    if (isBusinessDay(day)) left--;
  }
  return day;
}

/**
 * Working calendar of the committee: its time zone, Japanese public holidays
 * (table of @holiday-jp/holiday_jp, looked up by local date string so the
 * process time zone never matters), weekends, and quiet hours.
 */
export class WorkCalendar {
  constructor(
    readonly timeZone: string,
    readonly quietHours: QuietHours | null,
  ) {}

  local(date: Date): DateTime {
    return DateTime.fromJSDate(date, { zone: this.timeZone });
  }

  /** The local date (YYYY-MM-DD) of an instant: "today" in the committee's zone. */
  localDate(instant: Date): string {
    return localDate(instant, this.timeZone);
  }

  /** Answers by local date, which never change: planning asks about the same few days often. */
  private readonly businessDates = new Map<string, boolean>();

  isHoliday(date: Date): boolean {
    return holidayJp.isHoliday(this.localDate(date));
  }

  isBusinessDay(date: Date): boolean {
    return this.isBusinessDate(this.localDate(date));
  }

  /** Whether a local date (YYYY-MM-DD) is a weekday and no public holiday. */
  isBusinessDate(date: string): boolean {
    let known = this.businessDates.get(date);
    if (known === undefined) {
      const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
      known = weekday >= 1 && weekday <= 5 && !holidayJp.isHoliday(date);
      this.businessDates.set(date, known);
    }
    return known;
  }

  /** The same local time on the nearest business day at or before `date`. */
  onOrBeforeBusinessDay(date: Date): Date {
    return this.stepLocal(date, -1, 0);
  }

  /** The same local time on the nearest business day at or after `date`. */
  onOrAfterBusinessDay(date: Date): Date {
    return this.stepLocal(date, 1, 0);
  }

  /** `days` business days before `date`, keeping the local time of day. */
  businessDaysBefore(date: Date, days: number): Date {
    return this.stepLocal(date, -1, days);
  }

  /** `days` business days after `date`, keeping the local time of day. */
  businessDaysAfter(date: Date, days: number): Date {
    return this.stepLocal(date, 1, days);
  }

  private stepLocal(date: Date, direction: 1 | -1, count: number): Date {
    return stepBusinessDays(
      this.local(date),
      direction,
      count,
      (day, by) => day.plus({ days: by }),
      (day) => this.isBusinessDay(day.toJSDate()),
    ).toJSDate();
  }

  /** `date` at the given local wall-clock time (same local day). */
  atLocalTime(date: Date, hour: number, minute = 0): Date {
    return this.local(date).set({ hour, minute, second: 0, millisecond: 0 }).toJSDate();
  }

  isQuiet(date: Date): boolean {
    const local = this.local(date);
    return isQuietTime(this.quietHours, local.hour, local.minute);
  }

  /** The first moment at or after `date` outside quiet hours. */
  endOfQuiet(date: Date): Date {
    if (!this.quietHours || !this.isQuiet(date)) return date;
    const { hour, minute } = this.quietHours.end;
    let local = this.local(date).set({ hour, minute, second: 0, millisecond: 0 });
    if (local.toJSDate() <= date) local = local.plus({ days: 1 });
    return local.toJSDate();
  }
}

/**
 * Business-day arithmetic on local dates (YYYY-MM-DD), remembered: one run asks
 * the same few questions for thousands of items.
 */
export class BusinessDays {
  private readonly counts = new Map<string, number>();

  constructor(private readonly calendar: WorkCalendar) {}

  isBusinessDay(date: string): boolean {
    return this.calendar.isBusinessDate(date);
  }

  /** `date` at this local time, as an instant. */
  instant(date: string, hour: number, minute: number): Date {
    return DateTime.fromISO(date, { zone: this.calendar.timeZone })
      .set({ hour, minute, second: 0, millisecond: 0 })
      .toJSDate();
  }

  /** The local date of an instant. */
  dateOf(instant: Date): string {
    return this.calendar.localDate(instant);
  }

  plusDays(date: string, days: number): string {
    // Calendar arithmetic on the date alone (no zone, no time of day): plain UTC dates do it.
    const day = new Date(`${date}T00:00:00Z`);
    if (Number.isNaN(day.getTime())) return date;
    day.setUTCDate(day.getUTCDate() + days);
    return day.toISOString().slice(0, 10);
  }

  onOrAfter(date: string): string {
    return this.step(date, 1, 0);
  }

  /** The business day `count` business days before `date`. */
  before(date: string, count: number): string {
    return this.step(date, -1, count);
  }

  private step(date: string, direction: 1 | -1, count: number): string {
    return stepBusinessDays(
      date,
      direction,
      count,
      (day, by) => this.plusDays(day, by),
      (day) => this.isBusinessDay(day),
    );
  }

  /** Business days after `from` up to and including `to`; 0 when `to` is not after `from`. */
  between(from: string, to: string): number {
    if (to <= from) return 0;
    const key = `${from}|${to}`;
    let count = this.counts.get(key);
    if (count === undefined) {
      count = 0;
      for (let day = this.plusDays(from, 1); day <= to; day = this.plusDays(day, 1))
        if (this.isBusinessDay(day)) count++;
      this.counts.set(key, count);
    }
    return count;
  }
}
