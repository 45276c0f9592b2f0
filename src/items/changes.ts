import {
  ACTIVE_STATUSES,
  type ActionItem,
  type Due,
  type ItemChange,
  type ItemDraft,
  type ItemStatus,
} from './item.js';

// How a change to an item is computed, apart from storing it: pure functions of the stored item.

/** A copy without these keys: an optional field is cleared by leaving it out, never set to undefined. */
export const withoutKeys = <T extends object>(value: T, keys: readonly string[]): T =>
  Object.fromEntries(Object.entries(value).filter(([key]) => !keys.includes(key))) as T;

/** A status change with its history entry; clears what belonged to the old status. */
export function statusChange(
  current: ActionItem,
  to: ItemStatus,
  at: string,
  reason?: string,
): { next: ActionItem; change: ItemChange } {
  const cleared = withoutKeys(current, ['blockedReason', 'snoozedUntil', 'doneAt', 'cancelReason']);
  return {
    next: {
      ...cleared,
      status: to,
      ...(to === 'blocked' && reason ? { blockedReason: reason } : {}),
      ...(to === 'cancelled' && reason ? { cancelReason: reason } : {}),
      ...(to === 'done' ? { doneAt: at } : {}),
    },
    change: {
      type: 'status',
      from: current.status,
      to,
      ...(reason ? { reason } : {}),
    },
  };
}

/**
 * What a closed item was before it was closed: the `from` of the status entry
 * that closed it. Blocked comes back only with the reason it was blocked for
 * (from the entry that blocked it); without one it is in progress, as someone
 * had been working on it. An item with no such entry starts again as open.
 */
export function statusBeforeClosing(item: Pick<ActionItem, 'status' | 'history'>): {
  readonly status: ItemStatus;
  readonly blockedReason?: string;
} {
  const entries = item.history.map((h) => h.change);
  const closing = entries.findLastIndex((c) => c.type === 'status' && c.to === item.status);
  const closed = entries[closing];
  const from = closed?.type === 'status' ? closed.from : 'open';
  if (!ACTIVE_STATUSES.includes(from)) return { status: 'open' };
  if (from !== 'blocked') return { status: from };
  const blocking = entries
    .slice(0, closing)
    .findLast((c) => c.type === 'status' && c.to === 'blocked');
  const reason = blocking?.type === 'status' ? blocking.reason : undefined;
  return reason ? { status: 'blocked', blockedReason: reason } : { status: 'inProgress' };
}

/** A new, open item from a checked draft; `by` is the creator's actor id. */
export function newItem(
  draft: ItemDraft,
  made: { id: string; number: number; groupId: string | undefined; by: string; at: string },
): ActionItem {
  const { at, by, groupId } = made;
  return {
    ...clean(draft),
    id: made.id,
    number: made.number,
    ...(groupId ? { groupId } : {}),
    status: 'open',
    progress: [],
    createdAt: at,
    createdBy: by,
    updatedAt: at,
    history: [{ at, by, change: { type: 'created' } }],
  };
}

/** Trims texts and drops empty optional fields, so stored drafts compare equal. */
export function clean<T extends ItemDraft>(draft: T): T {
  const quote = draft.source?.quote.trim();
  const { source: _source, reportMeetingId: _report, ...rest } = draft;
  return {
    ...rest,
    title: draft.title.trim(),
    detail: draft.detail.trim(),
    due: normaliseDue(draft.due),
    ...(draft.source ? { source: { meetingId: draft.source.meetingId, quote: quote ?? '' } } : {}),
    ...(draft.reportMeetingId ? { reportMeetingId: draft.reportMeetingId } : {}),
  } as T;
}

function normaliseDue(due: Due): Due {
  switch (due.kind) {
    case 'date':
      return { kind: 'date', date: due.date };
    case 'asap':
      return { kind: 'asap', followUpDays: due.followUpDays };
    case 'nextMeeting':
      return { kind: 'nextMeeting', meetingId: due.meetingId };
  }
}
