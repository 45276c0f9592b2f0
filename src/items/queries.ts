import type { Actor } from '../domain/directory.js';
import type { Meeting } from '../meetings/meeting.js';
import { ACTIVE_STATUSES, isActive, type ActionItem, type ItemStatus } from './item.js';
import { ItemRepository, type PingMemory } from './repository.js';
import type { ItemDeps } from './service.js';

/**
 * The due as it stands today: a local date (from the item, or the day of the
 * meeting it waits for, wherever that meeting is now), "as soon as possible",
 * or a meeting that was cancelled or deleted (the secretariat must set a new due).
 */
export type EffectiveDue =
  | { readonly kind: 'date'; readonly date: string; readonly meeting?: Meeting }
  | { readonly kind: 'asap'; readonly followUpDays: number }
  | { readonly kind: 'meetingGone'; readonly meetingId: string };

/** An item with what a card needs to show it: owner's name, effective due, lateness, source meeting. */
export interface ItemView {
  readonly item: ActionItem;
  readonly due: EffectiveDue;
  readonly overdue: boolean;
  readonly ownerName: { readonly ja: string; readonly en: string };
  readonly sourceMeeting?: Meeting;
  readonly reportMeeting?: Meeting;
}

export interface ItemFilters {
  readonly departmentId?: string;
  readonly personId?: string;
  /** Default: every status. */
  readonly statuses?: readonly ItemStatus[];
  readonly overdue?: boolean;
  readonly groupId?: string;
  /** Items from this meeting (their source). */
  readonly sourceMeetingId?: string;
}

/** What the next meeting's agenda reports about the items that come back to it. */
export interface MeetingSummary {
  readonly meeting: Meeting;
  readonly done: readonly ItemView[];
  readonly late: readonly ItemView[];
  readonly open: readonly ItemView[];
  readonly cancelled: readonly ItemView[];
}

/**
 * Reading action items: one item, filtered lists with their resolved dues and
 * names, a meeting's summary, and who was last pinged about what. The service
 * (src/items/service.ts) adds the changes on top.
 */
export class ItemQueries {
  protected readonly items: ItemRepository;

  constructor(protected readonly deps: ItemDeps) {
    this.items = new ItemRepository(deps.store);
  }

  protected now(): Date {
    return this.deps.clock.now();
  }

  /** Today's date (YYYY-MM-DD) in the committee's time zone. */
  today(now: Date = this.now()): string {
    return this.deps.calendar.localDate(now);
  }

  /** Every stored item, unsorted (the pings filter them before resolving views). */
  all(): Promise<ActionItem[]> {
    return this.items.all();
  }

  /** The items of each "every department" request, by group id. */
  async groups(): Promise<Map<string, ActionItem[]>> {
    const byGroup = new Map<string, ActionItem[]>();
    for (const item of await this.items.all()) {
      if (item.groupId) byGroup.set(item.groupId, [...(byGroup.get(item.groupId) ?? []), item]);
    }
    return byGroup;
  }

  get(id: string): Promise<ActionItem | undefined> {
    return this.items.get(id);
  }

  /** "#5", "5", "＃５" or the id. */
  async find(reference: string): Promise<ActionItem | undefined> {
    const text = reference.normalize('NFKC').trim();
    const number = /^#?(\d{1,9})$/.exec(text)?.[1];
    if (number) return this.items.byNumber(Number(number));
    return text ? this.items.get(text) : undefined;
  }

  /**
   * The due as it stands now. A "next meeting" due follows the meeting: when
   * the meeting moves, so does the due (its local date); a cancelled or
   * deleted meeting leaves the item without a date until the secretariat sets one.
   */
  async effectiveDue(
    item: Pick<ActionItem, 'due'>,
    meetingOf: (id: string) => Promise<Meeting | undefined> = (id) => this.deps.meetings.get(id),
  ): Promise<EffectiveDue> {
    const { due } = item;
    if (due.kind === 'date') return { kind: 'date', date: due.date };
    if (due.kind === 'asap') return { kind: 'asap', followUpDays: due.followUpDays };
    const meeting = await meetingOf(due.meetingId);
    if (!meeting || meeting.status === 'cancelled')
      return { kind: 'meetingGone', meetingId: due.meetingId };
    return { kind: 'date', date: this.today(new Date(meeting.startsAt)), meeting };
  }

  /** Late: still active and its due date is before today (local). */
  isOverdue(item: ActionItem, due: EffectiveDue, now: Date = this.now()): boolean {
    return isActive(item) && due.kind === 'date' && due.date < this.today(now);
  }

  /** Every item matching the filters, most urgent first (late, then by due; 早急に counts as today). */
  async list(filters: ItemFilters = {}): Promise<ActionItem[]> {
    return (await this.listViews(filters)).map((v) => v.item);
  }

  /** Like `list`, with the resolved due, lateness and names. */
  async listViews(filters: ItemFilters = {}, now: Date = this.now()): Promise<ItemView[]> {
    const people = filters.departmentId ? await this.deps.directory.listPeople() : [];
    const inDepartment = new Set(
      people.filter((p) => p.departmentId === filters.departmentId).map((p) => p.id),
    );
    const selected = (await this.items.all()).filter((item) => {
      if (filters.statuses && !filters.statuses.includes(item.status)) return false;
      if (filters.groupId && item.groupId !== filters.groupId) return false;
      if (filters.sourceMeetingId && item.source?.meetingId !== filters.sourceMeetingId)
        return false;
      if (
        filters.personId &&
        !(item.owner.kind === 'person' && item.owner.personId === filters.personId)
      )
        return false;
      if (filters.departmentId) {
        const owner = item.owner;
        const mine =
          owner.kind === 'department'
            ? owner.departmentId === filters.departmentId
            : inDepartment.has(owner.personId);
        if (!mine) return false;
      }
      return true;
    });
    const views = await this.viewsOf(selected, now);
    const filtered =
      filters.overdue === undefined ? views : views.filter((v) => v.overdue === filters.overdue);
    return sortByUrgency(filtered, this.today(now));
  }

  /**
   * Open work of a department (what 自分の宿題 / my items shows): active items
   * owned by the department or by one of its people, most urgent first.
   */
  listOpenFor(departmentId: string): Promise<ItemView[]> {
    return this.listViews({ departmentId, statuses: ACTIVE_STATUSES });
  }

  /** What an actor owns and must act on: their department's open items, and their own. */
  async listOpenForActor(actor: Actor): Promise<ItemView[]> {
    const departmentId = actor.person?.departmentId;
    const mine = departmentId
      ? await this.listViews({ departmentId, statuses: ACTIVE_STATUSES })
      : [];
    const personId = actor.person?.id;
    const own = personId ? await this.listViews({ personId, statuses: ACTIVE_STATUSES }) : [];
    const seen = new Set(mine.map((v) => v.item.id));
    return sortByUrgency([...mine, ...own.filter((v) => !seen.has(v.item.id))], this.today());
  }

  /** Active items whose due date has passed, most late first. */
  async overdue(now: Date = this.now()): Promise<ItemView[]> {
    return this.listViews({ statuses: ACTIVE_STATUSES, overdue: true }, now);
  }

  /** Resolves owners' names, dues and meetings for cards. */
  async viewsOf(items: readonly ActionItem[], now: Date = this.now()): Promise<ItemView[]> {
    const departments = new Map(
      (await this.deps.directory.listDepartments()).map((d) => [d.id, d.name]),
    );
    const meetings = new Map<string, Meeting | undefined>();
    const meeting = async (id: string | undefined) => {
      if (!id) return undefined;
      if (!meetings.has(id)) meetings.set(id, await this.deps.meetings.get(id));
      return meetings.get(id);
    };
    const today = this.today(now);
    const views: ItemView[] = [];
    for (const item of items) {
      const due = await this.effectiveDue(item, meeting);
      const ownerName =
        item.owner.kind === 'department'
          ? (departments.get(item.owner.departmentId) ?? {
              ja: item.owner.departmentId,
              en: item.owner.departmentId,
            })
          : ((await this.deps.directory.findByUpn(item.owner.personId))?.name ?? {
              ja: item.owner.personId,
              en: item.owner.personId,
            });
      const sourceMeeting = await meeting(item.source?.meetingId);
      const reportMeeting = await meeting(item.reportMeetingId);
      views.push({
        item,
        due,
        overdue: isActive(item) && due.kind === 'date' && due.date < today,
        ownerName,
        ...(sourceMeeting ? { sourceMeeting } : {}),
        ...(reportMeeting ? { reportMeeting } : {}),
      });
    }
    return views;
  }

  /**
   * The items that come back to a meeting: those due at it or to be reported
   * at it, and those raised at the meeting before it ("every item must come
   * back to the next meeting with a report"). Sorted into done, late, open, cancelled.
   */
  async summaryFor(meetingId: string): Promise<MeetingSummary | undefined> {
    const meeting = await this.deps.meetings.get(meetingId);
    if (!meeting) return undefined;
    const previous = (await this.previousMeeting(meeting))?.id;
    const items = (await this.items.all()).filter(
      (item) =>
        (item.due.kind === 'nextMeeting' && item.due.meetingId === meetingId) ||
        item.reportMeetingId === meetingId ||
        (previous !== undefined && item.source?.meetingId === previous),
    );
    const views = await this.viewsOf(items);
    return {
      meeting,
      done: views.filter((v) => v.item.status === 'done'),
      late: views.filter((v) => v.overdue),
      open: views.filter((v) => isActive(v.item) && !v.overdue),
      cancelled: views.filter((v) => v.item.status === 'cancelled'),
    };
  }

  /** The latest meeting that took place before this one started. */
  private async previousMeeting(meeting: Meeting): Promise<Meeting | undefined> {
    const before = (await this.deps.meetings.recent(50)).filter(
      (m) => m.status === 'scheduled' && m.startsAt < meeting.startsAt && m.id !== meeting.id,
    );
    return before[0];
  }

  // ----- pings -----------------------------------------------------------------------------

  /**
   * Records which items a person was just pinged about (the pings helper calls
   * this after each ping); a reply without an item number refers to them.
   */
  rememberPinged(personId: string, itemIds: readonly string[]): Promise<void> {
    return this.items.rememberPinged(personId, itemIds, this.now().toISOString());
  }

  lastPinged(personId: string): Promise<PingMemory | undefined> {
    return this.items.lastPinged(personId);
  }
}

/** Late first, then work still to do before done or cancelled, then by due date (早急に counts as today; no date last), then by number. */
export function sortByUrgency(views: readonly ItemView[], today: string): ItemView[] {
  const key = (v: ItemView) =>
    v.due.kind === 'date' ? v.due.date : v.due.kind === 'asap' ? today : '9999-12-31';
  return [...views].sort(
    (a, b) =>
      Number(b.overdue) - Number(a.overdue) ||
      Number(isActive(b.item)) - Number(isActive(a.item)) ||
      key(a).localeCompare(key(b)) ||
      a.item.number - b.item.number,
  );
}
