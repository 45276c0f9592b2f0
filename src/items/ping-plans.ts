import type { Person } from '../domain/directory.js';
import { representsDepartment } from '../domain/roles.js';
import type { Meeting } from '../meetings/meeting.js';
import type { ItemUses } from './deps.js';
import { isActive, type ActionItem, type Owner } from './item.js';
import type { PingCalendar } from './ping-calendar.js';
import { sortByUrgency, type ItemView } from './queries.js';

/** Why an item is in a business-day ping. */
export type PingReason = 'overdue' | 'dueSoon' | 'followUp';

/** One person's ping: the items (most urgent first) and why each is in it. */
export interface PersonPing {
  readonly person: Person & { readonly aadObjectId: string };
  readonly views: readonly ItemView[];
  readonly reasons: ReadonlyMap<string, PingReason>;
}

/** What one business day's run sends. */
export interface DailyPlan {
  readonly owners: readonly PersonPing[];
  /** Active items overdue by at least the escalation threshold, most late first. */
  readonly escalated: ReadonlyArray<{ readonly view: ItemView; readonly businessDaysLate: number }>;
}

/**
 * Who gets which items in each run of the pings (src/items/pings.ts sends
 * them): the business-day pings and escalation, the weekly digest, a
 * meeting's reports, and the items a cancelled meeting leaves without a due.
 */
export class PingPlanner {
  constructor(
    private readonly services: ItemUses,
    private readonly when: PingCalendar,
  ) {}

  /** Open items whose due was this (cancelled) meeting, by number. */
  async dueAtCancelled(meeting: Meeting, now: Date): Promise<ItemView[]> {
    const waiting = (await this.services.items.all())
      .filter(
        (item) =>
          isActive(item) && item.due.kind === 'nextMeeting' && item.due.meetingId === meeting.id,
      )
      .sort((a, b) => a.number - b.number);
    return this.services.items.viewsOf(waiting, now);
  }

  /** Active items and their views as of `at`. */
  private async activeViews(at: Date): Promise<ItemView[]> {
    const active = (await this.services.items.all()).filter(isActive);
    return this.services.items.viewsOf(active, at);
  }

  /** The business-day pings and the escalation for `day`. */
  async dailyPlan(day: string): Promise<DailyPlan> {
    const at = this.when.dailyAt(day);
    const { days } = this.when;
    const { dueSoonBusinessDays, escalateAfterBusinessDays } = this.services.config.itemPings;
    const reasons = new Map<string, PingReason>();
    const pinged: ItemView[] = [];
    const escalated: Array<{ view: ItemView; businessDaysLate: number }> = [];
    for (const view of await this.activeViews(at)) {
      const { item, due } = view;
      let reason: PingReason | undefined;
      if (due.kind === 'date' && due.date < day) {
        const businessDaysLate = days.between(due.date, day);
        if (businessDaysLate >= escalateAfterBusinessDays)
          escalated.push({ view, businessDaysLate });
        reason = 'overdue';
      } else if (
        due.kind === 'date' &&
        item.due.kind !== 'nextMeeting' &&
        days.before(due.date, dueSoonBusinessDays) === day
      ) {
        reason = 'dueSoon';
      } else if (due.kind === 'asap' && this.followUpDay(item, due.followUpDays, day)) {
        reason = 'followUp';
      }
      if (!reason || item.status === 'blocked' || snoozed(item, at)) continue;
      reasons.set(item.id, reason);
      pinged.push(view);
    }
    escalated.sort(
      (a, b) => b.businessDaysLate - a.businessDaysLate || a.view.item.number - b.view.item.number,
    );
    return { owners: await this.byPerson(pinged, day, reasons), escalated };
  }

  /**
   * An 早急に item is asked about every `followUpDays` business days after the
   * last thing that happened to it (creation, progress, status, snooze), and on
   * the day its snooze ends.
   */
  private followUpDay(item: ActionItem, followUpDays: number, day: string): boolean {
    const { days } = this.when;
    if (item.snoozedUntil && days.dateOf(new Date(item.snoozedUntil)) === day) return true;
    let last = item.createdAt;
    for (const entry of item.history)
      if (entry.change.type !== 'created' && entry.at > last) last = entry.at;
    const since = days.between(days.dateOf(new Date(last)), day);
    return since > 0 && since % followUpDays === 0;
  }

  /** Each owner's open items that are not snoozed, for the weekly digest. */
  async digestPlan(day: string): Promise<PersonPing[]> {
    const at = this.when.digestAt(day);
    const views = (await this.activeViews(at)).filter((v) => !snoozed(v.item, at));
    return this.byPerson(views, day, new Map());
  }

  /** Open items to report at this meeting (due at it, or reported at it), by owner. */
  async meetingPlan(meeting: Meeting, now: Date): Promise<PersonPing[]> {
    const linked = (await this.services.items.all()).filter(
      (item) =>
        isActive(item) &&
        !snoozed(item, now) &&
        ((item.due.kind === 'nextMeeting' && item.due.meetingId === meeting.id) ||
          item.reportMeetingId === meeting.id),
    );
    // Late ones are asked about every business day already; this card is about the reports.
    const views = (await this.services.items.viewsOf(linked, now)).filter((v) => !v.overdue);
    return this.byPerson(views, this.when.days.dateOf(now), new Map());
  }

  /** Groups views by the people who answer for them; people Teams cannot reach yet are left out. */
  private async byPerson(
    views: readonly ItemView[],
    day: string,
    reasons: ReadonlyMap<string, PingReason>,
  ): Promise<PersonPing[]> {
    const answerFor = await this.ownersIndex();
    const byPerson = new Map<string, { person: PersonPing['person']; views: ItemView[] }>();
    let unreachable = 0;
    for (const view of views) {
      for (const person of answerFor(view.item.owner)) {
        if (!person.aadObjectId) {
          unreachable++;
          continue;
        }
        const entry = byPerson.get(person.id) ?? {
          person: { ...person, aadObjectId: person.aadObjectId },
          views: [],
        };
        entry.views.push(view);
        byPerson.set(person.id, entry);
      }
    }
    if (unreachable > 0)
      this.services.logger.info(
        { unreachable },
        'action-item owners who never wrote to the bot cannot be pinged yet',
      );
    return [...byPerson.values()].map(({ person, views: mine }) => ({
      person,
      views: sortByUrgency(mine, day),
      reasons,
    }));
  }

  /** Who answers for an owner: a department's head and delegates, else its people; or the person. */
  private async ownersIndex(): Promise<(owner: Owner) => readonly Person[]> {
    const people = await this.services.directory.listPeople();
    const byId = new Map(people.map((p) => [p.id, p]));
    const byDepartment = new Map<string, Person[]>();
    for (const person of people) {
      if (!person.departmentId) continue;
      const list = byDepartment.get(person.departmentId) ?? [];
      list.push(person);
      byDepartment.set(person.departmentId, list);
    }
    const answering = new Map<string, readonly Person[]>();
    for (const [departmentId, members] of byDepartment) {
      const representatives = members.filter((p) => representsDepartment(p.role));
      answering.set(departmentId, representatives.length > 0 ? representatives : members);
    }
    return (owner) => {
      if (owner.kind === 'department') return answering.get(owner.departmentId) ?? [];
      const person = byId.get(owner.personId);
      return person ? [person] : [];
    };
  }
}

/** Snoozed: no pings before `snoozedUntil`. */
export function snoozed(item: ActionItem, at: Date): boolean {
  return item.snoozedUntil !== undefined && new Date(item.snoozedUntil) > at;
}
