import type { Department, Person } from '../domain/directory.js';
import { parseDateInput } from '../i18n/date-parser.js';
import type { Meeting } from '../meetings/meeting.js';
import type { WorkCalendar } from '../scheduling/calendar.js';
import type { Translate } from '../i18n/translate.js';
import type { Due, ItemDraft, Owner } from './item.js';
import { EVERY_DEPARTMENT } from './service.js';

export { EVERY_DEPARTMENT };

/** "早急に" follows up every 3 days unless the secretariat says otherwise ("早急に 7日"). */
export const DEFAULT_FOLLOW_UP_DAYS = 3;

/** The meeting choice meaning "none" (a choice's value cannot be empty). */
export const NO_MEETING = 'none';

export type OwnerChoice = Owner | typeof EVERY_DEPARTMENT;

/** What the create and edit cards send, as text (Input values are strings). */
export interface FormValues {
  readonly title: string;
  readonly detail: string;
  /** `department:<id>`, `person:<upn>` or `every`. */
  readonly owner: string;
  /** 2026-12-14, 12月14日, 早急に, 早急に 7日, 次回, #3 … */
  readonly due: string;
  readonly sourceMeetingId: string;
  readonly quote: string;
  readonly reportMeetingId: string;
}

export function ownerValue(owner: OwnerChoice): string {
  if (owner === EVERY_DEPARTMENT) return EVERY_DEPARTMENT;
  return owner.kind === 'department'
    ? `department:${owner.departmentId}`
    : `person:${owner.personId}`;
}

export function ownerFromValue(value: string): OwnerChoice | undefined {
  if (value === EVERY_DEPARTMENT) return EVERY_DEPARTMENT;
  const [kind, id] = [value.slice(0, value.indexOf(':')), value.slice(value.indexOf(':') + 1)];
  if (!id) return undefined;
  if (kind === 'department') return { kind: 'department', departmentId: id };
  if (kind === 'person') return { kind: 'person', personId: id };
  return undefined;
}

/**
 * An owner as typed: a department's name or id (区民部, kumin, Citizens Affairs),
 * 事務局 / secretariat (the secretariat's department), 全部署 / every department,
 * or a person's sign-in name.
 */
export function readOwner(
  text: string,
  departments: readonly Department[],
  people: readonly Person[],
): OwnerChoice | undefined {
  const wanted = text.normalize('NFKC').trim();
  const lower = wanted.toLowerCase();
  if (!wanted) return undefined;
  if (/^(全部署|各部|全庁|every department|all departments|all)$/i.test(wanted))
    return EVERY_DEPARTMENT;
  if (/^(事務局|secretariat)$/i.test(wanted)) {
    const secretariat = people.find((p) => p.role === 'secretariat' && p.departmentId);
    return secretariat?.departmentId
      ? { kind: 'department', departmentId: secretariat.departmentId }
      : undefined;
  }
  const department = departments.find(
    (d) =>
      d.id === lower ||
      d.name.ja.normalize('NFKC') === wanted ||
      d.name.en.toLowerCase() === lower ||
      // 教育委員会（教育部） is also typed 教育部 or 教育委員会.
      d.name.ja.normalize('NFKC').split(/[()]/).includes(wanted),
  );
  if (department) return { kind: 'department', departmentId: department.id };
  const person = people.find(
    (p) => p.upn === lower || p.name.ja === wanted || p.name.en.toLowerCase() === lower,
  );
  return person ? { kind: 'person', personId: person.id } : undefined;
}

export type DueRead =
  | {
      readonly ok: true;
      readonly due: Due;
      /** The day as written (YYYY-MM-DD) when it fell on a weekend or holiday and was moved. */
      readonly movedFrom?: string;
      /**
       * The year was left out and this year's day has just passed (YYYY-MM-DD): `due`
       * holds next year's, and the person is asked which one they meant.
       */
      readonly justPassed?: string;
    }
  | { readonly ok: false };

/**
 * A due as typed: a date (2026-12-14, 12月14日, 令和8年12月14日, 12/14, 明日, 来週金曜, 月末),
 * moved to the next business day when it falls on a weekend or holiday,
 * 早急に / asap (optionally with a follow-up interval: 早急に 7日, asap 7d),
 * 次回 / next meeting (the next meeting), or #3 (that meeting).
 */
export function readDue(
  text: string,
  context: {
    now: Date;
    calendar: WorkCalendar;
    nextMeeting: Meeting | undefined;
    meetingByNumber: (n: number) => Meeting | undefined;
  },
): DueRead {
  const input = text.normalize('NFKC').replace(/\s+/g, ' ').trim();
  const asap =
    /^(?:早急に?|至急|asap|as soon as possible)(?:\s*[(]?\s*(\d{1,3})\s*(?:日(?:ごと)?|d|days?)\s*[)]?)?$/i.exec(
      input,
    );
  if (asap) {
    const days = asap[1] === undefined ? DEFAULT_FOLLOW_UP_DAYS : Number(asap[1]);
    return { ok: true, due: { kind: 'asap', followUpDays: days } };
  }
  if (/^(?:次回|次回の本部|次回会議|次の会議|next meeting|next)$/i.test(input)) {
    return context.nextMeeting
      ? { ok: true, due: { kind: 'nextMeeting', meetingId: context.nextMeeting.id } }
      : { ok: false };
  }
  const number = /^(?:会議\s*|meeting\s*)?#(\d+)$/i.exec(input)?.[1];
  if (number) {
    const meeting = context.meetingByNumber(Number(number));
    // A cancelled meeting would leave the item without a due from the start.
    return meeting && meeting.status !== 'cancelled'
      ? { ok: true, due: { kind: 'nextMeeting', meetingId: meeting.id } }
      : { ok: false };
  }
  const { calendar } = context;
  const read = parseDateInput(input, { now: context.now, timeZone: calendar.timeZone });
  if (!read.ok) return { ok: false };
  const isoDay = (date: Date) => calendar.local(date).toISODate() ?? '';
  const date = isoDay(calendar.onOrAfterBusinessDay(read.start));
  const written = isoDay(read.start);
  return {
    ok: true,
    due: { kind: 'date', date },
    ...(date !== written ? { movedFrom: written } : {}),
    ...(read.justPassed ? { justPassed: isoDay(read.justPassed) } : {}),
  };
}

/** The due as the form shows it for editing, in the reader's language. */
export function dueValue(due: Due, meetings: readonly Meeting[], t: Translate): string {
  if (due.kind === 'date') return due.date;
  if (due.kind === 'asap') return t('item.form.dueAsap', { days: due.followUpDays });
  const meeting = meetings.find((m) => m.id === due.meetingId);
  // Its meeting was cancelled: the field starts empty, so the secretariat sets a new due.
  if (meeting?.status === 'cancelled') return '';
  return meeting ? `#${meeting.number}` : t('item.form.dueBlank');
}

export function formValuesOf(
  item: ItemDraft,
  meetings: readonly Meeting[],
  t: Translate,
): FormValues {
  return {
    title: item.title,
    detail: item.detail,
    owner: ownerValue(item.owner),
    due: dueValue(item.due, meetings, t),
    sourceMeetingId: item.source?.meetingId ?? NO_MEETING,
    quote: item.source?.quote ?? '',
    reportMeetingId: item.reportMeetingId ?? NO_MEETING,
  };
}

/** A card input's value as text (numbers too); '' when absent. */
export const textOf = (data: Readonly<Record<string, unknown>>, key: string): string => {
  const value = data[key];
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
};

export function formValuesFrom(data: Readonly<Record<string, unknown>>): FormValues {
  return {
    title: textOf(data, 'title'),
    detail: textOf(data, 'detail'),
    owner: textOf(data, 'owner'),
    due: textOf(data, 'due'),
    sourceMeetingId: textOf(data, 'sourceMeetingId'),
    quote: textOf(data, 'quote'),
    reportMeetingId: textOf(data, 'reportMeetingId'),
  };
}
