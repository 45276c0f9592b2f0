import { plainText } from '../cards/plain-text.js';
import { renderCard, type Card } from '../cards/card.js';
import type { Department, Person } from '../domain/directory.js';
import { DateTime } from 'luxon';
import { formatTimeRange } from '../i18n/dates.js';
import type { Reader } from '../i18n/reader.js';
import type { Translate } from '../i18n/translate.js';
import {
  agendaToLines,
  DISCLOSURE_LEVELS,
  materialsToLines,
  type Attendance,
  type Schedule,
  type Disclosure,
  type Meeting,
  type ReminderRule,
} from './meeting.js';

/** What every meeting card needs to speak the reader's language. */
export interface CardContext extends Reader {
  readonly departments: readonly Department[];
  readonly people: readonly Person[];
  /** Where the bot serves the meeting's .ics file. */
  readonly icsUrl: (meetingId: string) => string;
  /** The dashboard tab on the meeting; none when there is no tab in Teams to open. */
  readonly dashboardUrl: (meetingId: string) => string | undefined;
}

interface Fact {
  readonly label: string;
  readonly value: string;
}

export interface AgendaCardData {
  readonly meetingId: string;
  readonly notice: string;
  readonly noticeColor: 'Default' | 'Attention' | 'Accent';
  readonly late: string;
  readonly title: string;
  readonly status: string;
  readonly facts: readonly Fact[];
  readonly agendaHeading: string;
  readonly agenda: ReadonlyArray<{ readonly text: string }>;
  readonly materialsHeading: string;
  readonly materials: ReadonlyArray<{ readonly text: string }>;
  readonly disclosureHeading: string;
  readonly disclosure: readonly Fact[];
  readonly attendanceHeading: string;
  readonly attendance: readonly Fact[];
  readonly icsUrl: string;
  readonly icsLabel: string;
  readonly dashboardUrl?: string;
  readonly dashboardLabel: string;
  readonly attend: boolean;
  readonly attendSelfLabel: string;
  readonly attendDelegateLabel: string;
  readonly absentLabel: string;
  readonly manage: boolean;
  readonly editLabel: string;
  readonly cancelLabel: string;
}

export interface AgendaView {
  /** Members see "I will attend"; the secretariat sees edit and cancel. */
  readonly audience: 'member' | 'staff' | 'everyone';
  readonly notice?: { readonly text: string; readonly tone: 'info' | 'warning' };
  readonly late?: string;
  readonly now: Date;
}

export function when(meeting: Meeting, context: Pick<CardContext, 'locale' | 'timeZone'>): string {
  return formatTimeRange(
    new Date(meeting.startsAt),
    new Date(meeting.endsAt),
    context.locale,
    context.timeZone,
  );
}

export function disclosureText(disclosure: Disclosure, t: Translate): string {
  const level = t(`meeting.disclosure.${disclosure.level}`);
  return disclosure.reason
    ? t('meeting.disclosure.withReason', { level, reason: disclosure.reason })
    : level;
}

function departmentName(id: string, context: CardContext): string {
  return context.departments.find((d) => d.id === id)?.name[context.locale] ?? id;
}

export function attendanceText(attendance: Attendance, context: CardContext): string {
  const person = context.people.find((p) => p.id === attendance.by);
  const answeredBy = person?.name[context.locale];
  if (attendance.attendee === 'head') {
    const head =
      person?.role === 'member'
        ? person
        : context.people.find(
            (p) => p.role === 'member' && p.departmentId === attendance.departmentId,
          );
    return context.t('meeting.attendance.head', { name: head?.name[context.locale] ?? '' });
  }
  if (attendance.attendee === 'absent') return context.t('meeting.attendance.absent');
  // The delegate picked or typed; a delegate who answers names themself.
  const picked = context.people.find((p) => p.id === attendance.delegateId);
  const name =
    picked?.name[context.locale] ??
    attendance.delegateName ??
    (person?.role === 'delegate' ? answeredBy : undefined);
  return name
    ? context.t('meeting.attendance.delegate', { name })
    : context.t('meeting.attendance.delegateUnnamed');
}

/** Markdown link when the material has one; Teams renders it in a TextBlock. */
function materialText(material: Meeting['materials'][number]): string {
  const label = plainText(`${material.id} ${material.title}`);
  return material.url ? `[${label}](${material.url})` : label;
}

export function agendaCard(meeting: Meeting, context: CardContext, view: AgendaView): Card {
  const { t } = context;
  const open = meeting.status === 'scheduled' && new Date(meeting.startsAt) > view.now;
  const data: AgendaCardData = {
    meetingId: meeting.id,
    notice: view.notice?.text ?? '',
    noticeColor: view.notice?.tone === 'warning' ? 'Attention' : 'Accent',
    late: view.late ?? '',
    title: plainText(meeting.title),
    status:
      meeting.status === 'cancelled'
        ? meeting.cancelReason
          ? t('meeting.status.cancelledReason', { reason: plainText(meeting.cancelReason) })
          : t('meeting.status.cancelled')
        : '',
    facts: [
      { label: t('meeting.when'), value: when(meeting, context) },
      ...(meeting.place ? [{ label: t('meeting.place'), value: plainText(meeting.place) }] : []),
      { label: t('meeting.number'), value: `#${meeting.number}` },
    ],
    agendaHeading: t('meeting.agenda'),
    agenda:
      meeting.agenda.length > 0
        ? meeting.agenda.map((item) => ({
            text: t('meeting.agendaItem', { number: item.number, title: plainText(item.title) }),
          }))
        : [{ text: t('meeting.noAgenda') }],
    materialsHeading: t('meeting.materials'),
    materials:
      meeting.materials.length > 0
        ? meeting.materials.map((m) => ({ text: materialText(m) }))
        : [{ text: t('meeting.noMaterials') }],
    disclosureHeading: t('meeting.disclosure'),
    disclosure: [
      {
        label: t('meeting.disclosure.meeting'),
        value: disclosureText(meeting.disclosure.meeting, t),
      },
      {
        label: t('meeting.disclosure.minutes'),
        value: disclosureText(meeting.disclosure.minutes, t),
      },
    ],
    attendanceHeading: t('meeting.attendance', {
      answered: meeting.attendance.length,
      total: meeting.attendeeDepartmentIds.length,
    }),
    attendance: meeting.attendeeDepartmentIds.flatMap((id) => {
      const answer = meeting.attendance.find((a) => a.departmentId === id);
      return answer
        ? [{ label: departmentName(id, context), value: attendanceText(answer, context) }]
        : [];
    }),
    icsUrl: meeting.status === 'scheduled' ? context.icsUrl(meeting.id) : '',
    icsLabel: t('meeting.button.ics'),
    dashboardUrl: context.dashboardUrl(meeting.id),
    dashboardLabel: t('tab.open'),
    attend: open && view.audience !== 'staff',
    attendSelfLabel: t('meeting.button.attendSelf'),
    attendDelegateLabel: t('meeting.button.attendDelegate'),
    absentLabel: t('meeting.button.absent'),
    manage: meeting.status === 'scheduled' && view.audience === 'staff',
    editLabel: t('meeting.button.edit'),
    cancelLabel: t('meeting.button.cancel'),
  };
  return renderCard('meeting-agenda', data);
}

/** What the form shows: a meeting's current values, or what the user typed before an error. */
export interface FormValues {
  readonly title: string;
  readonly when: string;
  readonly place: string;
  readonly agenda: string;
  readonly materials: string;
  readonly departments: string;
  readonly meetingLevel: string;
  readonly meetingReason: string;
  readonly minutesLevel: string;
  readonly minutesReason: string;
}

/** The meeting's time as the date parser reads it back: 2026-12-14 15:00-16:00. */
export function editableWhen(meeting: Schedule, timeZone: string): string {
  const start = DateTime.fromISO(meeting.startsAt, { zone: timeZone });
  const end = DateTime.fromISO(meeting.endsAt, { zone: timeZone });
  const until = start.hasSame(end, 'day')
    ? end.toFormat('HH:mm')
    : end.toFormat('yyyy-MM-dd HH:mm');
  return `${start.toFormat('yyyy-MM-dd HH:mm')}-${until}`;
}

export function formValuesOf(meeting: Meeting, timeZone: string): FormValues {
  return {
    title: meeting.title,
    when: editableWhen(meeting, timeZone),
    place: meeting.place,
    agenda: agendaToLines(meeting.agenda),
    materials: materialsToLines(meeting.materials),
    departments: meeting.attendeeDepartmentIds.join(','),
    meetingLevel: meeting.disclosure.meeting.level,
    meetingReason: meeting.disclosure.meeting.reason ?? '',
    minutesLevel: meeting.disclosure.minutes.level,
    minutesReason: meeting.disclosure.minutes.reason ?? '',
  };
}

export function formCard(
  context: CardContext,
  input: { meeting?: Meeting; values: FormValues; error?: string },
): Card {
  const { t } = context;
  const reason = t('meeting.form.reason');
  return renderCard('meeting-form', {
    heading: input.meeting
      ? t('meeting.form.editTitle', { number: input.meeting.number })
      : t('meeting.form.newTitle'),
    error: input.error ?? '',
    meetingId: input.meeting?.id ?? '',
    labels: {
      title: t('meeting.form.title'),
      titlePlaceholder: t('meeting.form.titlePlaceholder'),
      titleMissing: t('meeting.error.titleMissing'),
      when: t('meeting.form.when'),
      whenPlaceholder: t('meeting.form.whenPlaceholder'),
      whenMissing: t('meeting.error.whenMissing'),
      place: t('meeting.form.place'),
      agenda: t('meeting.form.agenda'),
      materials: t('meeting.form.materials'),
      departments: t('meeting.form.departments'),
      meetingDisclosure: t('meeting.form.meetingDisclosure'),
      minutesDisclosure: t('meeting.form.minutesDisclosure'),
      meetingReason: `${t('meeting.form.meetingDisclosure')}: ${reason}`,
      minutesReason: `${t('meeting.form.minutesDisclosure')}: ${reason}`,
    },
    values: input.values,
    departmentChoices: context.departments.map((d) => ({
      title: d.name[context.locale],
      value: d.id,
    })),
    levelChoices: DISCLOSURE_LEVELS.map((level) => ({
      title: t(`meeting.disclosure.${level}`),
      value: level,
    })),
    saveLabel: t('meeting.button.save'),
    backLabel: t('meeting.button.back'),
  });
}

export function cancelCard(meeting: Meeting, context: CardContext): Card {
  const { t } = context;
  return renderCard('meeting-cancel', {
    meetingId: meeting.id,
    question: t('meeting.cancelConfirm', {
      title: plainText(meeting.title),
      when: when(meeting, context),
    }),
    reasonLabel: t('meeting.cancelReason'),
    confirmLabel: t('meeting.button.confirmCancel'),
    backLabel: t('meeting.button.back'),
  });
}

export function listCard(
  sections: { upcoming: readonly Meeting[]; recent: readonly Meeting[] },
  context: CardContext,
): Card {
  const { t } = context;
  const row = (meeting: Meeting) => ({
    meetingId: meeting.id,
    title: t('meeting.list.row', { number: meeting.number, title: meeting.title }),
    when:
      meeting.status === 'cancelled'
        ? t('meeting.list.cancelled', { when: when(meeting, context) })
        : [when(meeting, context), meeting.place].filter(Boolean).join(' · '),
  });
  return renderCard('meeting-list', {
    title: t('meeting.list.title'),
    sections: [
      {
        heading: t('meeting.list.upcoming'),
        empty: t('meeting.list.empty'),
        rows: sections.upcoming.map(row),
      },
      {
        heading: t('meeting.list.recent'),
        empty: t('meeting.list.empty'),
        rows: sections.recent.map(row),
      },
    ],
  });
}

/** "7日前 09:00（資料提出）", "60分前". */
export function describeRule(rule: ReminderRule, t: Translate): string {
  const text =
    rule.kind === 'minutesBefore'
      ? t('meeting.rule.minutesBefore', { amount: rule.amount })
      : t(`meeting.rule.${rule.kind}`, { amount: rule.amount, at: rule.at });
  return rule.purpose === 'materials' ? t('meeting.rule.materials', { rule: text }) : text;
}
