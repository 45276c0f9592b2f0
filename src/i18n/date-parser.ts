import { DateTime } from 'luxon';
import { formatEraDate, formatIsoDate } from './dates.js';
import type { Locale } from './locale.js';
import { EN_WEEKDAYS, JA_WEEKDAYS, readLater } from './relative-days.js';
import type { Translate } from './translate.js';

/**
 * Reads the dates people type in Teams, in Japanese or English:
 *   ISO            2026-12-14T15:00, 2026-12-14T06:00Z, 2026-12-14 15:00-16:00
 *   slashes        8/3 15:00, 2026/12/14 15:00
 *   Japanese       2026年12月14日 15時, 12月14日（月）15時〜16時
 *   era            令和2年8月3日（月）午後3時03分, R2.8.3 15:00, 令和元年5月1日
 *   relative       今日/本日, 明日, 明後日, 3日後, 2週間後, today, tomorrow, in 3 days
 *   weeks          来週金曜, 今週金曜, 再来週(火), 来週, 今週中, next Friday, this Friday, Friday,
 *                  end of this week, the week after next
 *   month end      今月末, 月末, 来月末, end of the month
 * optionally after by/until and before まで/までに (a due is the day itself),
 *   time only      午後3時, 15:30, 3pm (on the reference day)
 * with an optional end after 〜, ~, -, –, から or "to" (a time, or a date and time).
 * Every wall-clock time is read in the committee's time zone, never the process's.
 */

export type DateProblem =
  /** Nothing recognisable, or words left over. */
  | { readonly ok: false; readonly problem: 'unreadable'; readonly input: string }
  /** A date that does not exist, e.g. 2/30 or 25:00. */
  | { readonly ok: false; readonly problem: 'noSuchDate'; readonly input: string }
  /** The weekday written beside the date is not that date's weekday. */
  | {
      readonly ok: false;
      readonly problem: 'weekdayMismatch';
      readonly input: string;
      /** ISO weekday numbers, 1 = Monday. */
      readonly written: number;
      readonly actual: number;
      readonly date: Date;
    }
  | { readonly ok: false; readonly problem: 'endBeforeStart'; readonly input: string };

/** The problem when a weekday was written beside a date that falls on another one. */
function weekdayMismatch(
  input: string,
  written: number | undefined,
  date: DateTime,
): Extract<DateProblem, { problem: 'weekdayMismatch' }> | undefined {
  if (written === undefined || date.weekday === written) return undefined;
  return {
    ok: false,
    problem: 'weekdayMismatch',
    input,
    written,
    actual: date.weekday,
    date: date.toJSDate(),
  };
}

export interface ReadDate {
  readonly ok: true;
  readonly start: Date;
  readonly end?: Date;
  /** False when only a day was given (no time of day). */
  readonly hasTime: boolean;
  /**
   * The year was left out and the day passed in the last few months (12月1日 on
   * 12月6日, 12月28日 on 1月5日), so `start`, the next one, may not be what was
   * meant: this is the one that passed, for asking which.
   */
  readonly justPassed?: Date;
}

/** A day-and-month without a year this many days in the past is "just passed": ask. */
const JUST_PASSED_DAYS = 90;

export interface ParseOptions {
  /** Today, for relative words and years left out. */
  readonly now: Date;
  readonly timeZone: string;
  /** The day a time-only input refers to (default: today). */
  readonly referenceDay?: Date;
}

interface Day {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  /** The year was left out: take the next occurrence on or after today. */
  readonly yearImplied?: boolean;
}

interface Time {
  readonly hour: number;
  readonly minute: number;
  /** 午前/午後/am/pm was written (so a bare end time can take the start's half of the day). */
  readonly meridiem: boolean;
}

const ERAS: Readonly<Record<string, number>> = {
  令和: 2018,
  r: 2018,
  平成: 1988,
  h: 1988,
  昭和: 1925,
  s: 1925,
};

/** A cursor over the normalised input: each reader consumes what it recognises. */
class Cursor {
  constructor(public rest: string) {}

  take(pattern: RegExp): RegExpExecArray | undefined {
    const found = new RegExp(`^\\s*(?:${pattern.source})`, 'iu').exec(this.rest);
    if (!found) return undefined;
    this.rest = this.rest.slice(found[0].length);
    return found;
  }
}

class NoSuchDate extends Error {}

function num(text: string | undefined): number {
  return text === undefined ? NaN : Number(text);
}

function readDay(cursor: Cursor, options: ParseOptions): Day | undefined {
  const today = DateTime.fromJSDate(options.now, { zone: options.timeZone });
  const era = cursor.take(
    /(令和|平成|昭和|R|H|S)\s*(元|\d{1,2})\s*[年./]\s*(\d{1,2})\s*[月./]\s*(\d{1,2})\s*日?/,
  );
  if (era) {
    const base = ERAS[(era[1] ?? '').toLowerCase()] ?? NaN;
    const year = era[2] === '元' ? 1 : num(era[2]);
    return { year: base + year, month: num(era[3]), day: num(era[4]) };
  }
  const full =
    cursor.take(/(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/) ??
    cursor.take(/(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?=$|[^\d])/);
  if (full) return { year: num(full[1]), month: num(full[2]), day: num(full[3]) };
  const monthDay =
    cursor.take(/(\d{1,2})\s*月\s*(\d{1,2})\s*日/) ?? cursor.take(/(\d{1,2})\/(\d{1,2})(?![\d/])/);
  if (monthDay) {
    return { year: today.year, month: num(monthDay[1]), day: num(monthDay[2]), yearImplied: true };
  }
  const relative = cursor.take(
    /(今日|本日|きょう|today|明日|あした|あす|tomorrow|明後日|あさって)/,
  );
  if (relative) {
    const word = (relative[1] ?? '').toLowerCase();
    const offset = ['今日', '本日', 'きょう', 'today'].includes(word)
      ? 0
      : ['明後日', 'あさって'].includes(word)
        ? 2
        : 1;
    return dayFrom(today.plus({ days: offset }));
  }
  const later = readLater(cursor, today);
  if (later) return dayFrom(later);
  return undefined;
}

function dayFrom(date: DateTime): Day {
  return { year: date.year, month: date.month, day: date.day };
}

/** An optional weekday, as written: （月）, (月曜日), 月曜, (Mon), Monday. Returns 1–7. */
function readWeekday(cursor: Cursor): number | undefined {
  const ja = cursor.take(/\(?\s*([月火水木金土日])(?:曜日?)?\s*\)?(?![月日])/);
  if (ja) return JA_WEEKDAYS.indexOf(ja[1] ?? '') + 1;
  const en = cursor.take(
    /\(?\s*(mon|tue|wed|thu|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\.?\s*\)?,?(?![a-z])/,
  );
  if (en) return EN_WEEKDAYS.indexOf((en[1] ?? '').toLowerCase()) + 1;
  return undefined;
}

function readTime(cursor: Cursor): Time | undefined {
  const found =
    cursor.take(/(午前|午後|am|pm)?\s*(\d{1,2})\s*時\s*(?:(\d{1,2})\s*分|(半))?/) ??
    cursor.take(/(午前|午後|am|pm)?\s*(\d{1,2}):(\d{2})()(?:\s*(am|pm)(?![a-z]))?/) ??
    cursor.take(/()(\d{1,2})()()\s*(am|pm)(?![a-z])/);
  if (!found) return undefined;
  const half = found[4] === '半';
  const meridiem = (found[1] || found[5] || '').toLowerCase();
  let hour = num(found[2]);
  const minute = half ? 30 : found[3] ? num(found[3]) : 0;
  if (meridiem) {
    if (hour > 12) throw new NoSuchDate();
    const afternoon = meridiem === '午後' || meridiem === 'pm';
    // 午後3時 is 15:00; 午前12時 is midnight and 午後12時 noon, as Japanese usage has it.
    if (afternoon && hour < 12) hour += 12;
    if (!afternoon && hour === 12) hour = 0;
  }
  if (hour > 23 || minute > 59) throw new NoSuchDate();
  return { hour, minute, meridiem: meridiem !== '' };
}

function toDateTime(day: Day, time: Time | undefined, zone: string): DateTime {
  const value = DateTime.fromObject(
    {
      year: day.year,
      month: day.month,
      day: day.day,
      hour: time?.hour ?? 0,
      minute: time?.minute ?? 0,
    },
    { zone },
  );
  if (!value.isValid || value.day !== day.day) throw new NoSuchDate();
  return value;
}

/**
 * Machine-style ISO 8601 (2026-12-14, 2026-12-14T15:00, 2026-12-14T06:00Z): an offset is
 * honoured, otherwise the time is local. "2026-12-14 15:00-16:00" is left to the general reader.
 */
function readIso(text: string, zone: string): ReadDate | undefined {
  const iso =
    /^(\d{4}-\d{2}-\d{2})(T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i.exec(text);
  if (!iso) return undefined;
  const parsed = DateTime.fromISO(text, { zone });
  if (!parsed.isValid) throw new NoSuchDate();
  return { ok: true, start: parsed.toJSDate(), hasTime: iso[2] !== undefined };
}

/** Reads a date (and optional end) from what a person typed. */
export function parseDateInput(input: string, options: ParseOptions): ReadDate | DateProblem {
  const text = input.normalize('NFKC').replace(/\s+/g, ' ').trim();
  const zone = options.timeZone;
  try {
    const iso = readIso(text, zone);
    if (iso) return checkOrder(iso, input);

    const cursor = new Cursor(text);
    // "by Friday", "until 12/10": the word says nothing about the day itself.
    cursor.take(/(?:by|until|till|before)\s+/);
    const startDay = readDay(cursor, options);
    const weekday = startDay ? readWeekday(cursor) : undefined;
    cursor.take(/[,、]/);
    const startTime = readTime(cursor);
    if (!startDay && !startTime) return { ok: false, problem: 'unreadable', input };

    let day: Day = startDay ?? dayOf(options.referenceDay ?? options.now, zone);
    let start = toDateTime(day, startTime, zone);
    let justPassed: Date | undefined;
    const today = startOfToday(options);
    const recent = (moment: DateTime) => moment >= today.minus({ days: JUST_PASSED_DAYS });
    if (day.yearImplied && start < today) {
      if (recent(start)) justPassed = start.toJSDate();
      day = { ...day, year: day.year + 1 };
      start = toDateTime(day, startTime, zone);
    } else if (day.yearImplied) {
      // 12月28日 written on 1月5日: last week's, or December's to come?
      const lastYear = start.minus({ years: 1 });
      if (lastYear.day === day.day && recent(lastYear)) justPassed = lastYear.toJSDate();
    }
    const startMismatch = weekdayMismatch(input, weekday, start);
    if (startMismatch) return startMismatch;

    let end: DateTime | undefined;
    if (cursor.take(/(〜|~|-|–|—|から|to)/)) {
      const endDay = readDay(cursor, { ...options, now: start.toJSDate() });
      const endWeekday = endDay ? readWeekday(cursor) : undefined;
      const endTime = endDay ? readTime(cursor) : afternoonCarried(startTime, readTime(cursor));
      if (!endDay && !endTime) return { ok: false, problem: 'unreadable', input };
      end = toDateTime(endDay ?? day, endTime, zone);
      const endMismatch = weekdayMismatch(input, endWeekday, end);
      if (endMismatch) return endMismatch;
      cursor.take(/まで/);
    }
    // 12月10日まで, 来週金曜までに: a due is the day itself.
    if (!end) cursor.take(/まで(?:に)?/);
    cursor.take(/[。.]/);
    if (cursor.rest.trim() !== '') return { ok: false, problem: 'unreadable', input };
    return checkOrder(
      {
        ok: true,
        start: start.toJSDate(),
        ...(end ? { end: end.toJSDate() } : {}),
        hasTime: startTime !== undefined,
        ...(justPassed ? { justPassed } : {}),
      },
      input,
    );
  } catch (error) {
    if (error instanceof NoSuchDate) return { ok: false, problem: 'noSuchDate', input };
    throw error;
  }
}

/**
 * 午後2時〜3時半 and 2pm-3:30 mean 14:00–15:30: an end written without 午前/午後
 * that would fall before an afternoon start is in the afternoon too.
 */
function afternoonCarried(start: Time | undefined, end: Time | undefined): Time | undefined {
  if (!start || !end || end.meridiem || start.hour < 12 || end.hour >= 12) return end;
  const afternoon = { ...end, hour: end.hour + 12 };
  const minutes = (t: Time) => t.hour * 60 + t.minute;
  return minutes(end) <= minutes(start) && minutes(afternoon) > minutes(start) ? afternoon : end;
}

function checkOrder(read: ReadDate, input: string): ReadDate | DateProblem {
  if (read.end && read.end <= read.start) return { ok: false, problem: 'endBeforeStart', input };
  return read;
}

function dayOf(date: Date, zone: string): Day {
  const local = DateTime.fromJSDate(date, { zone });
  return { year: local.year, month: local.month, day: local.day };
}

function startOfToday(options: ParseOptions): DateTime {
  return DateTime.fromJSDate(options.now, { zone: options.timeZone }).startOf('day');
}

/** The message a person reads when their date could not be used (nothing is saved then). */
export function explainDateProblem(
  problem: DateProblem,
  t: Translate,
  locale: Locale,
  timeZone: string,
): string {
  const input = problem.input.length > 40 ? `${problem.input.slice(0, 40)}…` : problem.input;
  switch (problem.problem) {
    case 'weekdayMismatch':
      return t('date.weekdayMismatch', {
        input,
        date:
          locale === 'ja'
            ? formatEraDate(problem.date, timeZone)
            : formatIsoDate(problem.date, timeZone),
        written: weekdayName(problem.written, locale),
        actual: weekdayName(problem.actual, locale),
      });
    case 'noSuchDate':
      return t('date.noSuchDate', { input });
    case 'endBeforeStart':
      return t('date.endBeforeStart', { input });
    case 'unreadable':
      return t('date.unreadable', { input });
  }
}

/** 1 = Monday … 7 = Sunday, as 月曜日 / Monday. */
function weekdayName(isoWeekday: number, locale: Locale): string {
  // 2024-01-01 was a Monday.
  const day = new Date(Date.UTC(2024, 0, isoWeekday, 12));
  return new Intl.DateTimeFormat(locale === 'ja' ? 'ja-JP' : 'en-GB', {
    weekday: 'long',
    timeZone: 'UTC',
  }).format(day);
}
