import type { Actor } from '../domain/directory.js';
import { allows, Audience } from '../domain/roles.js';
import { translator } from '../i18n/translate.js';
import { summaryCard } from '../items/list-cards.js';
import { agendaCard } from '../meetings/cards.js';
import type { Meeting } from '../meetings/meeting.js';
import type { OutboundMessage } from '../messaging/sender.js';
import type { Collection } from '../store/document-store.js';
import type { ExtensionDeps, ExtensionTurn } from './deps.js';
import { dashboardLinkOf } from '../tab/deep-link.js';
import { baseUrlOf, icsUrl } from './links.js';

/** The meeting chat is read by everyone in it: no one person's turn, just a language. */
type ChatLanguage = Pick<ExtensionTurn, 'locale' | 't'>;

/** A Teams meeting's start or end, as the meeting chat's events describe it. */
export interface TeamsMeetingEvent {
  /** The meeting chat, where the bot posts. */
  readonly conversationId: string;
  /** When Teams says the meeting started or ended (ISO). */
  readonly at?: string;
}

interface TeamsMeetingLink {
  /** The meeting chat's conversation id. */
  readonly id: string;
  readonly meetingId: string;
  /** The start (ISO) the agenda was last posted for, so the start event does not repeat it. */
  readonly agendaPostedFor?: string;
}

export const MEETING_CHAT_AGENDA_JOB = 'extensions.meetingChatAgenda';

interface AgendaPayload {
  readonly chatId: string;
  readonly meetingId: string;
  /** The start this post was planned for: a moved meeting plans a new one. */
  readonly startsAt: string;
}

/** A Teams meeting is the committee's when it starts this close to a Honbu meeting's start. */
const MATCH_WINDOW_MS = 60 * 60 * 1000;
/** How long before the start the agenda goes to a linked meeting chat. */
const AGENDA_BEFORE_MS = 15 * 60 * 1000;

/**
 * The committee's Teams meeting chat. It is linked to a Honbu meeting when
 * the chair or the secretariat adds Honbu to it (the next meeting), or when
 * the Teams meeting starts within an hour of a Honbu meeting. A linked chat
 * gets the agenda card 15 minutes before the start (or at the start, if it
 * was linked only then) and, when the meeting ends, what came back at it.
 */
export class MeetingChat {
  private readonly links: Collection<TeamsMeetingLink>;

  constructor(private readonly deps: ExtensionDeps) {
    this.links = deps.store.collection<TeamsMeetingLink>('extensionMeetingChats');
  }

  /** The scheduled agenda post (one line in src/app/jobs.ts). */
  registerJobs(): void {
    this.deps.scheduler.register<AgendaPayload>(MEETING_CHAT_AGENDA_JOB, async (job) => {
      const { payload } = job.job;
      const meeting = await this.deps.meetings.get(payload.meetingId);
      if (!meeting || meeting.status === 'cancelled') return { drop: 'no meeting to announce' };
      if (meeting.startsAt !== payload.startsAt) {
        await this.planAgenda(payload.chatId, meeting);
        return { drop: 'meeting moved: planned again' };
      }
      const language = { locale: 'ja' as const, t: translator('ja') };
      await job.deliver(
        `meetingChat:${payload.chatId}`,
        { conversationId: payload.chatId },
        await this.agendaMessage(language, meeting),
        { respectQuietHours: false },
      );
      await this.links.update(payload.chatId, (link) =>
        link ? { ...link, agendaPostedFor: meeting.startsAt } : undefined,
      );
    });
  }

  /**
   * Honbu was added to a Teams meeting chat. When the chair or the secretariat
   * did it, the chat is the committee's next meeting: linked, and its agenda
   * planned. Anyone else's meeting chat is left alone.
   */
  async botAdded(adder: Actor, chatId: string): Promise<Meeting | undefined> {
    if (!allows(Audience.staff, adder.role)) return undefined;
    const next = await this.deps.meetings.next();
    if (!next) return undefined;
    await this.links.update(chatId, (current) =>
      current ? undefined : { id: chatId, meetingId: next.id },
    );
    const linked = await this.meetingOf({ conversationId: chatId });
    if (linked) await this.planAgenda(chatId, linked);
    return linked;
  }

  /** The Honbu meeting of this Teams meeting chat, linking it on first sight. */
  async meetingOf(event: TeamsMeetingEvent): Promise<Meeting | undefined> {
    const linked = await this.links.get(event.conversationId);
    if (linked) return this.deps.meetings.get(linked.meetingId);
    const at = new Date(event.at ?? this.deps.clock.now().toISOString()).getTime();
    const candidates = [
      ...(await this.deps.meetings.upcoming()),
      ...(await this.deps.meetings.recent(5)),
    ]
      .filter((m) => m.status === 'scheduled')
      .map((m) => ({ meeting: m, distance: Math.abs(new Date(m.startsAt).getTime() - at) }))
      .filter((c) => c.distance <= MATCH_WINDOW_MS)
      .sort((a, b) => a.distance - b.distance);
    const found = candidates[0]?.meeting;
    if (!found) return undefined;
    await this.links.update(event.conversationId, (current) =>
      current ? undefined : { id: event.conversationId, meetingId: found.id },
    );
    return found;
  }

  async started(
    turn: ChatLanguage,
    event: TeamsMeetingEvent,
  ): Promise<OutboundMessage | undefined> {
    const meeting = await this.meetingOf(event);
    if (!meeting) return undefined;
    const link = await this.links.get(event.conversationId);
    if (link?.agendaPostedFor === meeting.startsAt) return undefined;
    await this.links.update(event.conversationId, (current) =>
      current ? { ...current, agendaPostedFor: meeting.startsAt } : undefined,
    );
    return this.agendaMessage(turn, meeting);
  }

  async ended(turn: ChatLanguage, event: TeamsMeetingEvent): Promise<OutboundMessage | undefined> {
    const meeting = await this.meetingOf(event);
    if (!meeting) return undefined;
    const summary = await this.deps.items.summaryFor(meeting.id);
    if (!summary) return undefined;
    const reader = { locale: turn.locale, t: turn.t, timeZone: this.deps.config.timeZone };
    return { card: summaryCard(summary, reader) };
  }

  private async planAgenda(chatId: string, meeting: Meeting): Promise<void> {
    const start = new Date(meeting.startsAt);
    await this.deps.scheduler.schedule<AgendaPayload>({
      key: `extensions:meetingChat:${chatId}:${meeting.id}:${meeting.startsAt}`,
      kind: MEETING_CHAT_AGENDA_JOB,
      payload: { chatId, meetingId: meeting.id, startsAt: meeting.startsAt },
      dueAt: new Date(start.getTime() - AGENDA_BEFORE_MS),
      notAfter: start,
    });
  }

  private async agendaMessage(turn: ChatLanguage, meeting: Meeting): Promise<OutboundMessage> {
    const base = baseUrlOf(this.deps.config);
    const card = agendaCard(
      meeting,
      {
        t: turn.t,
        locale: turn.locale,
        timeZone: this.deps.config.timeZone,
        departments: await this.deps.directory.listDepartments(),
        people: await this.deps.directory.listPeople(),
        icsUrl: (id) => icsUrl(base, id),
        dashboardUrl: (id) => dashboardLinkOf(this.deps.config)({ kind: 'meeting', id }),
      },
      {
        audience: 'everyone',
        notice: { text: turn.t('ext.meeting.startingNotice'), tone: 'info' },
        now: this.deps.clock.now(),
      },
    );
    return { card, summary: turn.t('ext.meeting.startingNotice') };
  }
}
