import { plainText } from '../cards/plain-text.js';
import type { ActionSpec, CommandSpec } from '../app/router.js';
import type { ItemUses } from './deps.js';
import type { Turn } from '../app/turn.js';
import { renderCard, type Card } from '../cards/card.js';
import { Audience } from '../domain/roles.js';
import type { MessageKey } from '../i18n/catalog.js';
import { formatMoment } from '../i18n/dates.js';
import { EVERY_DEPARTMENT, readOwner, textOf } from './form.js';
import { ACTIVE_STATUSES, ITEM_STATUSES, type ActionItem, type ItemStatus } from './item.js';
import type { ItemFilters, ItemView, MeetingSummary } from './service.js';
import { dueText, itemHeading, statusText, type Reader } from './views.js';
import { detailOf, itemOf, notFound, pingOf, readerOf, withItem } from './present.js';

/** Choice values meaning "no filter" and "no meeting" (a choice's value cannot be empty). */
const ALL_DEPARTMENTS = 'all';
const ACTIVE = 'active';

/**
 * Teams refuses cards over about 28 KB: "my items" shows the most urgent
 * items with their buttons, lists the first rows (filters narrow them).
 */
const MAX_CARD_ITEMS = 10;
const MAX_LIST_ROWS = 50;

interface Row {
  readonly heading: string;
  readonly line: string;
  /** item.show for one item, item.list for a group ("every department"). */
  readonly verb: 'item.show' | 'item.list';
  readonly itemId: string;
  readonly groupId: string;
}

interface Section {
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
async function groupedRows(
  services: ItemUses,
  views: readonly ItemView[],
  reader: Reader,
): Promise<Row[]> {
  const rows: Row[] = [];
  const shown = new Set<string>();
  const byGroup = new Map<string, ActionItem[]>();
  if (views.some((v) => v.item.groupId)) {
    for (const item of await services.items.repository.all()) {
      if (item.groupId) byGroup.set(item.groupId, [...(byGroup.get(item.groupId) ?? []), item]);
    }
  }
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

interface ListQuery {
  readonly departmentId?: string;
  /** '' = active ones, 'all', or one status. */
  readonly status: string;
  readonly overdue: boolean;
  readonly groupId?: string;
}

const STATUS_WORDS: ReadonlyArray<[RegExp, string]> = [
  [/^(未着手|open)$/i, 'open'],
  [/^(対応中|inprogress|in-progress)$/i, 'inProgress'],
  [/^(対応不可|blocked)$/i, 'blocked'],
  [/^(完了|done)$/i, 'done'],
  [/^(取消|取り消し|cancelled|canceled)$/i, 'cancelled'],
  [/^(全て|すべて|全件|all)$/i, 'all'],
];

/** 宿題一覧 区民部 期限切れ / items overdue done: department, status and lateness in any order. */
async function readListQuery(
  services: ItemUses,
  args: string,
): Promise<{ ok: true; query: ListQuery } | { ok: false; word: string }> {
  let status = '';
  let overdue = false;
  let departmentId: string | undefined;
  const departments = await services.directory.listDepartments();
  const people = await services.directory.listPeople();
  // "in progress" is one status, though two words.
  const words = args
    .replace(/\bin progress\b/gi, 'inprogress')
    .split(/\s+/)
    .filter(Boolean);
  for (const word of words) {
    const statusWord = STATUS_WORDS.find(([pattern]) => pattern.test(word))?.[1];
    if (statusWord) status = statusWord;
    else if (/^(期限切れ|遅延|overdue|late)$/i.test(word)) overdue = true;
    else {
      const owner = readOwner(word, departments, people);
      if (!owner || owner === EVERY_DEPARTMENT || owner.kind !== 'department')
        return { ok: false, word };
      departmentId = owner.departmentId;
    }
  }
  return { ok: true, query: { status, overdue, ...(departmentId ? { departmentId } : {}) } };
}

function filtersOf(query: ListQuery): ItemFilters {
  const statuses: readonly ItemStatus[] | undefined =
    query.status === 'all'
      ? undefined
      : query.status === ''
        ? ACTIVE_STATUSES
        : ITEM_STATUSES.filter((s) => s === query.status);
  return {
    ...(statuses ? { statuses } : {}),
    ...(query.departmentId ? { departmentId: query.departmentId } : {}),
    ...(query.overdue ? { overdue: true } : {}),
    ...(query.groupId ? { groupId: query.groupId } : {}),
  };
}

async function listFor(services: ItemUses, turn: Turn, query: ListQuery): Promise<Card> {
  const reader = readerOf(services, turn);
  const views = await services.items.listViews(filtersOf(query));
  const allRows =
    query.departmentId || query.groupId
      ? views.map((v) => rowOf(v, reader))
      : await groupedRows(services, views, reader);
  const rows = allRows.slice(0, MAX_LIST_ROWS);
  const departments = await services.directory.listDepartments();
  const parts: string[] = [];
  const department = departments.find((d) => d.id === query.departmentId);
  if (department) parts.push(department.name[turn.locale]);
  parts.push(
    query.status === ''
      ? turn.t('item.list.active')
      : query.status === 'all'
        ? turn.t('item.list.allStatuses')
        : turn.t(`item.status.${query.status as ItemStatus}`),
  );
  if (query.overdue) parts.push(turn.t('item.list.overdueOnly'));
  return listCard(reader, {
    title: turn.t('item.list.title'),
    subtitle: [
      turn.t('item.list.subtitle', { count: views.length, filters: parts.join(' · ') }),
      ...(allRows.length > rows.length ? [turn.t('item.list.more', { shown: rows.length })] : []),
    ].join('\n'),
    sections: [
      {
        // The subtitle already gives the count.
        heading: '',
        color: 'Default',
        empty: turn.t('item.list.empty'),
        rows,
      },
    ],
    filters: {
      values: {
        department: query.departmentId ?? ALL_DEPARTMENTS,
        status: query.status || ACTIVE,
        overdue: String(query.overdue),
      },
      departmentChoices: departments.map((d) => ({ title: d.name[turn.locale], value: d.id })),
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

async function showMine(services: ItemUses, turn: Turn): Promise<void> {
  const views = await services.items.listOpenForActor(turn.actor);
  if (views.length === 0) return turn.reply(turn.t('item.mine.none'));
  const shown = views.slice(0, MAX_CARD_ITEMS);
  if (turn.actor.person) {
    await services.items.rememberPinged(
      turn.actor.person.id,
      shown.map((v) => v.item.id),
    );
  }
  const more =
    views.length > shown.length
      ? {
          notice: {
            text: turn.t('item.mine.more', { shown: shown.length }),
            tone: 'good' as const,
          },
        }
      : {};
  await turn.reply({
    card: await pingOf(
      services,
      turn,
      shown.map((v) => v.item),
      { title: turn.t('item.mine.title', { count: views.length }), ...more },
    ),
    summary: turn.t('item.mine.title', { count: views.length }),
  });
}

/** Seeing items: my items, the filtered list, one item's detail. */
export function browseCommands(services: ItemUses): CommandSpec[] {
  return [
    {
      id: 'item.mine',
      words: {
        ja: ['自分の宿題', '私の宿題', 'わたしの宿題'],
        en: ['my items', 'my action items', 'my tasks'],
      },
      summary: 'item.cmd.mine',
      allowed: Audience.directory,
      handle: (turn) => showMine(services, turn),
    },
    {
      id: 'item.list',
      words: { ja: ['宿題一覧', '宿題の一覧'], en: ['items', 'action items', 'item list'] },
      summary: 'item.cmd.list',
      allowed: Audience.staff,
      handle: async (turn) => {
        const read = await readListQuery(services, turn.args);
        if (!read.ok) return turn.reply(turn.t('item.list.badFilter', { word: read.word }));
        await turn.reply({
          card: await listFor(services, turn, read.query),
          summary: turn.t('item.list.title'),
        });
      },
    },
    {
      id: 'item.show',
      words: { ja: ['宿題'], en: ['item'] },
      summary: 'item.cmd.show',
      allowed: Audience.directory,
      handle: async (turn) => {
        if (!turn.args) return showMine(services, turn);
        const found = await withItem(services, turn, 'item.usage.ref');
        if (!found) return;
        await turn.reply({
          card: await detailOf(services, turn, found.item),
          summary: found.item.title,
        });
      },
    },
  ];
}

/** The agenda's report of a meeting's items. */
export function reportCommand(services: ItemUses): CommandSpec {
  const { items } = services;
  return {
    id: 'item.report',
    words: { ja: ['宿題報告', '宿題の報告'], en: ['items report', 'item report'] },
    summary: 'item.cmd.report',
    allowed: Audience.staff,
    handle: async (turn) => {
      const meeting = turn.args
        ? await services.meetings.find(turn.args)
        : await services.meetings.next();
      if (!meeting)
        return turn.reply(
          turn.args
            ? turn.t('item.error.meetingNotFound', { ref: turn.args })
            : turn.t('item.summary.noMeeting'),
        );
      const summary = await items.summaryFor(meeting.id);
      if (!summary) return turn.reply(turn.t('item.error.meetingNotFound', { ref: turn.args }));
      await turn.reply({
        card: summaryCard(summary, readerOf(services, turn)),
        summary: turn.t('item.summary.title', { number: meeting.number }),
      });
    },
  };
}

/** Card verbs that show: an item's detail, and the list with its filters. */
export function browseActions(services: ItemUses): ActionSpec[] {
  return [
    {
      verb: 'item.show',
      allowed: Audience.directory,
      handle: async (turn) => {
        const item = await itemOf(services, turn);
        return item ? { card: await detailOf(services, turn, item) } : notFound(turn);
      },
    },
    {
      verb: 'item.list',
      allowed: Audience.staff,
      handle: async (turn) => {
        const status = textOf(turn.data, 'status');
        const department = textOf(turn.data, 'department');
        const departmentId = department === ALL_DEPARTMENTS ? '' : department;
        const groupId = textOf(turn.data, 'groupId');
        const query: ListQuery = {
          // A group opens with every status: which departments are done is the point.
          status:
            status === 'all' || (ITEM_STATUSES as readonly string[]).includes(status)
              ? status
              : groupId && !status
                ? 'all'
                : '',
          overdue: textOf(turn.data, 'overdue') === 'true',
          ...(departmentId ? { departmentId } : {}),
          ...(groupId ? { groupId } : {}),
        };
        return { card: await listFor(services, turn, query) };
      },
    },
  ];
}
