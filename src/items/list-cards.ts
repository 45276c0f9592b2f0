import { plainText } from '../cards/plain-text.js';
import type { ItemUses } from './deps.js';
import { renderCard, type Card } from '../cards/card.js';
import type { MessageKey } from '../i18n/catalog.js';
import { formatMoment } from '../i18n/dates.js';
import { ITEM_STATUSES, type ActionItem } from './item.js';
import type { ItemView, MeetingSummary } from './service.js';
import { dueText, itemHeading, statusText, type Reader } from './views.js';

/** The list cards: rows of items (grouped or not), the filters, a meeting's summary. */

/** Choice values meaning "no filter" and "no meeting" (a choice's value cannot be empty). */
export const ALL_DEPARTMENTS = 'all';
export const ACTIVE = 'active';

interface Row {
  readonly heading: string;
  readonly line: string;
  /** item.show for one item, item.list for a group ("every department"). */
  readonly verb: 'item.show' | 'item.list';
  readonly itemId: string;
  readonly groupId: string;
}

export interface Section {
  /** Empty: no heading (a single section under a subtitle that says it all). */
  readonly heading: string;
  readonly color: 'Default' | 'Good' | 'Attention' | 'Warning';
  readonly empty: string;
  readonly rows: readonly Row[];
}

export function rowOf(view: ItemView, reader: Reader, extra: string[] = []): Row {
  const { item } = view;
  const parts = [
    view.ownerName[reader.locale],
    dueText(view.due, view.overdue, reader),
    statusText(item, reader),
    ...extra,
  ];
  return {
    heading: itemHeading(item, reader),
    line: parts.join(' · '),
    verb: 'item.show',
    itemId: item.id,
    groupId: '',
  };
}

/**
 * Rows of a list, one per "every department" request instead of one per
 * department: the group sits where its most urgent item would, and opens as
 * its own list.
 */
export async function groupedRows(
  services: ItemUses,
  views: readonly ItemView[],
  reader: Reader,
): Promise<Row[]> {
  const rows: Row[] = [];
  const shown = new Set<string>();
  const byGroup = views.some((v) => v.item.groupId)
    ? await services.items.groups()
    : new Map<string, ActionItem[]>();
  for (const view of views) {
    const groupId = view.item.groupId;
    if (!groupId) {
      rows.push(rowOf(view, reader));
      continue;
    }
    if (shown.has(groupId)) continue;
    shown.add(groupId);
    const members = await services.items.viewsOf(byGroup.get(groupId) ?? [view.item]);
    const numbers = members.map((m) => m.item.number).sort((a, b) => a - b);
    const late = members.filter((m) => m.overdue).length;
    rows.push({
      heading: reader.t('item.list.groupHeading', {
        from: numbers[0] ?? '',
        to: numbers.at(-1) ?? '',
        title: plainText(view.item.title),
      }),
      line: [
        reader.t('item.list.groupOwners', { count: members.length }),
        dueText(view.due, false, reader),
        reader.t('item.list.groupDone', {
          done: members.filter((m) => m.item.status === 'done').length,
          count: members.length,
        }),
        ...(late > 0 ? [reader.t('item.list.groupLate', { count: late })] : []),
      ].join(' · '),
      verb: 'item.list',
      itemId: '',
      groupId,
    });
  }
  return rows;
}

export function listCard(
  reader: Reader,
  input: {
    title: string;
    subtitle?: string;
    sections: readonly Section[];
    filters?: {
      values: { department: string; status: string; overdue: string };
      departmentChoices: ReadonlyArray<{ title: string; value: string }>;
    };
  },
): Card {
  const { t } = reader;
  return renderCard('item-list', {
    title: input.title,
    subtitle: input.subtitle ?? '',
    sections: input.sections,
    filters: Boolean(input.filters),
    values: input.filters?.values ?? {
      department: ALL_DEPARTMENTS,
      status: ACTIVE,
      overdue: 'false',
    },
    departmentChoices: [
      { title: t('item.list.allDepartments'), value: ALL_DEPARTMENTS },
      ...(input.filters?.departmentChoices ?? []),
    ],
    statusChoices: [
      { title: t('item.list.active'), value: ACTIVE },
      ...ITEM_STATUSES.map((s) => ({ title: t(`item.status.${s}`), value: s })),
      { title: t('item.list.allStatuses'), value: 'all' },
    ],
    labels: {
      department: t('item.list.department'),
      status: t('item.list.status'),
      overdue: t('item.list.overdueOnly'),
      apply: t('item.list.apply'),
    },
  });
}

/** What a meeting's agenda reports: done, late, still open, cancelled. */
export function summaryCard(summary: MeetingSummary, reader: Reader): Card {
  const { t } = reader;
  const latest = (view: ItemView) => {
    const note = view.item.progress.at(-1);
    return note ? [t('item.summary.latest', { text: plainText(note.text) })] : [];
  };
  const section = (
    heading: MessageKey,
    color: Section['color'],
    views: readonly ItemView[],
  ): Section => ({
    heading: t(heading, { count: views.length }),
    color,
    empty: t('item.summary.none'),
    rows: views.map((v) => rowOf(v, reader, latest(v))),
  });
  return listCard(reader, {
    title: t('item.summary.title', { number: summary.meeting.number }),
    subtitle: `${plainText(summary.meeting.title)} · ${formatMoment(new Date(summary.meeting.startsAt), reader.locale, reader.timeZone)}`,
    sections: [
      section('item.summary.done', 'Good', summary.done),
      section('item.summary.late', 'Attention', summary.late),
      section('item.summary.open', 'Default', summary.open),
      ...(summary.cancelled.length > 0
        ? [section('item.summary.cancelled', 'Default', summary.cancelled)]
        : []),
    ],
  });
}
