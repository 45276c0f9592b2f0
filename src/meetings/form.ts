import type { Department } from '../domain/directory.js';
import { explainDateProblem, parseDateInput } from '../i18n/date-parser.js';
import type { Reader } from '../i18n/reader.js';
import type { FormValues } from './cards.js';
import {
  agendaFromLines,
  DISCLOSURE_LEVELS,
  draftProblem,
  materialsFromLines,
  type Disclosure,
  type DisclosureLevel,
  type Meeting,
  type MeetingDraft,
  type Schedule,
} from './meeting.js';

export interface ReadContext extends Reader {
  readonly now: Date;
}

export type WhenRead =
  | {
      readonly ok: true;
      readonly schedule: Schedule;
      /** The year was left out and this year's day has just passed: `schedule` is next year's, this is this year's. */
      readonly justPassed?: Schedule;
    }
  | { readonly ok: false; readonly error: string };

const HOUR_MS = 60 * 60 * 1000;

/**
 * Reads a meeting time. Without an end, a new meeting lasts an hour and a moved
 * one keeps its length; a time alone ("午後4時") stays on the meeting's day.
 */
export function readWhen(text: string, context: ReadContext, current?: Schedule): WhenRead {
  const { t } = context;
  if (!text.trim()) return { ok: false, error: t('meeting.error.whenMissing') };
  const read = parseDateInput(text, {
    now: context.now,
    timeZone: context.timeZone,
    ...(current ? { referenceDay: new Date(current.startsAt) } : {}),
  });
  if (!read.ok)
    return { ok: false, error: explainDateProblem(read, t, context.locale, context.timeZone) };
  if (!read.hasTime) return { ok: false, error: t('date.timeMissing', { input: text.trim() }) };
  const length = current
    ? new Date(current.endsAt).getTime() - new Date(current.startsAt).getTime()
    : HOUR_MS;
  const end = read.end ?? new Date(read.start.getTime() + length);
  const schedule = { startsAt: read.start.toISOString(), endsAt: end.toISOString() };
  if (!read.justPassed) return { ok: true, schedule };
  const yearBack = read.start.getTime() - read.justPassed.getTime();
  const justPassed = {
    startsAt: read.justPassed.toISOString(),
    endsAt: new Date(end.getTime() - yearBack).toISOString(),
  };
  return { ok: true, schedule, justPassed };
}

function text(data: Readonly<Record<string, unknown>>, key: keyof FormValues): string {
  const value = data[key];
  return typeof value === 'string' ? value.trim() : '';
}

export function formValuesFrom(data: Readonly<Record<string, unknown>>): FormValues {
  return {
    title: text(data, 'title'),
    when: text(data, 'when'),
    place: text(data, 'place'),
    agenda: text(data, 'agenda'),
    materials: text(data, 'materials'),
    departments: text(data, 'departments'),
    meetingLevel: text(data, 'meetingLevel') || 'closed',
    meetingReason: text(data, 'meetingReason'),
    minutesLevel: text(data, 'minutesLevel') || 'partial',
    minutesReason: text(data, 'minutesReason'),
  };
}

export type DraftRead =
  | { readonly ok: true; readonly draft: MeetingDraft; readonly justPassed?: Schedule }
  | { readonly ok: false; readonly error: string };

/** The meeting form, checked field by field; the first problem is reported, nothing is saved. */
export function readDraft(
  values: FormValues,
  context: ReadContext,
  departments: readonly Department[],
  current?: Meeting,
): DraftRead {
  const { t } = context;
  const when = readWhen(values.when, context, current);
  if (!when.ok) return when;
  const materials = materialsFromLines(values.materials);
  if (!materials.ok)
    return { ok: false, error: t('meeting.error.badMaterial', { line: materials.line }) };
  const departmentIds = values.departments
    .split(',')
    .map((d) => d.trim())
    .filter(Boolean);
  const unknown = departmentIds.find((id) => !departments.some((d) => d.id === id));
  if (unknown)
    return { ok: false, error: t('meeting.error.unknownDepartment', { department: unknown }) };
  const meetingDisclosure = disclosure(values.meetingLevel, values.meetingReason);
  const minutesDisclosure = disclosure(values.minutesLevel, values.minutesReason);
  if (!meetingDisclosure || !minutesDisclosure) {
    const level = meetingDisclosure ? values.minutesLevel : values.meetingLevel;
    return { ok: false, error: t('meeting.error.badLevel', { level }) };
  }
  const draft: MeetingDraft = {
    title: values.title,
    ...when.schedule,
    place: values.place,
    agenda: agendaFromLines(values.agenda),
    materials: materials.materials,
    attendeeDepartmentIds: departmentIds,
    disclosure: { meeting: meetingDisclosure, minutes: minutesDisclosure },
  };
  const problem = draftProblem(draft);
  if (problem) return { ok: false, error: t(`meeting.error.${problem}`) };
  return {
    ok: true,
    draft,
    ...(when.justPassed ? { justPassed: when.justPassed } : {}),
  };
}

function disclosure(level: string, reason: string): Disclosure | undefined {
  if (!(DISCLOSURE_LEVELS as readonly string[]).includes(level)) return undefined;
  return { level: level as DisclosureLevel, ...(reason ? { reason } : {}) };
}
