import type { Clock, IdGenerator } from '../clock.js';
import type { Actor } from '../domain/directory.js';
import type { DirectoryService } from '../domain/directory-service.js';
import type { WorkCalendar } from '../scheduling/calendar.js';
import type { DocumentStore } from '../store/document-store.js';
import {
  draftProblem,
  EDITABLE_FIELDS,
  isActive,
  LIMITS,
  sameOwner,
  type ActionItem,
  type DraftProblem,
  type EditableField,
  type HistoryEntry,
  type ItemChange,
  type ItemDraft,
  type Owner,
} from './item.js';
import { actorId, canChange, isStaff, mayReopen } from './permissions.js';
import type { MeetingDates } from './ports.js';
import { ItemQueries } from './queries.js';
import { clean, newItem, statusBeforeClosing, statusChange, withoutKeys } from './changes.js';
import { updateOrRefuse } from '../store/updates.js';

// What callers of the service read beside it: the views of items, and who acts.
export type { EffectiveDue, ItemFilters, ItemView, MeetingSummary } from './queries.js';
export { actorId, SYSTEM_ACTOR } from './permissions.js';

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

/** The owner meaning "every department": one item per department. */
export const EVERY_DEPARTMENT = 'every';

type Need = 'owner' | 'staff';
/** A computed change: the new item fields and what the history records. */
type Step = { readonly next: ActionItem; readonly changes: readonly ItemChange[] } | ItemProblem;

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
export class ActionItemService extends ItemQueries {
  // ----- who may do what (src/items/permissions.ts) ---------------------------------------

  canManage(actor: Actor): boolean {
    return isStaff(actor);
  }

  canChange(actor: Actor, item: Pick<ActionItem, 'owner'>): boolean {
    return canChange(actor, item);
  }

  mayReopen(actor: Actor, item: Pick<ActionItem, 'owner' | 'status'>): boolean {
    return mayReopen(actor, item);
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
    const everyone =
      departmentIds ?? (await this.deps.directory.answeringDepartments()).map((d) => d.id);
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
    let number = await this.items.reserveNumbers(expanded.flat().length);
    const items: ActionItem[] = [];
    for (const [index, group] of expanded.entries()) {
      const fannedOut = drafts[index]?.owner === EVERY_DEPARTMENT;
      const groupId = fannedOut ? this.deps.ids.next('itemgroup') : undefined;
      for (const one of group)
        items.push(
          newItem(one, {
            id: this.deps.ids.next('item'),
            number: number++,
            groupId,
            by: actorId(actor),
            at: this.now().toISOString(),
          }),
        );
    }
    await Promise.all(items.map((item) => this.items.insert(item)));
    return { ok: true, items };
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
    const result = await updateOrRefuse<ActionItem, ItemProblem>(this.items, id, (current) => {
      const allowed = need === 'staff' ? this.canManage(actor) : this.canChange(actor, current);
      if (!allowed) return 'notAllowed';
      if (!options.allowClosed && !isActive(current)) return 'closed';
      const change = step(current, at);
      if (typeof change === 'string') return change;
      if (change.changes.length === 0) return 'unchanged';
      const entries: HistoryEntry[] = change.changes.map((c) => ({
        at,
        by: actorId(actor),
        change: c,
      }));
      return { ...change.next, updatedAt: at, history: [...current.history, ...entries] };
    });
    if (!result.ok)
      return {
        ok: false,
        reason: result.reason,
        ...(result.record ? { item: result.record } : {}),
      };
    return { ok: true, item: result.record };
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
    const current = await this.items.get(id);
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
      const { next, change } = statusChange(current, 'cancelled', at, why || undefined);
      return { next, changes: [change] };
    });
  }

  /** 完了 / done, with an optional last note. */
  async markDone(id: string, actor: Actor, note = ''): Promise<ItemResult> {
    const text = note.trim();
    if (text.length > LIMITS.note) return { ok: false, reason: 'noteTooLong' };
    return this.apply(id, actor, 'owner', (current, at) => {
      const { next, change } = statusChange(current, 'done', at);
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
        const { next, change } = statusChange(current, before.status, at, why || undefined);
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
      const { next, change } = statusChange(current, 'inProgress', at);
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
      const { next, change } = statusChange(current, 'blocked', at, why);
      return { next, changes: [change] };
    });
  }

  /** 対応中 / working on it. */
  async startWork(id: string, actor: Actor): Promise<ItemResult> {
    return this.apply(id, actor, 'owner', (current, at) => {
      if (current.status === 'inProgress') return { next: current, changes: [] };
      const { next, change } = statusChange(current, 'inProgress', at);
      return { next, changes: [change] };
    });
  }
}
