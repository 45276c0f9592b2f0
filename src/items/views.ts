import { plainText } from '../cards/plain-text.js';
import { renderCard, type Card } from '../cards/card.js';
import { formatDay, formatMoment } from '../i18n/dates.js';
import type { Reader } from '../i18n/reader.js';
import type { DashboardLink } from '../tab/deep-link.js';
import {
  ACTIVE_STATUSES,
  isActive,
  LIMITS,
  type ActionItem,
  type Due,
  type HistoryEntry,
} from './item.js';
import type { EffectiveDue, ItemView } from './service.js';

// The item views' readers are the shared Reader; callers import it from here.
export type { Reader };

/** Names of the people, departments and meetings (#N) history entries mention, in both languages. */
export type NameOf = (id: string) => { readonly ja: string; readonly en: string } | undefined;

/** How a card is shown: a ping (several items, owner buttons) or one item's detail. */
export type CardView = 'ping' | 'detail';

/** What the reader may do on each item of the card. */
export interface Permissions {
  /** Done, progress, snooze, blocked, working on it. */
  readonly canAct: (item: ActionItem) => boolean;
  /** Edit, reassign, cancel. */
  readonly canManage: boolean;
}

/** 令和8年11月24日（火） / 2026-11-24 (Tue) for a YYYY-MM-DD local date. */
export function dayText(date: string, reader: Pick<Reader, 'locale'>): string {
  // Noon UTC of that date is the same calendar day in UTC, where it is formatted.
  const instant = new Date(`${date}T12:00:00Z`);
  return formatDay(instant, reader.locale, 'UTC');
}

/** The due as the reader reads it, marked when late. */
export function dueText(due: EffectiveDue, overdue: boolean, reader: Reader): string {
  let text: string;
  if (due.kind === 'asap') text = reader.t('item.due.asap', { days: due.followUpDays });
  else if (due.kind === 'meetingGone') text = reader.t('item.due.meetingGone');
  else if (due.meeting)
    text = reader.t('item.due.nextMeeting', { date: dayText(due.date, reader) });
  else text = dayText(due.date, reader);
  return overdue ? reader.t('item.due.overdue', { due: text }) : text;
}

/** A stored due (for history): dates and "as soon as possible" as read; a meeting by its number. */
function storedDueText(due: Due, reader: Reader, names: NameOf): string {
  if (due.kind === 'date') return dayText(due.date, reader);
  if (due.kind === 'asap') return reader.t('item.due.asap', { days: due.followUpDays });
  return reader.t('item.due.meeting', { meeting: names(due.meetingId)?.[reader.locale] ?? '…' });
}

export function statusText(item: Pick<ActionItem, 'status'>, reader: Reader): string {
  return reader.t(`item.status.${item.status}`);
}

/** "#6 title" for chat and cards: the title is shown as typed, never as markdown. */
export function itemHeading(item: Pick<ActionItem, 'number' | 'title'>, reader: Reader): string {
  return reader.t('item.heading', { number: item.number, title: plainText(item.title) });
}

const when = (iso: string, reader: Reader) =>
  formatMoment(new Date(iso), reader.locale, reader.timeZone);

function nameIn(id: string, names: NameOf, reader: Reader): string {
  if (id === 'system') return reader.t('item.system');
  return names(id)?.[reader.locale] ?? id;
}

function ownerText(owner: ActionItem['owner'], names: NameOf, reader: Reader): string {
  return nameIn(owner.kind === 'department' ? owner.departmentId : owner.personId, names, reader);
}

/** One history entry as a line: when, who, what. */
/** A change's before and after, each said the same way. */
function fromTo<T>(change: { from: T; to: T }, say: (value: T) => string) {
  return { from: say(change.from), to: say(change.to) };
}

export function historyLine(entry: HistoryEntry, names: NameOf, reader: Reader): string {
  const { t } = reader;
  const change = entry.change;
  const owner = (o: ActionItem['owner']) => ownerText(o, names, reader);
  const due = (d: Due) => storedDueText(d, reader, names);
  let what: string;
  switch (change.type) {
    case 'created':
      what = t('item.history.created');
      break;
    case 'edited':
      what = t('item.history.edited', {
        fields: change.fields.map((f) => t(`item.field.${f}`)),
      });
      break;
    case 'reassigned':
      what = t('item.history.reassigned', fromTo(change, owner));
      break;
    case 'status': {
      const from = t(`item.status.${change.from}`);
      const to = t(`item.status.${change.to}`);
      const reopened =
        !ACTIVE_STATUSES.includes(change.from) && ACTIVE_STATUSES.includes(change.to);
      const [plain, withReason] = reopened
        ? (['item.history.reopened', 'item.history.reopenedReason'] as const)
        : (['item.history.status', 'item.history.statusReason'] as const);
      what = change.reason
        ? t(withReason, { from, to, reason: plainText(change.reason) })
        : t(plain, { from, to });
      break;
    }
    case 'progress':
      what = t('item.history.progress', { text: plainText(change.text) });
      break;
    case 'snoozed':
      what = t('item.history.snoozed', { days: change.days, until: when(change.until, reader) });
      break;
    case 'dueChanged':
      what = t('item.history.dueChanged', fromTo(change, due));
      break;
  }
  return t('item.history.line', {
    when: when(entry.at, reader),
    name: nameIn(entry.by, names, reader),
    what,
  });
}

interface ItemData {
  readonly id: string;
  readonly heading: string;
  readonly detail: string;
  readonly facts: ReadonlyArray<{ readonly title: string; readonly value: string }>;
  readonly quote: string;
  readonly progress: ReadonlyArray<{ readonly text: string }>;
  readonly history: ReadonlyArray<{ readonly text: string }>;
  readonly canAct: boolean;
  readonly inProgress: boolean;
  readonly canManage: boolean;
  /** Right after it was closed: the "Undo" button that reopens it. */
  readonly canUndo: boolean;
  readonly showDetails: boolean;
  /** The dashboard tab on this item; none when there is no tab in Teams to open. */
  readonly dashboardUrl?: string | undefined;
  readonly noteId: string;
  readonly reasonId: string;
}

/** Input ids of an item's progress and reason boxes (unique in a card of several items). */
export const noteInputId = (item: Pick<ActionItem, 'number'>) => `note-${item.number}`;
export const reasonInputId = (item: Pick<ActionItem, 'number'>) => `reason-${item.number}`;

function itemData(
  view: ItemView,
  reader: Reader,
  options: {
    names: NameOf;
    permissions: Permissions;
    detailed: boolean;
    groupLine?: string;
    undo?: string;
    dashboardLink?: DashboardLink | undefined;
  },
): ItemData {
  const { item } = view;
  const { t } = reader;
  const facts: Array<{ title: string; value: string }> = [
    { title: t('item.fact.owner'), value: view.ownerName[reader.locale] },
    { title: t('item.fact.due'), value: dueText(view.due, view.overdue, reader) },
    { title: t('item.fact.status'), value: statusText(item, reader) },
  ];
  if (item.blockedReason)
    facts.push({ title: t('item.fact.blocked'), value: plainText(item.blockedReason) });
  if (view.reportMeeting && !(item.due.kind === 'nextMeeting'))
    facts.push({
      title: t('item.fact.report'),
      value: t('item.reportAt', {
        date: formatMoment(new Date(view.reportMeeting.startsAt), reader.locale, reader.timeZone),
      }),
    });
  if (view.sourceMeeting)
    facts.push({ title: t('item.fact.source'), value: plainText(view.sourceMeeting.title) });
  if (item.snoozedUntil && isActive(item) && options.detailed)
    facts.push({ title: t('item.fact.snoozed'), value: when(item.snoozedUntil, reader) });
  if (options.groupLine) facts.push({ title: t('item.fact.group'), value: options.groupLine });
  const canAct = isActive(item) && options.permissions.canAct(item);
  return {
    id: item.id,
    heading: itemHeading(item, reader),
    detail: options.detailed && item.detail ? plainText(item.detail) : '',
    facts,
    quote: item.source?.quote ? t('item.quote', { quote: plainText(item.source.quote) }) : '',
    progress: options.detailed
      ? item.progress.map((note) => ({
          text: t('item.progress.line', {
            when: when(note.at, reader),
            name: nameIn(note.by, options.names, reader),
            text: plainText(note.text),
          }),
        }))
      : [],
    history: options.detailed
      ? item.history.map((entry) => ({ text: historyLine(entry, options.names, reader) }))
      : [],
    canAct,
    inProgress: item.status === 'inProgress',
    canManage: options.detailed && isActive(item) && options.permissions.canManage,
    canUndo: !isActive(item) && options.undo === item.id,
    showDetails: !options.detailed,
    dashboardUrl: options.dashboardLink?.({ kind: 'item', number: item.number }),
    noteId: noteInputId(item),
    reasonId: reasonInputId(item),
  };
}

function labels(reader: Reader) {
  const { t } = reader;
  return {
    done: t('item.button.done'),
    progress: t('item.button.progress'),
    snooze: t('item.button.snooze'),
    snooze1: t('item.button.snooze1'),
    snooze3: t('item.button.snooze3'),
    snooze7: t('item.button.snooze7'),
    blocked: t('item.button.blocked'),
    start: t('item.button.start'),
    save: t('item.button.save'),
    show: t('item.button.show'),
    dashboard: t('tab.open'),
    edit: t('item.button.edit'),
    reassign: t('item.button.reassign'),
    cancel: t('item.button.cancel'),
    undo: t('item.button.undo'),
    note: t('item.input.note'),
    reason: t('item.input.reason'),
    noteMissing: t('item.error.noteMissing'),
    reasonMissing: t('item.error.reasonMissing'),
  };
}

export interface Notice {
  readonly text: string;
  readonly tone: 'good' | 'warning';
}

function cardOf(
  views: readonly ItemView[],
  reader: Reader,
  options: {
    view: CardView;
    title: string;
    intro: string;
    notice?: Notice | undefined;
    late?: string;
    names: NameOf;
    permissions: Permissions;
    groupLine?: string;
    undo?: string | undefined;
    dashboardLink?: DashboardLink | undefined;
  },
): Card {
  const detailed = options.view === 'detail';
  return renderCard('item-card', {
    title: options.title,
    intro: options.intro,
    notice: options.notice?.text ?? '',
    late: options.late ?? '',
    noticeColor: options.notice?.tone === 'warning' ? 'Attention' : 'Good',
    view: options.view,
    itemIds: views.map((v) => v.item.id).join(','),
    items: views.map((v) =>
      itemData(v, reader, {
        names: options.names,
        permissions: options.permissions,
        detailed,
        ...(options.groupLine ? { groupLine: options.groupLine } : {}),
        ...(options.undo ? { undo: options.undo } : {}),
        dashboardLink: options.dashboardLink,
      }),
    ),
    labels: labels(reader),
    progressHeading: reader.t('item.progress.heading'),
    historyHeading: reader.t('item.history.heading'),
    noteMax: LIMITS.note,
    reasonMax: LIMITS.reason,
  });
}

/**
 * The card a ping sends: each item with its due (marked when late), status,
 * source meeting and the quote from the minutes, and the owner's buttons
 * (Done, Add progress, Snooze 1d/3d/1w, Blocked with a reason, Working on it).
 * Pressing one redraws this card with the same items and a notice.
 * `canAct` decides who sees the buttons (by default everyone the card is sent to: its owners).
 */
export function pingCard(
  views: readonly ItemView[],
  reader: Reader,
  options: {
    notice?: Notice;
    names?: NameOf;
    canAct?: (item: ActionItem) => boolean;
    title?: string;
    /** Said under the notice when the scheduled ping goes out late (after downtime). */
    late?: string;
    /** The id of the item just closed on this card: it gets an "Undo" button. */
    undo?: string | undefined;
    /** Each item's "Open in dashboard" link (none without one). */
    dashboardLink?: DashboardLink;
  } = {},
): Card {
  return cardOf(views, reader, {
    view: 'ping',
    title: options.title ?? reader.t('item.ping.title'),
    intro: reader.t(views.length === 1 ? 'item.ping.introOne' : 'item.ping.intro'),
    notice: options.notice,
    ...(options.late ? { late: options.late } : {}),
    names: options.names ?? (() => undefined),
    permissions: { canAct: options.canAct ?? (() => true), canManage: false },
    undo: options.undo,
    dashboardLink: options.dashboardLink,
  });
}

/** One item with its detail, progress notes and full history; staff also get edit, reassign, cancel. */
export function detailCard(
  view: ItemView,
  reader: Reader,
  options: {
    notice?: Notice | undefined;
    names: NameOf;
    permissions: Permissions;
    /** For a fanned-out item: how its group stands. */
    groupLine?: string;
    /** Set when the item was just closed here: it gets an "Undo" button. */
    undo?: string | undefined;
    /** Said under the title (e.g. that notes and history are the owner's). */
    intro?: string;
    /** The item's "Open in dashboard" link (none without one). */
    dashboardLink?: DashboardLink;
  },
): Card {
  return cardOf([view], reader, {
    view: 'detail',
    title: reader.t('item.detail.title'),
    intro: options.intro ?? '',
    notice: options.notice,
    names: options.names,
    permissions: options.permissions,
    ...(options.groupLine ? { groupLine: options.groupLine } : {}),
    undo: options.undo,
    dashboardLink: options.dashboardLink,
  });
}

/**
 * The answer to a word reply or text command that closed an item: what was
 * recorded, and an "Undo" button, for a Done tapped or typed by mistake.
 */
export function undoCard(text: string, item: Pick<ActionItem, 'id'>, reader: Reader): Card {
  return renderCard('item-undo', {
    text,
    undoLabel: reader.t('item.button.undo'),
    itemId: item.id,
  });
}
