import type { ActionSpec, CommandSpec } from '../app/router.js';
import type { ItemUses } from './deps.js';
import type { Turn } from '../app/turn.js';
import type { Card } from '../cards/card.js';
import { Audience } from '../domain/roles.js';
import { textOf } from './form.js';
import { ITEM_STATUSES, type ItemStatus } from './item.js';
import { detailOf, itemVerb, meetingNamed, pingOf, readerOf, withItem } from './present.js';
import {
  ACTIVE,
  ALL_DEPARTMENTS,
  groupedRows,
  listCard,
  rowOf,
  summaryCard,
} from './list-cards.js';
import { filtersOf, readListQuery, type ListQuery } from './list-query.js';

/**
 * Teams refuses cards over about 28 KB: "my items" shows the most urgent
 * items with their buttons, lists the first rows (filters narrow them).
 */
const MAX_CARD_ITEMS = 10;
const MAX_LIST_ROWS = 50;

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
      const meeting = await meetingNamed(services, turn.args, () => services.meetings.next());
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
    itemVerb(services, 'item.show', Audience.directory, async (turn, item) => ({
      card: await detailOf(services, turn, item),
    })),
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
