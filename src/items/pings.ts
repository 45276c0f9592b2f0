import { DateTime } from 'luxon';
import type { ItemUses } from './deps.js';
import { renderCard, type Card } from '../cards/card.js';
import type { ItemPingConfig } from '../config.js';
import type { Person } from '../domain/directory.js';
import { formatMoment } from '../i18n/dates.js';
import { localeFrom } from '../i18n/locale.js';
import { translator } from '../i18n/translate.js';
import type { Meeting } from '../meetings/meeting.js';
import type { OutboundMessage } from '../messaging/sender.js';
import type { WorkCalendar } from '../scheduling/calendar.js';
import type { Delivery, DeliveryStatus, JobContext } from '../scheduling/scheduler.js';
import { isActive, type ActionItem, type Owner } from './item.js';
import { sortByUrgency, type ItemView } from './queries.js';
import { dueText, itemHeading, pingCard, statusText, type Reader } from './views.js';

export const ITEM_JOB = {
  /** Every business day at ITEM_PING_TIME: due-soon, overdue and follow-up pings, escalation. */
  daily: 'items.daily',
  /** Weekly at ITEM_DIGEST_DAY / ITEM_DIGEST_TIME: each owner's open items. */
  digest: 'items.digest',
  /** With a meeting's "materials" reminder: the items to report at that meeting. */
  meeting: 'items.meeting',
  /** Once when a meeting is cancelled: the secretariat gets the items that were due at it. */
  meetingCancelled: 'items.meetingCancelled',
} as const;

/** A daily or weekly run is for one local date (YYYY-MM-DD), whenever it actually runs. */
export interface DayPayload {
  readonly day: string;
}

export interface MeetingPingPayload {
  readonly meetingId: string;
  /** The start the ping was planned for: a moved meeting gets its own ping with its own reminder. */
  readonly startsAt: string;
}

export interface MeetingCancelledPayload {
  readonly meetingId: string;
}

/** All recurring item jobs share a group, so the secretariat's tools can list them. */
export const PING_GROUP = 'items:pings';

/** Why an item is in a business-day ping. */
export type PingReason = 'overdue' | 'dueSoon' | 'followUp';

/** Most items one ping card shows; the rest are counted ("my items" lists them all). */
export const MAX_ITEMS_PER_CARD = 6;
/** Teams refuses messages over about 28 KB: a card stays under this many bytes of JSON. */
const CARD_BUDGET_BYTES = 24_000;

/**
 * Business-day arithmetic on local dates (YYYY-MM-DD), remembered: one run asks
 * the same few questions for thousands of items.
 */
export class BusinessDays {
  private readonly businessDay = new Map<string, boolean>();
  private readonly counts = new Map<string, number>();

  constructor(private readonly calendar: WorkCalendar) {}

  isBusinessDay(date: string): boolean {
    let known = this.businessDay.get(date);
    if (known === undefined) {
      // Local noon is unambiguously on that date whatever the offset.
      known = this.calendar.isBusinessDay(this.instant(date, 12, 0));
      this.businessDay.set(date, known);
    }
    return known;
  }

  /** `date` at this local time, as an instant. */
  instant(date: string, hour: number, minute: number): Date {
    return DateTime.fromISO(date, { zone: this.calendar.timeZone })
      .set({ hour, minute, second: 0, millisecond: 0 })
      .toJSDate();
  }

  /** The local date of an instant. */
  dateOf(instant: Date): string {
    return this.calendar.local(instant).toISODate() ?? '';
  }

  plusDays(date: string, days: number): string {
    return DateTime.fromISO(date, { zone: 'UTC' }).plus({ days }).toISODate() ?? date;
  }

  onOrAfter(date: string): string {
    let day = date;
    while (!this.isBusinessDay(day)) day = this.plusDays(day, 1);
    return day;
  }

  /** The business day `count` business days before `date`. */
  before(date: string, count: number): string {
    let day = date;
    for (let left = count; left > 0;) {
      day = this.plusDays(day, -1);
      if (this.isBusinessDay(day)) left--;
    }
    return day;
  }

  /** Business days after `from` up to and including `to`; 0 when `to` is not after `from`. */
  between(from: string, to: string): number {
    if (to <= from) return 0;
    const key = `${from}|${to}`;
    let count = this.counts.get(key);
    if (count === undefined) {
      count = 0;
      for (let day = this.plusDays(from, 1); day <= to; day = this.plusDays(day, 1))
        if (this.isBusinessDay(day)) count++;
      this.counts.set(key, count);
    }
    return count;
  }
}

/** When the recurring runs happen, from the settings (ITEM_* in src/config.ts). */
export class PingCalendar {
  readonly days: BusinessDays;

  constructor(
    calendar: WorkCalendar,
    private readonly settings: ItemPingConfig,
  ) {
    this.days = new BusinessDays(calendar);
  }

  dailyAt(day: string): Date {
    return this.days.instant(day, this.settings.pingTime.hour, this.settings.pingTime.minute);
  }

  digestAt(day: string): Date {
    return this.days.instant(day, this.settings.digestTime.hour, this.settings.digestTime.minute);
  }

  /** The first business day whose run is at or after `instant`. */
  nextDailyDay(instant: Date): string {
    let day = this.days.onOrAfter(this.days.dateOf(instant));
    while (this.dailyAt(day) < instant) day = this.days.onOrAfter(this.days.plusDays(day, 1));
    return day;
  }

  /** The digest day of the ISO week holding `date`: its weekday, or the next business day. */
  private digestDayOfWeek(date: string): string {
    const local = DateTime.fromISO(date, { zone: 'UTC' });
    const weekday = local.plus({ days: this.settings.digestWeekday - local.weekday });
    return this.days.onOrAfter(weekday.toISODate() ?? date);
  }

  /** A holiday on the digest weekday moves the digest, possibly into the next week. */
  isDigestDay(date: string): boolean {
    return (
      this.digestDayOfWeek(date) === date ||
      this.digestDayOfWeek(this.days.plusDays(date, -7)) === date
    );
  }

  /** The first digest day whose run is at or after `instant`. */
  nextDigestDay(instant: Date): string {
    let week = this.days.dateOf(instant);
    for (;;) {
      for (const candidate of [
        this.digestDayOfWeek(this.days.plusDays(week, -7)),
        this.digestDayOfWeek(week),
      ])
        if (this.digestAt(candidate) >= instant) return candidate;
      week = this.days.plusDays(week, 7);
    }
  }
}

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

/** A prepared message and the items it names (remembered for the word replies). */
interface Outgoing {
  readonly delivery: Delivery;
  readonly personId?: string;
  readonly itemIds: readonly string[];
}

/**
 * The scheduled pings of action items. Each run is for one local day and is
 * one durable job whose key holds that day, so it goes out once even after a
 * restart or with several instances (the delivery log sends each recipient one
 * message per job). Handlers plan the next run first, then send.
 *
 * - Weekly digest per owner: every open item not snoozed (blocked ones included).
 * - Each business day: an item due in `dueSoonBusinessDays` business days, one
 *   overdue, or an 早急に item whose follow-up day it is, goes to its owners in
 *   one card per person. Blocked items are left to the secretariat; on the
 *   digest day the digest replaces these pings.
 * - "Next meeting" items get no due-soon ping: they are pinged with the
 *   meeting's materials reminder (7 days before), so reports arrive in time.
 * - Each business day the secretariat gets one list of the items overdue by
 *   `escalateAfterBusinessDays` business days or more (snoozed and blocked included).
 *
 * Owners: a department's head and delegates (for a department without them,
 * such as the secretariat's own, its people), or the owning person; each in
 * the language of their 1:1 chat. Done and cancelled items are never pinged.
 */
export class ItemPings {
  readonly when: PingCalendar;

  constructor(private readonly services: ItemUses) {
    this.when = new PingCalendar(services.calendar, services.config.itemPings);
  }

  private get settings(): ItemPingConfig {
    return this.services.config.itemPings;
  }

  // ----- planning the runs ------------------------------------------------------------

  /** Makes sure the next daily and weekly runs are planned (at start-up; idempotent). */
  async planAhead(now: Date): Promise<void> {
    await this.planDaily(this.when.nextDailyDay(now));
    await this.planDigest(this.when.nextDigestDay(now));
  }

  private async planDaily(day: string): Promise<void> {
    await this.services.scheduler.schedule<DayPayload>({
      key: `items:daily:${day}`,
      kind: ITEM_JOB.daily,
      group: PING_GROUP,
      payload: { day },
      dueAt: this.when.dailyAt(day),
    });
  }

  private async planDigest(day: string): Promise<void> {
    await this.services.scheduler.schedule<DayPayload>({
      key: `items:digest:${day}`,
      kind: ITEM_JOB.digest,
      group: PING_GROUP,
      payload: { day },
      dueAt: this.when.digestAt(day),
    });
  }

  /**
   * The run after `day`: the next business day, but never one before today, so
   * a process that was down catches up with today's run instead of each missed one.
   */
  private nextDay(day: string, now: Date): string {
    const { days } = this.when;
    const tomorrow = days.plusDays(day, 1);
    const today = days.dateOf(now);
    return days.onOrAfter(tomorrow > today ? tomorrow : today);
  }

  /** A run whose day is over (the process was down) sends nothing: the next run covers it. */
  private missed(day: string, now: Date): boolean {
    return this.when.days.dateOf(now) > day;
  }

  // ----- job handlers -------------------------------------------------------------------

  async runDaily(context: JobContext<DayPayload>): Promise<{ drop: string } | undefined> {
    const { day } = context.job.payload;
    await this.planDaily(this.nextDay(day, context.now));
    if (this.missed(day, context.now)) return { drop: `the day ${day} is over` };
    const plan = await this.dailyPlan(day);
    const late = lateSince(context);
    const outgoing: Outgoing[] = [];
    if (!this.when.isDigestDay(day))
      for (const ping of plan.owners) outgoing.push(await this.dailyMessage(ping, late));
    if (plan.escalated.length > 0)
      outgoing.push(...(await this.escalationMessages(plan, this.when.dailyAt(day), late)));
    await this.send(context, outgoing);
    return undefined;
  }

  async runDigest(context: JobContext<DayPayload>): Promise<{ drop: string } | undefined> {
    const { day } = context.job.payload;
    const { days } = this.when;
    await this.planDigest(this.when.nextDigestDay(days.instant(days.plusDays(day, 1), 0, 0)));
    if (this.missed(day, context.now)) return { drop: `the day ${day} is over` };
    await this.send(context, await this.digestMessages(day, lateSince(context)));
    return undefined;
  }

  async runMeeting(context: JobContext<MeetingPingPayload>): Promise<{ drop: string } | undefined> {
    const { meetingId, startsAt } = context.job.payload;
    const meeting = await this.services.meetings.get(meetingId);
    if (!meeting || meeting.status === 'cancelled') return { drop: 'meeting cancelled' };
    if (meeting.startsAt !== startsAt) return { drop: 'meeting moved' };
    const outgoing: Outgoing[] = [];
    for (const ping of await this.meetingPlan(meeting, context.now))
      outgoing.push(await this.meetingMessage(ping, meeting, lateSince(context)));
    await this.send(context, outgoing);
    return undefined;
  }

  /** Plans the meeting's items ping (called by the meeting's materials reminder). */
  async planMeetingPing(meeting: Meeting, now: Date): Promise<void> {
    await this.services.scheduler.schedule<MeetingPingPayload>({
      key: `items:meeting:${meeting.id}:${meeting.startsAt}`,
      kind: ITEM_JOB.meeting,
      group: `items:meeting:${meeting.id}`,
      payload: { meetingId: meeting.id, startsAt: meeting.startsAt },
      dueAt: now,
      notAfter: new Date(meeting.startsAt),
    });
  }

  /**
   * Plans the one notice about a cancelled meeting's items (called by the
   * meeting's cancellation notice). Its key holds the meeting: told once.
   */
  async planMeetingCancelled(meeting: Meeting, now: Date): Promise<void> {
    await this.services.scheduler.schedule<MeetingCancelledPayload>({
      key: `items:meetingCancelled:${meeting.id}`,
      kind: ITEM_JOB.meetingCancelled,
      group: `items:meeting:${meeting.id}`,
      payload: { meetingId: meeting.id },
      dueAt: now,
    });
  }

  /**
   * Items due "at the next meeting" lose their due when that meeting is
   * cancelled; nobody else would notice, so the secretariat is told which ones
   * need a new due.
   */
  async runMeetingCancelled(
    context: JobContext<MeetingCancelledPayload>,
  ): Promise<{ drop: string } | undefined> {
    const meeting = await this.services.meetings.get(context.job.payload.meetingId);
    if (!meeting || meeting.status !== 'cancelled') return { drop: 'meeting not cancelled' };
    const views = await this.dueAtCancelled(meeting, context.now);
    if (views.length === 0) return { drop: 'no open item was due at the meeting' };
    await this.send(
      context,
      await this.toSecretariat(
        (reader) => meetingCancelledCard(views, meeting, reader, lateSince(context)),
        (reader) => reader.t('pings.cancelled.title'),
      ),
    );
    return undefined;
  }

  /** Open items whose due was this (cancelled) meeting, by number. */
  async dueAtCancelled(meeting: Meeting, now: Date): Promise<ItemView[]> {
    const waiting = (await this.services.items.repository.all())
      .filter(
        (item) =>
          isActive(item) && item.due.kind === 'nextMeeting' && item.due.meetingId === meeting.id,
      )
      .sort((a, b) => a.number - b.number);
    return this.services.items.viewsOf(waiting, now);
  }

  private async send(context: JobContext<unknown>, outgoing: readonly Outgoing[]): Promise<void> {
    const results = await context.deliverMany(outgoing.map((o) => o.delivery));
    const sent = (status: DeliveryStatus | undefined) => status === 'sent';
    for (const [index, o] of outgoing.entries())
      if (o.personId && sent(results[index]))
        await this.services.items.rememberPinged(o.personId, o.itemIds);
  }

  // ----- what each run says to whom -------------------------------------------------------

  /** Active items and their views as of `at`. */
  private async activeViews(at: Date): Promise<ItemView[]> {
    const active = (await this.services.items.repository.all()).filter(isActive);
    return this.services.items.viewsOf(active, at);
  }

  /** The business-day pings and the escalation for `day`. */
  async dailyPlan(day: string): Promise<DailyPlan> {
    const at = this.when.dailyAt(day);
    const { days } = this.when;
    const { dueSoonBusinessDays, escalateAfterBusinessDays } = this.settings;
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
    const linked = (await this.services.items.repository.all()).filter(
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
      const representatives = members.filter((p) => p.role === 'member' || p.role === 'delegate');
      answering.set(departmentId, representatives.length > 0 ? representatives : members);
    }
    return (owner) => {
      if (owner.kind === 'department') return answering.get(owner.departmentId) ?? [];
      const person = byId.get(owner.personId);
      return person ? [person] : [];
    };
  }

  // ----- messages ------------------------------------------------------------------------

  private async readerFor(person: PersonPing['person']): Promise<Reader> {
    const chat = await this.services.conversations.personalChatOf(person.aadObjectId);
    const locale = localeFrom(chat?.locale);
    return { locale, t: translator(locale), timeZone: this.services.config.timeZone };
  }

  /** A ping card of at most MAX_ITEMS_PER_CARD items, saying how many more there are. */
  private async pingMessage(
    ping: PersonPing,
    reader: Reader,
    card: { title?: string; notice: string; tone: 'good' | 'warning'; late: Date | undefined },
  ): Promise<Outgoing> {
    const late = card.late ? lateText(card.late, reader) : undefined;
    const render = (count: number) => {
      const shown = ping.views.slice(0, count);
      const more = ping.views.length - shown.length;
      const notice =
        more > 0 ? `${card.notice} ${reader.t('pings.more', { count: more })}` : card.notice;
      const rendered = pingCard(shown, reader, {
        notice: { text: notice, tone: card.tone },
        ...(card.title ? { title: card.title } : {}),
        ...(late ? { late } : {}),
      });
      return { shown, notice, card: rendered };
    };
    // Long titles and quotes make big cards: show fewer items rather than fail to send.
    let built = render(MAX_ITEMS_PER_CARD);
    while (
      built.shown.length > 1 &&
      Buffer.byteLength(JSON.stringify(built.card)) > CARD_BUDGET_BYTES
    )
      built = render(built.shown.length - 1);
    const { shown, notice } = built;
    const message: OutboundMessage = { card: built.card, summary: notice };
    return {
      delivery: {
        recipientKey: `person:${ping.person.id}`,
        target: { userAadObjectId: ping.person.aadObjectId },
        message,
      },
      personId: ping.person.id,
      itemIds: shown.map((v) => v.item.id),
    };
  }

  /** `late`: when the run was planned, if it goes out well after that. */
  async dailyMessage(ping: PersonPing, late?: Date): Promise<Outgoing> {
    const reader = await this.readerFor(ping.person);
    const count = (reason: PingReason) =>
      ping.views.filter((v) => ping.reasons.get(v.item.id) === reason).length;
    const parts = (
      [
        ['overdue', 'pings.daily.overdue'],
        ['dueSoon', 'pings.daily.dueSoon'],
        ['followUp', 'pings.daily.followUp'],
      ] as const
    )
      .map(([reason, key]) => ({ key, count: count(reason) }))
      .filter((p) => p.count > 0)
      .map((p) => reader.t(p.key, { count: p.count }));
    return this.pingMessage(ping, reader, {
      notice: parts.join(reader.t('pings.daily.joiner')),
      tone: count('overdue') > 0 ? 'warning' : 'good',
      late,
    });
  }

  async digestMessage(ping: PersonPing, day: string, late?: Date): Promise<Outgoing> {
    const reader = await this.readerFor(ping.person);
    const { days } = this.when;
    const dueSoon = ping.views.filter(
      (v) =>
        !v.overdue &&
        v.due.kind === 'date' &&
        days.before(v.due.date, this.settings.dueSoonBusinessDays) <= day,
    ).length;
    const overdue = ping.views.filter((v) => v.overdue).length;
    return this.pingMessage(ping, reader, {
      title: reader.t('pings.digest.title'),
      notice: reader.t('pings.digest.summary', {
        count: ping.views.length,
        overdue,
        soon: dueSoon,
      }),
      tone: overdue > 0 ? 'warning' : 'good',
      late,
    });
  }

  async digestMessages(day: string, late?: Date): Promise<Outgoing[]> {
    const outgoing: Outgoing[] = [];
    for (const ping of await this.digestPlan(day))
      outgoing.push(await this.digestMessage(ping, day, late));
    return outgoing;
  }

  private async meetingMessage(
    ping: PersonPing,
    meeting: Meeting,
    late: Date | undefined,
  ): Promise<Outgoing> {
    const reader = await this.readerFor(ping.person);
    return this.pingMessage(ping, reader, {
      title: reader.t('pings.meeting.title', { meeting: meeting.title }),
      notice: reader.t('pings.meeting.notice', {
        when: formatMoment(new Date(meeting.startsAt), reader.locale, reader.timeZone),
      }),
      tone: 'good',
      late,
    });
  }

  /** One list per secretariat person, in their language. */
  private escalationMessages(
    plan: DailyPlan,
    at: Date,
    late: Date | undefined,
  ): Promise<Outgoing[]> {
    const { escalateAfterBusinessDays: days } = this.settings;
    return this.toSecretariat(
      (reader) => escalationCard(plan.escalated, reader, days, at, late),
      (reader) => reader.t('pings.escalation.title', { days }),
    );
  }

  /** One card to each secretariat person Teams can reach, in their language. */
  private async toSecretariat(
    card: (reader: Reader) => Card,
    summary: (reader: Reader) => string,
  ): Promise<Outgoing[]> {
    const secretariat = (await this.services.directory.listPeople()).filter(
      (p): p is Person & { aadObjectId: string } =>
        p.role === 'secretariat' && Boolean(p.aadObjectId),
    );
    const outgoing: Outgoing[] = [];
    for (const person of secretariat) {
      const reader = await this.readerFor(person);
      outgoing.push({
        delivery: {
          recipientKey: `secretariat:${person.id}`,
          target: { userAadObjectId: person.aadObjectId },
          message: { card: card(reader), summary: summary(reader) },
        },
        itemIds: [],
      });
    }
    return outgoing;
  }
}

/** When a run was planned, if it runs well after that (the process was down): its cards say so. */
function lateSince(context: JobContext<unknown>): Date | undefined {
  return context.late ? new Date(context.job.originalDueAt) : undefined;
}

function lateText(planned: Date, reader: Reader): string {
  return reader.t('pings.late', {
    planned: formatMoment(planned, reader.locale, reader.timeZone),
  });
}

/** Snoozed: no pings before `snoozedUntil`. */
function snoozed(item: ActionItem, at: Date): boolean {
  return item.snoozedUntil !== undefined && new Date(item.snoozedUntil) > at;
}

/** Most items the escalation card lists; the secretariat's item list has the rest. */
const MAX_ESCALATED_PER_CARD = 15;

/** The secretariat's daily list of items overdue by the threshold or more. */
export function escalationCard(
  escalated: DailyPlan['escalated'],
  reader: Reader,
  threshold: number,
  at: Date,
  late?: Date,
): Card {
  const { t } = reader;
  const shown = escalated.slice(0, MAX_ESCALATED_PER_CARD);
  const more = escalated.length - shown.length;
  return renderCard('items-escalation', {
    title: t('pings.escalation.title', { days: threshold }),
    intro: t('pings.escalation.intro', { count: escalated.length, days: threshold }),
    late: late ? lateText(late, reader) : '',
    items: shown.map(({ view, businessDaysLate }) => {
      const { item } = view;
      const facts = [
        { title: t('item.fact.owner'), value: view.ownerName[reader.locale] },
        { title: t('item.fact.due'), value: dueText(view.due, view.overdue, reader) },
        {
          title: t('pings.fact.late'),
          value: t('pings.escalation.late', { days: businessDaysLate }),
        },
        { title: t('item.fact.status'), value: statusText(item, reader) },
      ];
      if (item.blockedReason)
        facts.push({ title: t('item.fact.blocked'), value: item.blockedReason });
      const last = item.progress.at(-1);
      if (last) facts.push({ title: t('pings.fact.lastProgress'), value: last.text });
      if (item.snoozedUntil && new Date(item.snoozedUntil) > at)
        facts.push({
          title: t('item.fact.snoozed'),
          value: formatMoment(new Date(item.snoozedUntil), reader.locale, reader.timeZone),
        });
      return { id: item.id, heading: itemHeading(item, reader), facts };
    }),
    more: more > 0 ? t('pings.escalation.more', { count: more }) : '',
    labels: { show: t('item.button.show') },
  });
}

/**
 * The secretariat's one notice about a cancelled meeting: the open items that
 * were due at it, which now have no due, each with the command that sets one.
 */
export function meetingCancelledCard(
  views: readonly ItemView[],
  meeting: Meeting,
  reader: Reader,
  late?: Date,
): Card {
  const { t } = reader;
  const shown = views.slice(0, MAX_ESCALATED_PER_CARD);
  const more = views.length - shown.length;
  return renderCard('items-escalation', {
    title: t('pings.cancelled.title'),
    intro: t('pings.cancelled.intro', {
      meeting: meeting.title,
      when: formatMoment(new Date(meeting.startsAt), reader.locale, reader.timeZone),
      count: views.length,
    }),
    late: late ? lateText(late, reader) : '',
    items: shown.map((view) => {
      const { item } = view;
      return {
        id: item.id,
        heading: itemHeading(item, reader),
        facts: [
          { title: t('item.fact.owner'), value: view.ownerName[reader.locale] },
          { title: t('item.fact.due'), value: dueText(view.due, view.overdue, reader) },
          { title: t('item.fact.status'), value: statusText(item, reader) },
          {
            title: t('pings.cancelled.fact'),
            value: t('pings.cancelled.edit', { number: item.number }),
          },
        ],
      };
    }),
    more: more > 0 ? t('pings.escalation.more', { count: more }) : '',
    labels: { show: t('item.button.show') },
  });
}
