import type { Collection } from '../store/document-store.js';
import { agendaCard } from '../meetings/cards.js';
import type { Meeting } from '../meetings/meeting.js';
import { summaryCard } from '../items/lists.js';
import type { OutboundMessage } from '../messaging/sender.js';
import type { ExtensionDeps, ExtensionTurn } from './deps.js';

/** The meeting chat is read by everyone in it: no one person's turn, just a language. */
type ChatLanguage = Pick<ExtensionTurn, 'locale' | 't'>;
import { baseUrlOf, icsUrl } from './links.js';

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
}

/** A Teams meeting is the committee's when it starts this close to a Honbu meeting's start. */
const MATCH_WINDOW_MS = 60 * 60 * 1000;

/**
 * The committee's Teams meeting, with the bot in its chat: when it starts,
 * the agenda card is posted there; when it ends, what comes back at this
 * meeting (items done, late, open). The chat is linked to the Honbu meeting
 * whose start is nearest (within an hour) the first time it starts, and
 * keeps that link.
 */
export class MeetingChat {
  private readonly links: Collection<TeamsMeetingLink>;

  constructor(private readonly deps: ExtensionDeps) {
    this.links = deps.store.collection<TeamsMeetingLink>('extensionMeetingChats');
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
      },
      {
        audience: 'everyone',
        notice: { text: turn.t('ext.meeting.startingNotice'), tone: 'info' },
        now: this.deps.clock.now(),
      },
    );
    return { card, summary: turn.t('ext.meeting.startingNotice') };
  }

  async ended(turn: ChatLanguage, event: TeamsMeetingEvent): Promise<OutboundMessage | undefined> {
    const meeting = await this.meetingOf(event);
    if (!meeting) return undefined;
    const summary = await this.deps.items.summaryFor(meeting.id);
    if (!summary) return undefined;
    const reader = { locale: turn.locale, t: turn.t, timeZone: this.deps.config.timeZone };
    return { card: summaryCard(summary, reader) };
  }
}
