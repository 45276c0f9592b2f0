import type { Clock, IdGenerator } from '../clock.js';
import type { Actor, Department } from '../domain/directory.js';
import type { DirectoryService } from '../domain/directory-service.js';
import type { Meeting } from '../meetings/meeting.js';
import type { WorkCalendar } from '../scheduling/calendar.js';
import type { DocumentStore } from '../store/document-store.js';
import {
  ACTIVE_STATUSES,
  draftProblem,
  EDITABLE_FIELDS,
  isActive,
  LIMITS,
  sameOwner,
  type ActionItem,
  type DraftProblem,
  type Due,
  type EditableField,
  type HistoryEntry,
  type ItemChange,
  type ItemDraft,
  type ItemStatus,
  type Owner,
} from './item.js';
import type { MeetingDates } from './ports.js';
import { ItemRepository, type PingMemory } from './repository.js';

export interface ItemDeps {
  readonly store: DocumentStore;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly calendar: WorkCalendar;
  readonly directory: DirectoryService;
  readonly meetings: MeetingDates;
}

/** Why a change was not made; each has a message in the items catalog (`item.error.<reason>`). */
export type ItemProblem =
  | DraftProblem
  | 'notFound'
  | 'notAllowed'
  /** Done or cancelled: nothing more can happen to it until it is reopened. */
  | 'closed'
  /** Reopen asked of an item that is neither done nor cancelled. */
  | 'notClosed'
  /** An owner may undo their own "done", but only the chair and secretariat reopen a cancelled item. */
  | 'reopenStaffOnly'
  | 'unchanged'
  | 'noteMissing'
  | 'noteTooLong'
  | 'reasonMissing'
  | 'reasonTooLong'
  | 'badSnooze';

export type ItemResult =
  | { readonly ok: true; readonly item: ActionItem }
  | { readonly ok: false; readonly reason: ItemProblem; readonly item?: ActionItem };

export type ManyResult =
  | { readonly ok: true; readonly items: readonly ActionItem[] }
  /** `index` is the draft that failed; nothing was created. */
  | { readonly ok: false; readonly reason: ItemProblem; readonly index: number };

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

/** The owner meaning "every department": one item per department. */
export const EVERY_DEPARTMENT = 'every';

/** Demo data and scheduled jobs act as this actor: allowed everything, recorded as 'system'. */
export const SYSTEM_ACTOR: Actor = {
  aadObjectId: 'system',
  displayName: 'Honbu',
  role: 'secretariat',
};

/** Who is written in history: the person id (UPN), or the AAD id of someone not in the directory. */
export function actorId(actor: Actor): string {
  return actor.person?.id ?? actor.aadObjectId;
}

export function isStaff(actor: Actor): boolean {
  return actor.role === 'chair' || actor.role === 'secretariat';
}

type Need = 'owner' | 'staff';
/** A computed change: the new item fields and what the history records. */
type Step = { readonly next: ActionItem; readonly changes: readonly ItemChange[] } | ItemProblem;

const withoutKeys = <T extends object>(value: T, keys: readonly string[]): T =>
  Object.fromEntries(Object.entries(value).filter(([key]) => !keys.includes(key))) as T;

/**
 * Action items: the secretariat creates, edits, reassigns and cancels them;
 * the owning department (head or delegate) or owning person, the secretariat
 * and the chair report on them (done, progress, snooze, blocked, in progress)
 * and may reopen what they marked done (a cancelled item: chair and secretariat).
 *
 * Every change is one atomic update of the item record, history included, and
 * the permission check runs inside it, against the item as stored, so
 * concurrent changes are applied one after the other and none is lost.
 * Methods never throw for bad input: they answer `{ ok: false, reason }` and store nothing.
 *
 * For the pings (src/items/pings.ts): `list({ statuses: ACTIVE_STATUSES })`,
 * `overdue(now)`, `effectiveDue(item)`, `snoozedUntil` on the item,
 * `rememberPinged(personId, itemIds)` after each ping (word replies read it),
 * `viewsOf(items)` and `pingCard` in views.ts for the card.
 */
export class ActionItemService {
  readonly repository: ItemRepository;

  constructor(private readonly deps: ItemDeps) {
    this.repository = new ItemRepository(deps.store);
  }

  private now(): Date {
    return this.deps.clock.now();
  }

  /** Today's date (YYYY-MM-DD) in the committee's time zone. */
  today(now: Date = this.now()): string {
    return this.deps.calendar.local(now).toISODate() ?? '';
  }

  // ----- who may do what ----------------------------------------------------------------

  /** Chair and secretariat create, edit, reassign and cancel. */
  canManage(actor: Actor): boolean {
    return isStaff(actor);
  }

  /** The owning department's head or delegate, the owning person, the secretariat and the chair. */
  canChange(actor: Actor, item: Pick<ActionItem, 'owner'>): boolean {
    if (isStaff(actor)) return true;
    return this.owns(actor, item.owner);
  }

  /** A done item: whoever may change it; a cancelled one: chair and secretariat (who cancel). */
  mayReopen(actor: Actor, item: Pick<ActionItem, 'owner' | 'status'>): boolean {
    if (item.status === 'cancelled') return isStaff(actor);
    return this.canChange(actor, item);
  }

  /** The actor is the owner: a head or delegate of the owning department, or the owning person. */
  owns(actor: Actor, owner: Owner): boolean {
    if (owner.kind === 'person') return actor.person?.id === owner.personId;
    return (
      (actor.role === 'member' || actor.role === 'delegate') &&
      actor.person?.departmentId === owner.departmentId
    );
  }

  // ----- creating --------------------------------------------------------------------------

  /** Checks what a draft refers to: the owner and the meetings must exist. */
  private async problemWith(draft: ItemDraft): Promise<DraftProblem | undefined> {
    const problem = draftProblem(draft);
    if (problem) return problem;
    if (!(await this.ownerExists(draft.owner))) return 'unknownOwner';
    const meetingIds = [
      draft.due.kind === 'nextMeeting' ? draft.due.meetingId : undefined,
      draft.source?.meetingId,
      draft.reportMeetingId,
    ].filter((id): id is string => Boolean(id));
    for (const id of meetingIds) if (!(await this.deps.meetings.get(id))) return 'unknownMeeting';
    return undefined;
  }

  private async ownerExists(owner: Owner): Promise<boolean> {
    return owner.kind === 'department'
      ? Boolean(await this.deps.directory.getDepartment(owner.departmentId))
      : Boolean(await this.deps.directory.findByUpn(owner.personId));
  }

  private build(
    draft: ItemDraft,
    actor: Actor,
    groupId: string | undefined,
    number: number,
  ): ActionItem {
    const now = this.now().toISOString();
    return {
      ...clean(draft),
      id: this.deps.ids.next('item'),
      number,
      ...(groupId ? { groupId } : {}),
      status: 'open',
      progress: [],
      createdAt: now,
      createdBy: actorId(actor),
      updatedAt: now,
      history: [{ at: now, by: actorId(actor), change: { type: 'created' } }],
    };
  }

  /** One item. Chair and secretariat only. */
  async create(draft: ItemDraft, actor: Actor): Promise<ItemResult> {
    const created = await this.createMany([draft], actor);
    if (!created.ok) return { ok: false, reason: created.reason };
    const [item] = created.items;
    return item ? { ok: true, item } : { ok: false, reason: 'notFound' };
  }

  /**
   * Several items at once (e.g. everything raised in one meeting). Every draft
   * is checked first: one bad draft creates none of them.
   */
  async createMany(drafts: readonly ItemDraft[], actor: Actor): Promise<ManyResult> {
    return this.createBatch(
      drafts.map((draft) => ({ ...draft })),
      actor,
    );
  }

  /**
   * "Every department": one item per department, sharing a group id, so that
   * each department reports on its own and the group is seen as one request.
   * Default departments: those with a head or delegate (who can answer).
   */
  async createForEveryDepartment(
    draft: Omit<ItemDraft, 'owner'>,
    actor: Actor,
    departmentIds?: readonly string[],
  ): Promise<ManyResult> {
    return this.createBatch([{ ...draft, owner: EVERY_DEPARTMENT }], actor, departmentIds);
  }

  /**
   * Creates items from drafts whose owner may be 'every' (one item per
   * department, sharing a group id). All drafts are checked before anything
   * is stored; `index` in a failure is the draft at fault.
   */
  async createBatch(
    drafts: ReadonlyArray<
      Omit<ItemDraft, 'owner'> & { readonly owner: Owner | typeof EVERY_DEPARTMENT }
    >,
    actor: Actor,
    departmentIds?: readonly string[],
  ): Promise<ManyResult> {
    if (!this.canManage(actor)) return { ok: false, reason: 'notAllowed', index: 0 };
    const everyone = departmentIds ?? (await this.answeringDepartments()).map((d) => d.id);
    const expanded: ItemDraft[][] = drafts.map((draft) => {
      const { owner } = draft;
      return owner === EVERY_DEPARTMENT
        ? everyone.map((departmentId) => ({
            ...draft,
            owner: { kind: 'department', departmentId },
          }))
        : [{ ...draft, owner }];
    });
    for (const [index, group] of expanded.entries()) {
      if (group.length === 0) return { ok: false, reason: 'unknownOwner', index };
      for (const one of group) {
        const problem = await this.problemWith(one);
        if (problem) return { ok: false, reason: problem, index };
      }
    }
    // One counter update numbers the whole batch; the inserts then share the store's writes.
    let number = await this.repository.reserveNumbers(expanded.flat().length);
    const items: ActionItem[] = [];
    for (const [index, group] of expanded.entries()) {
      const fannedOut = drafts[index]?.owner === EVERY_DEPARTMENT;
      const groupId = fannedOut ? this.deps.ids.next('itemgroup') : undefined;
      for (const one of group) items.push(this.build(one, actor, groupId, number++));
    }
    await Promise.all(items.map((item) => this.repository.insert(item)));
    return { ok: true, items };
  }

  /** Departments that have a head or delegate, in directory order. */
  async answeringDepartments(): Promise<Department[]> {
    const people = await this.deps.directory.listPeople();
    const answering = new Set(
      people.filter((p) => p.role === 'member' || p.role === 'delegate').map((p) => p.departmentId),
    );
    return (await this.deps.directory.listDepartments()).filter((d) => answering.has(d.id));
  }

  // ----- changing ------------------------------------------------------------------------

  /**
   * Runs one change as an atomic update: checks that the item exists, that
   * the actor may make it (against the stored owner), that it is still
   * active, then appends the history entries.
   */
  private async apply(
    id: string,
    actor: Actor,
    need: Need,
    step: (current: ActionItem, at: string) => Step,
    options: { allowClosed?: boolean } = {},
  ): Promise<ItemResult> {
    const at = this.now().toISOString();
    let failure: ItemProblem | undefined;
    let seen: ActionItem | undefined;
    const updated = await this.repository.update(id, (current) => {
      seen = current;
      failure = undefined;
      const allowed = need === 'staff' ? this.canManage(actor) : this.canChange(actor, current);
      if (!allowed) {
        failure = 'notAllowed';
        return undefined;
      }
      if (!options.allowClosed && !isActive(current)) {
        failure = 'closed';
        return undefined;
      }
      const result = step(current, at);
      if (typeof result === 'string') {
        failure = result;
        return undefined;
      }
      if (result.changes.length === 0) {
        failure = 'unchanged';
        return undefined;
      }
      const entries: HistoryEntry[] = result.changes.map((change) => ({
        at,
        by: actorId(actor),
        change,
      }));
      return { ...result.next, updatedAt: at, history: [...current.history, ...entries] };
    });
    if (!seen) return { ok: false, reason: 'notFound' };
    if (failure || !updated) return { ok: false, reason: failure ?? 'notFound', item: seen };
    return { ok: true, item: updated };
  }

  /** A status change with its history entry; clears what belonged to the old status. */
  private static status(
    current: ActionItem,
    to: ItemStatus,
    at: string,
    reason?: string,
  ): { next: ActionItem; change: ItemChange } {
    const cleared = withoutKeys(current, [
      'blockedReason',
      'snoozedUntil',
      'doneAt',
      'cancelReason',
    ]);
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
   * Edits title, detail, due, source or report meeting (chair and secretariat).
   * A changed due is recorded with its before and after.
   */
  async edit(
    id: string,
    patch: Partial<Pick<ItemDraft, EditableField>>,
    actor: Actor,
  ): Promise<ItemResult> {
    const current = await this.repository.get(id);
    if (!current) return { ok: false, reason: 'notFound' };
    const problem = await this.problemWith({ ...current, ...patch });
    if (problem) return { ok: false, reason: problem, item: current };
    return this.apply(id, actor, 'staff', (stored) => {
      const next = clean({ ...stored, ...patch });
      const fields = EDITABLE_FIELDS.filter(
        (f) => JSON.stringify(stored[f] ?? null) !== JSON.stringify(next[f] ?? null),
      );
      const changes: ItemChange[] = [];
      const edited = fields.filter((f) => f !== 'due');
      if (edited.length > 0) changes.push({ type: 'edited', fields: edited });
      if (fields.includes('due'))
        changes.push({ type: 'dueChanged', from: stored.due, to: next.due });
      const removed = EDITABLE_FIELDS.filter((f) => f in stored && !(f in next));
      return { next: { ...withoutKeys(stored, removed), ...next }, changes };
    });
  }

  /** Gives the item to another department or person (chair and secretariat). */
  async reassign(id: string, owner: Owner, actor: Actor): Promise<ItemResult> {
    if (!(await this.ownerExists(owner))) return { ok: false, reason: 'unknownOwner' };
    return this.apply(id, actor, 'staff', (current) =>
      sameOwner(current.owner, owner)
        ? { next: current, changes: [] }
        : {
            next: { ...current, owner },
            changes: [{ type: 'reassigned', from: current.owner, to: owner }],
          },
    );
  }

  /** Withdraws the item (chair and secretariat); the reason is optional. */
  async cancel(id: string, reason: string, actor: Actor): Promise<ItemResult> {
    const why = reason.trim();
    if (why.length > LIMITS.reason) return { ok: false, reason: 'reasonTooLong' };
    return this.apply(id, actor, 'staff', (current, at) => {
      const { next, change } = ActionItemService.status(current, 'cancelled', at, why || undefined);
      return { next, changes: [change] };
    });
  }

  /** 完了 / done, with an optional last note. */
  async markDone(id: string, actor: Actor, note = ''): Promise<ItemResult> {
    const text = note.trim();
    if (text.length > LIMITS.note) return { ok: false, reason: 'noteTooLong' };
    return this.apply(id, actor, 'owner', (current, at) => {
      const { next, change } = ActionItemService.status(current, 'done', at);
      if (!text) return { next, changes: [change] };
      return {
        next: { ...next, progress: [...current.progress, { at, by: actorId(actor), text }] },
        changes: [{ type: 'progress', text }, change],
      };
    });
  }

  /**
   * 再開 / reopen: a done or cancelled item goes back to the status it had
   * before it was closed. Whoever may mark it done may reopen a done item (a
   * tap on Done by mistake); a cancelled one only the chair and secretariat,
   * who cancel. The check runs inside the atomic update, against the stored item.
   */
  async reopen(id: string, actor: Actor, reason = ''): Promise<ItemResult> {
    const why = reason.trim();
    if (why.length > LIMITS.reason) return { ok: false, reason: 'reasonTooLong' };
    return this.apply(
      id,
      actor,
      'owner',
      (current, at) => {
        if (isActive(current)) return 'notClosed';
        // Past `apply`'s owner check, only a cancelled item refused to a non-staff owner is left.
        if (!this.mayReopen(actor, current)) return 'reopenStaffOnly';
        const before = statusBeforeClosing(current);
        const { next, change } = ActionItemService.status(
          current,
          before.status,
          at,
          why || undefined,
        );
        const blocked = before.blockedReason ? { blockedReason: before.blockedReason } : {};
        return { next: { ...withoutKeys(next, ['blockedReason']), ...blocked }, changes: [change] };
      },
      { allowClosed: true },
    );
  }

  /** 進捗: … / progress: …; an open or blocked item becomes in progress. */
  async addProgress(id: string, text: string, actor: Actor): Promise<ItemResult> {
    const note = text.trim();
    if (!note) return { ok: false, reason: 'noteMissing' };
    if (note.length > LIMITS.note) return { ok: false, reason: 'noteTooLong' };
    return this.apply(id, actor, 'owner', (current, at) => {
      const progress = [...current.progress, { at, by: actorId(actor), text: note }];
      const changes: ItemChange[] = [{ type: 'progress', text: note }];
      if (current.status === 'inProgress') return { next: { ...current, progress }, changes };
      const { next, change } = ActionItemService.status(current, 'inProgress', at);
      return { next: { ...next, progress }, changes: [...changes, change] };
    });
  }

  /**
   * 3日延期 / snooze 3d: no pings until 09:00 local time `days` days from
   * today. The due itself does not move (the secretariat changes dues), so a
   * snoozed item can still show as late to the chair.
   */
  async snooze(id: string, days: number, actor: Actor): Promise<ItemResult> {
    if (!Number.isInteger(days) || days < 1 || days > LIMITS.snoozeDays)
      return { ok: false, reason: 'badSnooze' };
    const until = this.deps.calendar
      .local(this.now())
      .plus({ days })
      .set({ hour: 9, minute: 0, second: 0, millisecond: 0 })
      .toUTC()
      .toISO();
    if (!until) return { ok: false, reason: 'badSnooze' };
    return this.apply(id, actor, 'owner', (current) => ({
      next: { ...current, snoozedUntil: until },
      changes: [{ type: 'snoozed', until, days }],
    }));
  }

  /** 対応不可（理由）/ blocked: reason; the secretariat sees why. */
  async block(id: string, reason: string, actor: Actor): Promise<ItemResult> {
    const why = reason.trim();
    if (!why) return { ok: false, reason: 'reasonMissing' };
    if (why.length > LIMITS.reason) return { ok: false, reason: 'reasonTooLong' };
    return this.apply(id, actor, 'owner', (current, at) => {
      if (current.status === 'blocked' && current.blockedReason === why)
        return { next: current, changes: [] };
      const { next, change } = ActionItemService.status(current, 'blocked', at, why);
      return { next, changes: [change] };
    });
  }

  /** 対応中 / working on it. */
  async startWork(id: string, actor: Actor): Promise<ItemResult> {
    return this.apply(id, actor, 'owner', (current, at) => {
      if (current.status === 'inProgress') return { next: current, changes: [] };
      const { next, change } = ActionItemService.status(current, 'inProgress', at);
      return { next, changes: [change] };
    });
  }

  // ----- reading ---------------------------------------------------------------------------

  get(id: string): Promise<ActionItem | undefined> {
    return this.repository.get(id);
  }

  /** "#5", "5", "＃５" or the id. */
  async find(reference: string): Promise<ActionItem | undefined> {
    const text = reference.normalize('NFKC').trim();
    const number = /^#?(\d{1,9})$/.exec(text)?.[1];
    if (number) return this.repository.byNumber(Number(number));
    return text ? this.repository.get(text) : undefined;
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
    const selected = (await this.repository.all()).filter((item) => {
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
    const items = (await this.repository.all()).filter(
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
    return this.repository.rememberPinged(personId, itemIds, this.now().toISOString());
  }

  lastPinged(personId: string): Promise<PingMemory | undefined> {
    return this.repository.lastPinged(personId);
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

/** Trims texts and drops empty optional fields, so stored drafts compare equal. */
function clean<T extends ItemDraft>(draft: T): T {
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
