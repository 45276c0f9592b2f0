import { DateTime } from 'luxon';
import type { DraftDue } from './model.js';

/**
 * The due a sentence states, relative to the meeting's date: 11月20日までに,
 * 11月末までに, 10月中に, 年内に, 年度内に, 今月中に, 来月末までに, 早急に,
 * 次回の本部で. A month earlier than the meeting's is next year's.
 */
export function dueOf(sentence: string, meetingDate: string): DraftDue {
  const text = sentence.normalize('NFKC');
  const meeting = DateTime.fromISO(meetingDate, { zone: 'utc' });
  if (!meeting.isValid) return { kind: 'unstated' };
  const inYear = (month: number, day?: number): DateTime => {
    const year = month < meeting.month ? meeting.year + 1 : meeting.year;
    const first = DateTime.utc(year, month, 1);
    return day === undefined ? first.endOf('month') : first.set({ day });
  };
  const asDate = (value: DateTime): DraftDue =>
    value.isValid ? { kind: 'date', date: value.toISODate() ?? '' } : { kind: 'unstated' };

  const dated =
    /(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*(?:\([^)]*\))?\s*(?:まで|迄|を目途|を目処|を期限)/u.exec(
      text,
    ) ?? /(?<![\d/])(\d{1,2})\/(\d{1,2})\s*(?:\([^)]*\))?\s*(?:まで|迄|を目途|を目処)/u.exec(text);
  if (dated) return asDate(inYear(Number(dated[1]), Number(dated[2])));
  const part = /(\d{1,2})\s*月\s*(上旬|中旬)\s*(?:まで|迄|に|を目途|を目処)/u.exec(text);
  if (part) return asDate(inYear(Number(part[1]), part[2] === '上旬' ? 10 : 20));
  // 「来月上旬までに」「今月中旬を目途に」.
  const relativePart = /(今月|来月)\s*(上旬|中旬)\s*(?:まで|迄|に|を目途|を目処)/u.exec(text);
  if (relativePart) {
    const month = relativePart[1] === '来月' ? meeting.plus({ months: 1 }) : meeting;
    return asDate(month.set({ day: relativePart[2] === '上旬' ? 10 : 20 }));
  }
  // 「10月末日まで」「3月までに」: by the end of that month.
  const monthEnd =
    /(\d{1,2})\s*月\s*(?:(?:末日?|中(?!旬)|いっぱい|下旬)\s*(?:まで|迄|に|を目途|を目処)|(?:まで|迄|を目途|を目処))/u.exec(
      text,
    );
  if (monthEnd) return asDate(inYear(Number(monthEnd[1])));
  // 「今月20日まで」「来月10日までに」: a day of this month (or the next).
  const dayOnly =
    /(?:(今月|来月)|(?<![\d月]))(\d{1,2})\s*日\s*(?:\([^)]*\))?\s*(?:まで|迄|を目途|を目処)/u.exec(
      text,
    );
  if (dayOnly) {
    const day = Number(dayOnly[2]);
    // Without 今月, a day already past is next month's.
    const later = dayOnly[1] === '来月' || (!dayOnly[1] && day < meeting.day);
    const month = later ? meeting.plus({ months: 1 }) : meeting;
    return asDate(month.set({ day }));
  }
  // 「2週間以内に」「1か月以内に」: counted from the meeting.
  const within = /(\d{1,2})\s*(日|週間|か月|カ月|ヶ月|ケ月)\s*以内/u.exec(text);
  if (within) {
    const unit = within[2] === '日' ? 'days' : within[2] === '週間' ? 'weeks' : 'months';
    return asDate(meeting.plus({ [unit]: Number(within[1]) }));
  }
  if (
    /(今月|月内)(中|末|いっぱい)?(に|まで)|今月(中|末|いっぱい)|(?<![\d来今先翌])月末(まで|迄|に)/u.test(
      text,
    )
  ) {
    return asDate(meeting.endOf('month'));
  }
  // 今週中に / 来週中に: the Friday of that week.
  if (/今週(中|いっぱい|末)/u.test(text)) return asDate(meeting.set({ weekday: 5 }));
  if (/来週(中|いっぱい|末)/u.test(text))
    return asDate(meeting.plus({ weeks: 1 }).set({ weekday: 5 }));
  if (/来月(中|末|いっぱい)/u.test(text)) return asDate(meeting.plus({ months: 1 }).endOf('month'));
  if (/年度(内|末|中)/u.test(text)) {
    const fiscalEnd = meeting.month >= 4 ? meeting.year + 1 : meeting.year;
    return asDate(DateTime.utc(fiscalEnd, 3, 31));
  }
  if (/(年内|年末まで|今年中|年明けまで)/u.test(text))
    return asDate(DateTime.utc(meeting.year, 12, 31));
  if (/(早急|至急|速やかに|すみやかに|直ちに|ただちに|早期に|今すぐ|すぐに)/u.test(text))
    return { kind: 'asap' };
  if (nextMeetingNamed(text)) return { kind: 'nextMeeting' };
  return { kind: 'unstated' };
}

/** 次回の本部で, 次回の会議までに, 次回の情報化推進本部に向けて … */
export function nextMeetingNamed(text: string): boolean {
  return /次回(?:の?[^、。]{0,12}?(?:本部|会議|会|部会))?(?:で|に|まで|に向け|の際|から|(?=報告|説明))/u.test(
    text,
  );
}

/** 「次回の本部で（また）報告」: a report at the next meeting, besides any due. */
export function asksReportAtNextMeeting(text: string): boolean {
  return /次回[^。]{0,20}(報告|説明|示)/u.test(text);
}

/** The more pressing of two dues: a date, then 早急に, then the next meeting. */
export function firmerDue(a: DraftDue, b: DraftDue): DraftDue {
  const rank = (due: DraftDue) =>
    due.kind === 'date' ? 3 : due.kind === 'asap' ? 2 : due.kind === 'nextMeeting' ? 1 : 0;
  return rank(b) > rank(a) ? b : a;
}
