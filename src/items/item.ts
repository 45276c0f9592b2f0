/**
 * An action item (宿題) of the HQ: what must be done, by whom, by when, and
 * where it was decided. The chair's rule from the minutes is that every item
 * comes back to the next meeting with a report, so an item keeps its source
 * (meeting and quote) and its whole history inside the record: every change is
 * one atomic update of that record.
 */

export const ITEM_STATUSES = ['open', 'inProgress', 'blocked', 'done', 'cancelled'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];
/** Statuses of work still to do: these are pinged, listed as "mine", and can be late. */
export const ACTIVE_STATUSES: readonly ItemStatus[] = ['open', 'inProgress', 'blocked'];

export function isActive(item: Pick<ActionItem, 'status'>): boolean {
  return ACTIVE_STATUSES.includes(item.status);
}

/** A department (its head and delegates act for it) or one person (person id = UPN). */
export type Owner =
  | { readonly kind: 'department'; readonly departmentId: string }
  | { readonly kind: 'person'; readonly personId: string };

/**
 * When the item is due: a local calendar date (YYYY-MM-DD in the committee's
 * time zone); "早急に" (as soon as possible, followed up every `followUpDays`);
 * or the next meeting, by id, so that moving the meeting moves the due.
 */
export type Due =
  | { readonly kind: 'date'; readonly date: string }
  | { readonly kind: 'asap'; readonly followUpDays: number }
  | { readonly kind: 'nextMeeting'; readonly meetingId: string };

export interface ItemSource {
  readonly meetingId: string;
  /** The words of the minutes the item comes from. */
  readonly quote: string;
}

export interface ProgressNote {
  readonly at: string;
  /** Person id (UPN), or 'system'. */
  readonly by: string;
  readonly text: string;
}

/** What one change did; history entries keep the before and after of each. */
export type ItemChange =
  | { readonly type: 'created' }
  | {
      readonly type: 'edited';
      readonly fields: readonly EditableField[];
    }
  | { readonly type: 'reassigned'; readonly from: Owner; readonly to: Owner }
  | {
      readonly type: 'status';
      readonly from: ItemStatus;
      readonly to: ItemStatus;
      /** Why it is blocked or cancelled. */
      readonly reason?: string;
    }
  | { readonly type: 'progress'; readonly text: string }
  | { readonly type: 'snoozed'; readonly until: string; readonly days: number }
  | { readonly type: 'dueChanged'; readonly from: Due; readonly to: Due };

export interface HistoryEntry {
  readonly at: string;
  /** Person id (UPN), or 'system' for demo data and jobs. */
  readonly by: string;
  readonly change: ItemChange;
}

/** What the secretariat fills in when creating an item. */
export interface ItemDraft {
  readonly title: string;
  readonly detail: string;
  readonly owner: Owner;
  readonly due: Due;
  readonly source?: ItemSource;
  /**
   * The meeting the item is reported at ("次回の本部で報告"), when that is not
   * already its due. Item 1 of the minutes is due 早急に and reported at the next meeting.
   */
  readonly reportMeetingId?: string;
}

export const EDITABLE_FIELDS = ['title', 'detail', 'due', 'source', 'reportMeetingId'] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];

export interface ActionItem extends ItemDraft {
  readonly id: string;
  /** Short number people type: #5. */
  readonly number: number;
  /** Shared by the items one "every department" request fanned out into. */
  readonly groupId?: string;
  readonly status: ItemStatus;
  readonly progress: readonly ProgressNote[];
  /** No pings before this instant (ISO, UTC). */
  readonly snoozedUntil?: string;
  /** Set while the status is blocked. */
  readonly blockedReason?: string;
  readonly cancelReason?: string;
  readonly doneAt?: string;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly updatedAt: string;
  readonly history: readonly HistoryEntry[];
}

export const LIMITS = {
  title: 200,
  detail: 2000,
  quote: 1000,
  note: 1000,
  reason: 500,
  followUpDays: 30,
  snoozeDays: 30,
} as const;

/** Why a draft or a change cannot be stored; each has a message in the items catalog. */
export type DraftProblem =
  | 'titleMissing'
  | 'titleTooLong'
  | 'detailTooLong'
  | 'quoteTooLong'
  | 'badDate'
  | 'badFollowUp'
  | 'unknownMeeting'
  | 'unknownOwner';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for an existing calendar date written YYYY-MM-DD. */
export function isIsoDate(text: string): boolean {
  const found = ISO_DATE.exec(text);
  if (!found) return false;
  const [year, month, day] = found.slice(1).map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

/** What is wrong with a draft on its own (owners and meetings are checked by the service). */
export function draftProblem(draft: Pick<ItemDraft, 'title' | 'detail' | 'due' | 'source'>) {
  if (!draft.title.trim()) return 'titleMissing' as const;
  if (draft.title.length > LIMITS.title) return 'titleTooLong' as const;
  if (draft.detail.length > LIMITS.detail) return 'detailTooLong' as const;
  if ((draft.source?.quote.length ?? 0) > LIMITS.quote) return 'quoteTooLong' as const;
  if (draft.due.kind === 'date' && !isIsoDate(draft.due.date)) return 'badDate' as const;
  if (
    draft.due.kind === 'asap' &&
    (!Number.isInteger(draft.due.followUpDays) ||
      draft.due.followUpDays < 1 ||
      draft.due.followUpDays > LIMITS.followUpDays)
  )
    return 'badFollowUp' as const;
  return undefined;
}

export function sameOwner(a: Owner, b: Owner): boolean {
  return a.kind === 'department'
    ? b.kind === 'department' && a.departmentId === b.departmentId
    : b.kind === 'person' && a.personId === b.personId;
}
