import type { Card } from '../cards/card.js';
import type { ItemPingConfig } from '../config.js';
import type { Person } from '../domain/directory.js';
import { formatMoment } from '../i18n/dates.js';
import { localeFrom } from '../i18n/locale.js';
import { readerIn } from '../i18n/reader.js';
import type { Meeting } from '../meetings/meeting.js';
import type { OutboundMessage } from '../messaging/sender.js';
import type { Delivery, DeliveryStatus, JobContext } from '../scheduling/scheduler.js';
import { dashboardLinkOf, type DashboardLink } from '../tab/deep-link.js';
import type { ItemUses } from './deps.js';
import { PingCalendar } from './ping-calendar.js';
import { PingPlanner, type DailyPlan, type PersonPing, type PingReason } from './ping-plans.js';
import { escalationCard, lateText, meetingCancelledCard } from './ping-views.js';
import { pingCard, type Reader } from './views.js';

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

/** Most items one ping card shows; the rest are counted ("my items" lists them all). */
export const MAX_ITEMS_PER_CARD = 6;
/** Teams refuses messages over about 28 KB: a card stays under this many bytes of JSON. */
const CARD_BUDGET_BYTES = 24_000;

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
  readonly plans: PingPlanner;

  constructor(private readonly services: ItemUses) {
    this.when = new PingCalendar(services.calendar, services.config.itemPings);
    this.plans = new PingPlanner(services, this.when);
  }

  private get dashboardLink(): DashboardLink {
    return dashboardLinkOf(this.services.config);
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

  private planDaily(day: string): Promise<void> {
    return this.planDay('daily', day, this.when.dailyAt(day));
  }

  private planDigest(day: string): Promise<void> {
    return this.planDay('digest', day, this.when.digestAt(day));
  }

  private async planDay(job: 'daily' | 'digest', day: string, dueAt: Date): Promise<void> {
    await this.services.scheduler.schedule<DayPayload>({
      key: `items:${job}:${day}`,
      kind: ITEM_JOB[job],
      group: PING_GROUP,
      payload: { day },
      dueAt,
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
    const plan = await this.plans.dailyPlan(day);
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
    for (const ping of await this.plans.meetingPlan(meeting, context.now))
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
    const views = await this.plans.dueAtCancelled(meeting, context.now);
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

  private async send(context: JobContext<unknown>, outgoing: readonly Outgoing[]): Promise<void> {
    const results = await context.deliverMany(outgoing.map((o) => o.delivery));
    const sent = (status: DeliveryStatus | undefined) => status === 'sent';
    for (const [index, o] of outgoing.entries())
      if (o.personId && sent(results[index]))
        await this.services.items.rememberPinged(o.personId, o.itemIds);
  }

  // ----- what each run says to whom -------------------------------------------------------

  // ----- messages ------------------------------------------------------------------------

  private async readerFor(person: PersonPing['person']): Promise<Reader> {
    const chat = await this.services.conversations.personalChatOf(person.aadObjectId);
    const locale = localeFrom(chat?.locale);
    return readerIn(locale, this.services.config.timeZone);
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
        dashboardLink: this.dashboardLink,
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
    for (const ping of await this.plans.digestPlan(day))
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
      (reader) => escalationCard(plan.escalated, reader, days, at, late, this.dashboardLink),
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
