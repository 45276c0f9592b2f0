import type { DirectoryService } from '../../domain/directory-service.js';
import { allows, Audience } from '../../domain/roles.js';
import { isActive, type ItemStatus } from '../../items/item.js';
import type { ActionItemService, ItemView } from '../../items/service.js';
import { dayText, dueText, type Reader } from '../../items/views.js';
import { itemAsSeenBy } from '../../items/visibility.js';
import type { Badge, Block, BoardBlock } from '../model.js';
import { section, type SectionContext, type SectionProvider } from './section.js';

/** Done items stay on the board this long, so a meeting sees what was finished since the last one. */
export const RECENTLY_DONE_DAYS = 14;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The board's columns, in order. Cancelled items are not on the board. */
const COLUMNS: readonly ItemStatus[] = ['open', 'inProgress', 'blocked', 'done'];

type Card = BoardBlock['lanes'][number]['cells'][number][number];

/** Whole days from one local date (YYYY-MM-DD) to a later one. */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/**
 * The action items of the departments the viewer may read, as a board: one
 * lane per department, one column per status, most urgent first in each cell.
 * An item belongs to its owning department, or, when a person owns it, to
 * that person's department; the same filter the bot's lists use. Late items
 * carry a "期限切れ n日 / n days overdue" badge, so lateness is said in words,
 * not only by the card's red border.
 */
export function itemsSection(
  items: ActionItemService,
  directory: DirectoryService,
): SectionProvider {
  return section('items', Audience.directory, async (context: SectionContext): Promise<Block[]> => {
    const { viewer, t, locale, timeZone, now, departmentIds } = context;
    const reader: Reader = { locale, t, timeZone };
    const [departments, people, views] = await Promise.all([
      directory.listDepartments(),
      directory.listPeople(),
      items.listViews({ statuses: COLUMNS }, now),
    ]);
    const departmentOfPerson = new Map(people.map((p) => [p.id, p.departmentId]));
    const laneOf = (view: ItemView) =>
      view.item.owner.kind === 'department'
        ? view.item.owner.departmentId
        : departmentOfPerson.get(view.item.owner.personId);
    const today = items.today(now);
    const doneSince = now.getTime() - RECENTLY_DONE_DAYS * DAY_MS;
    const shown = views.filter(
      (v) => v.item.status !== 'done' || Date.parse(v.item.doneAt ?? v.item.updatedAt) >= doneSince,
    );

    // Items of people without a department (the chair) belong to no lane; staff
    // looking at every department see them in a lane of their own.
    const everyDepartment =
      allows(Audience.staff, viewer.role) && departments.every((d) => departmentIds.includes(d.id));
    const lanes: Array<{ label: string; views: ItemView[] }> = departments
      .filter((d) => departmentIds.includes(d.id))
      .map((d) => ({
        label: d.name[locale],
        views: shown.filter((v) => laneOf(v) === d.id),
      }));
    if (everyDepartment) {
      const known = new Set(departments.map((d) => d.id));
      const unplaced = shown.filter((v) => {
        const lane = laneOf(v);
        return lane === undefined || !known.has(lane);
      });
      if (unplaced.length) lanes.push({ label: t('tab.items.noDepartment'), views: unplaced });
    }
    const onBoard = lanes.flatMap((l) => l.views);
    if (!onBoard.length) return [];

    const card = (view: ItemView): Card => {
      const { item } = view;
      const lines: string[] = [];
      if (item.status === 'done')
        lines.push(
          t('tab.items.doneOn', {
            date: dayText(items.today(new Date(item.doneAt ?? item.updatedAt)), reader),
          }),
        );
      else lines.push(t('tab.items.due', { due: dueText(view.due, false, reader) }));
      if (item.owner.kind === 'person')
        lines.push(t('tab.items.owner', { name: view.ownerName[locale] }));
      // A lane the viewer may see can still hold items whose notes are not theirs to read.
      const reason = itemAsSeenBy(viewer, item, laneOf(view))?.blockedReason;
      if (item.status === 'blocked' && reason)
        lines.push(t('tab.items.blockedBecause', { reason }));
      let badge: Badge | undefined;
      if (view.overdue && view.due.kind === 'date') {
        const days = daysBetween(view.due.date, today);
        badge = {
          text: days === 1 ? t('tab.items.overdueOneDay') : t('tab.items.overdue', { days }),
          tone: 'alert',
        };
      } else if (isActive(item) && view.due.kind === 'asap')
        badge = { text: t('tab.items.asap'), tone: 'warning' };
      // Its meeting was cancelled: nobody is asked about it until the secretariat sets a new due.
      else if (isActive(item) && view.due.kind === 'meetingGone')
        badge = { text: t('tab.items.noDue'), tone: 'warning' };
      return {
        // The page escapes HTML itself: the title goes as typed, not escaped for markdown.
        title: t('item.heading', { number: item.number, title: item.title }),
        // One fact per line: the page keeps the line breaks of a board card's detail.
        detail: lines.join('\n'),
        ...(badge ? { badge } : {}),
      };
    };

    const count = (status: ItemStatus) => onBoard.filter((v) => v.item.status === status).length;
    const active = onBoard.filter((v) => isActive(v.item));
    const overdue = active.filter((v) => v.overdue).length;
    const columnLabel = (status: ItemStatus) =>
      t('tab.items.column', { status: t(`item.status.${status}`), count: count(status) });
    return [
      {
        kind: 'facts',
        facts: [
          { label: t('tab.items.active'), value: t('tab.items.count', { count: active.length }) },
          { label: t('tab.items.late'), value: t('tab.items.count', { count: overdue }) },
          {
            label: t('tab.items.doneRecently', { days: RECENTLY_DONE_DAYS }),
            value: t('tab.items.count', { count: count('done') }),
          },
        ],
      },
      {
        kind: 'board',
        caption: t('tab.items.caption', { days: RECENTLY_DONE_DAYS }),
        columns: COLUMNS.map(columnLabel),
        stages: COLUMNS.map((status) => t(`item.status.${status}`)),
        lanes: lanes.map((lane) => {
          const late = lane.views.filter((v) => v.overdue).length;
          return {
            label: late ? t('tab.items.laneLate', { lane: lane.label, count: late }) : lane.label,
            cells: COLUMNS.map((status) =>
              lane.views.filter((v) => v.item.status === status).map(card),
            ),
          };
        }),
      },
    ];
  });
}
