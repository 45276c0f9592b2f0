/**
 * A meeting of the HQ, as the minutes describe it: when and where, its agenda
 * (議案), its materials (資料1-1 …), who attends (departments, so delegates are
 * included), what is disclosed, and its reminders. Its history lives inside it,
 * so every change is one atomic update.
 */

/** 公開 / 非公開 / 一部非公開. */
export type DisclosureLevel = 'public' | 'closed' | 'partial';
export const DISCLOSURE_LEVELS: readonly DisclosureLevel[] = ['public', 'closed', 'partial'];

export interface Disclosure {
  readonly level: DisclosureLevel;
  /** Required unless the level is public. */
  readonly reason?: string;
}

export interface AgendaItem {
  /** 議案(1), (2) … */
  readonly number: number;
  readonly title: string;
}

export interface Material {
  /** As printed on the paper, e.g. 資料1-1. */
  readonly id: string;
  readonly title: string;
  readonly url?: string;
}

/**
 * When a reminder goes out, relative to the start. "Days before" land at a
 * local time of day (`at`, HH:MM) and move to the previous business day when
 * they fall on a weekend or public holiday.
 */
export type ReminderRule =
  | {
      readonly kind: 'daysBefore' | 'businessDaysBefore';
      readonly amount: number;
      readonly at: string;
      readonly purpose: ReminderPurpose;
    }
  | { readonly kind: 'minutesBefore'; readonly amount: number; readonly purpose: ReminderPurpose };

/** 'materials' asks departments to hand in their materials; 'upcoming' says the meeting is near. */
export type ReminderPurpose = 'materials' | 'upcoming';

export const DEFAULT_REMINDERS: readonly ReminderRule[] = [
  { kind: 'daysBefore', amount: 7, at: '09:00', purpose: 'materials' },
  { kind: 'businessDaysBefore', amount: 1, at: '09:00', purpose: 'upcoming' },
  { kind: 'minutesBefore', amount: 60, purpose: 'upcoming' },
];

/** A stable name for a rule, part of its job key: 7d, 1bd, 60m. */
export function ruleId(rule: ReminderRule): string {
  const unit = rule.kind === 'daysBefore' ? 'd' : rule.kind === 'businessDaysBefore' ? 'bd' : 'm';
  return `${rule.amount}${unit}${'at' in rule ? `@${rule.at}` : ''}`;
}

/** Who comes for a department: its head, a delegate, or nobody (欠席). */
export interface Attendance {
  readonly departmentId: string;
  readonly attendee: 'head' | 'delegate' | 'absent';
  /** The delegate who comes, when picked from the directory (person id)… */
  readonly delegateId?: string;
  /** …or their name as typed, for someone not in the directory. */
  readonly delegateName?: string;
  /** Who answered (person id = UPN). */
  readonly by: string;
  readonly at: string;
}

export interface Schedule {
  readonly startsAt: string;
  readonly endsAt: string;
}

/** One entry of a meeting's history. `by` is a person id, or 'system' for demo data. */
export type MeetingEvent =
  | { readonly type: 'created'; readonly at: string; readonly by: string }
  | {
      readonly type: 'edited';
      readonly at: string;
      readonly by: string;
      readonly fields: readonly string[];
    }
  | {
      readonly type: 'rescheduled';
      readonly at: string;
      readonly by: string;
      readonly from: Schedule;
      readonly to: Schedule;
    }
  | {
      readonly type: 'cancelled';
      readonly at: string;
      readonly by: string;
      readonly reason: string;
    }
  | {
      readonly type: 'attendance';
      readonly at: string;
      readonly by: string;
      readonly departmentId: string;
      readonly attendee: Attendance['attendee'];
    }
  | {
      readonly type: 'reminders';
      readonly at: string;
      readonly by: string;
      readonly rules: string;
    };

/** What the secretariat fills in; everything else is kept by the service. */
export interface MeetingDraft {
  readonly title: string;
  readonly startsAt: string;
  readonly endsAt: string;
  readonly place: string;
  readonly agenda: readonly AgendaItem[];
  readonly materials: readonly Material[];
  readonly attendeeDepartmentIds: readonly string[];
  readonly disclosure: { readonly meeting: Disclosure; readonly minutes: Disclosure };
}

export interface Meeting extends MeetingDraft {
  readonly id: string;
  /** Short number for text commands: #3. */
  readonly number: number;
  readonly reminders: readonly ReminderRule[];
  readonly attendance: readonly Attendance[];
  readonly status: 'scheduled' | 'cancelled';
  readonly cancelReason?: string;
  /** Counts changes people should notice (iCalendar SEQUENCE). */
  readonly revision: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly history: readonly MeetingEvent[];
}

/** Why a draft cannot be saved; each has a message in the meetings catalog. */
export type DraftProblem =
  'titleMissing' | 'whenMissing' | 'endBeforeStart' | 'reasonMissing' | 'noDepartments';

export function draftProblem(draft: MeetingDraft): DraftProblem | undefined {
  if (!draft.title.trim()) return 'titleMissing';
  const start = new Date(draft.startsAt).getTime();
  const end = new Date(draft.endsAt).getTime();
  if (Number.isNaN(start) || Number.isNaN(end)) return 'whenMissing';
  if (end <= start) return 'endBeforeStart';
  for (const disclosure of [draft.disclosure.meeting, draft.disclosure.minutes]) {
    if (disclosure.level !== 'public' && !disclosure.reason?.trim()) return 'reasonMissing';
  }
  if (draft.attendeeDepartmentIds.length === 0) return 'noDepartments';
  return undefined;
}

/** 議案(1) … lines → numbered items; leading numbering people type is dropped. */
export function agendaFromLines(text: string): AgendaItem[] {
  return text
    .split(/\r?\n/)
    .map((line) =>
      line
        .normalize('NFKC')
        .replace(/^\s*(?:議案|議題|item)?\s*(?:\(\d+\)|\d+[.)、]|[-・*])\s*/i, '')
        .trim(),
    )
    .filter(Boolean)
    .map((title, i) => ({ number: i + 1, title }));
}

export type MaterialsRead =
  | { readonly ok: true; readonly materials: Material[] }
  | { readonly ok: false; readonly line: string };

/** One material per line: "資料1-1 タイトル https://…" (or "1-1 …"; a colon after the id is fine). */
export function materialsFromLines(text: string): MaterialsRead {
  const materials: Material[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.normalize('NFKC').trim();
    if (!line) continue;
    const found =
      /^(?:資料|material|doc\.?)?\s*(\d+(?:[-ー‐]\d+)?)\s*[:：]?\s*(.*?)\s*(https?:\/\/\S+)?$/i.exec(
        line,
      );
    const title = found?.[2]?.trim();
    if (!found || !title) return { ok: false, line: raw.trim() };
    materials.push({
      id: `資料${(found[1] ?? '').replace(/[ー‐]/g, '-')}`,
      title,
      ...(found[3] ? { url: found[3] } : {}),
    });
  }
  return { ok: true, materials };
}

export function agendaToLines(agenda: readonly AgendaItem[]): string {
  return agenda.map((item) => item.title).join('\n');
}

export function materialsToLines(materials: readonly Material[]): string {
  return materials.map((m) => [m.id, m.title, m.url].filter(Boolean).join(' ')).join('\n');
}

export type RulesRead =
  | { readonly ok: true; readonly rules: ReminderRule[] }
  | { readonly ok: false; readonly token: string };

/**
 * Reminder rules as the secretariat types them, in either language:
 * 資料:7日前 / materials:7d, 1営業日前 / 1bd, 1時間前 / 1h, 30分前 / 30m, 7日前@10:00;
 * 標準 / default gives the defaults.
 */
export function parseReminderRules(text: string): RulesRead {
  const tokens = text.normalize('NFKC').split(/\s+/).filter(Boolean);
  if (tokens.length === 1 && /^(標準|既定|default)$/i.test(tokens[0] ?? '')) {
    return { ok: true, rules: [...DEFAULT_REMINDERS] };
  }
  const rules: ReminderRule[] = [];
  for (const token of tokens) {
    const found =
      /^(?:(資料|materials?):)?(\d{1,3})(日前|営業日前|時間前|分前|d|bd|h|m)(?:@(\d{1,2}):(\d{2}))?$/i.exec(
        token,
      );
    const amount = Number(found?.[2]);
    const unit = found?.[3]?.toLowerCase();
    if (!found || !unit || amount <= 0) return { ok: false, token };
    const purpose: ReminderPurpose = found[1] ? 'materials' : 'upcoming';
    const hour = found[4] === undefined ? 9 : Number(found[4]);
    const minute = found[5] === undefined ? 0 : Number(found[5]);
    if (hour > 23 || minute > 59) return { ok: false, token };
    const at = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
    if (unit === '日前' || unit === 'd') rules.push({ kind: 'daysBefore', amount, at, purpose });
    else if (unit === '営業日前' || unit === 'bd')
      rules.push({ kind: 'businessDaysBefore', amount, at, purpose });
    else if (found[4] !== undefined) return { ok: false, token };
    else {
      const minutes = unit === '時間前' || unit === 'h' ? amount * 60 : amount;
      rules.push({ kind: 'minutesBefore', amount: minutes, purpose });
    }
  }
  return rules.length > 0 ? { ok: true, rules } : { ok: false, token: text };
}

/**
 * What a new meeting of the HQ discloses unless the secretariat says otherwise:
 * as in the minutes, a closed meeting and partly closed minutes. These reasons are
 * stored data, in the words the city uses in its records (the minutes).
 */
export const DEFAULT_DISCLOSURE: MeetingDraft['disclosure'] = {
  meeting: {
    level: 'closed',
    reason: '行政機関における政策意思決定過程途上に位置付けられる会議であるため',
  },
  minutes: {
    level: 'partial',
    reason: '行政機関における政策意思決定過程途上に位置づけられる内容を含むため',
  },
};
