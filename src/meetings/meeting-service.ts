import type { Clock, IdGenerator } from '../clock.js';
import type { Person } from '../domain/directory.js';
import type { DirectoryService } from '../domain/directory-service.js';
import type { CommitteeChannels } from '../messaging/committee-channels.js';
import type { ConversationRecord } from '../messaging/conversations.js';
import type { Collection, DocumentStore } from '../store/document-store.js';
import { Numbering } from '../store/numbering.js';
import { updateOrRefuse } from '../store/updates.js';
import {
  draftProblem,
  ruleId,
  DEFAULT_REMINDERS,
  type DraftProblem,
  type Attendance,
  type Meeting,
  type MeetingDraft,
  type MeetingEvent,
  type ReminderRule,
  type Schedule,
} from './meeting.js';
import type { MeetingReminders, ReplanResult } from './reminders.js';

export type ChangeResult =
  | {
      readonly ok: true;
      readonly meeting: Meeting;
      readonly rescheduled: boolean;
      /** Set when the reminders were planned again. */
      readonly reminders?: ReplanResult;
    }
  | {
      readonly ok: false;
      readonly reason: 'notFound' | 'cancelled' | 'unchanged' | DraftProblem;
    };

/** Who is told about a meeting: the committee channels and each attendee department's head and delegate. */
export interface MeetingAudience {
  readonly channels: readonly ConversationRecord[];
  readonly people: readonly Person[];
}

/** Times are stored as UTC ISO strings, so that comparing them as strings compares instants. */
function utcTimes(schedule: Schedule): Schedule {
  return {
    startsAt: new Date(schedule.startsAt).toISOString(),
    endsAt: new Date(schedule.endsAt).toISOString(),
  };
}

const DRAFT_FIELDS = [
  'title',
  'place',
  'agenda',
  'materials',
  'attendeeDepartmentIds',
  'disclosure',
] as const;

/**
 * Meetings and everything that happens to them. Each change is one atomic
 * update of the meeting record (history included); reminders follow the record.
 */
export class MeetingService {
  private readonly meetings: Collection<Meeting>;
  private readonly numbering: Numbering;

  constructor(
    store: DocumentStore,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly reminders: MeetingReminders,
    private readonly directory: DirectoryService,
    private readonly channels: CommitteeChannels,
  ) {
    this.meetings = store.collection<Meeting>('meetings');
    this.numbering = new Numbering(store);
  }

  async create(
    draft: MeetingDraft,
    by: string,
    reminders: readonly ReminderRule[] = DEFAULT_REMINDERS,
  ): Promise<
    { ok: true; meeting: Meeting; reminders: ReplanResult } | { ok: false; reason: DraftProblem }
  > {
    const problem = draftProblem(draft);
    if (problem) return { ok: false, reason: problem };
    const now = this.clock.now().toISOString();
    const number = await this.numbering.reserve('meeting');
    const meeting: Meeting = {
      ...draft,
      ...utcTimes(draft),
      id: this.ids.next('mtg'),
      number,
      reminders,
      attendance: [],
      status: 'scheduled',
      revision: 0,
      createdAt: now,
      updatedAt: now,
      history: [{ type: 'created', at: now, by }],
    };
    await this.meetings.insert(meeting);
    return { ok: true, meeting, reminders: await this.reminders.replan(meeting, this.clock.now()) };
  }

  /** Changes what the secretariat edits; a new time moves the reminders and notifies everyone. */
  async change(id: string, patch: Partial<MeetingDraft>, by: string): Promise<ChangeResult> {
    const now = this.clock.now().toISOString();
    const result = await updateOrRefuse<Meeting, 'cancelled' | 'unchanged' | DraftProblem>(
      this.meetings,
      id,
      (current) => {
        if (current.status === 'cancelled') return 'cancelled';
        const next: Meeting = { ...current, ...patch, ...utcTimes({ ...current, ...patch }) };
        const problem = draftProblem(next);
        if (problem) return problem;
        const fields = DRAFT_FIELDS.filter(
          (f) => JSON.stringify(current[f]) !== JSON.stringify(next[f]),
        );
        const moved = next.startsAt !== current.startsAt || next.endsAt !== current.endsAt;
        if (fields.length === 0 && !moved) return 'unchanged';
        const events: MeetingEvent[] = [];
        if (fields.length > 0) events.push({ type: 'edited', at: now, by, fields });
        if (moved) {
          events.push({
            type: 'rescheduled',
            at: now,
            by,
            from: { startsAt: current.startsAt, endsAt: current.endsAt },
            to: { startsAt: next.startsAt, endsAt: next.endsAt },
          });
        }
        return {
          ...next,
          revision: current.revision + 1,
          updatedAt: now,
          history: [...current.history, ...events],
        };
      },
    );
    if (!result.ok) return { ok: false, reason: result.reason };
    const { record: updated, before: previous } = result;
    const rescheduled = updated.startsAt !== previous.startsAt;
    if (!rescheduled && updated.endsAt === previous.endsAt)
      return { ok: true, meeting: updated, rescheduled };
    const reminders = await this.reminders.replan(updated, this.clock.now());
    // A notice of an earlier move not sent yet is folded into this one: one notice, from
    // the time people last heard, and none when the meeting is back where it was.
    const from = (await this.reminders.withdrawPendingMoves(id)) ?? {
      startsAt: previous.startsAt,
      endsAt: previous.endsAt,
    };
    if (from.startsAt !== updated.startsAt || from.endsAt !== updated.endsAt)
      await this.reminders.notify(
        {
          meetingId: id,
          notice: 'rescheduled',
          from,
          to: { startsAt: updated.startsAt, endsAt: updated.endsAt },
        },
        updated.revision,
        this.clock.now(),
      );
    return { ok: true, meeting: updated, rescheduled, reminders };
  }

  async cancel(id: string, reason: string, by: string): Promise<ChangeResult> {
    const now = this.clock.now().toISOString();
    const result = await updateOrRefuse<Meeting, 'cancelled'>(this.meetings, id, (current) => {
      if (current.status === 'cancelled') return 'cancelled';
      return {
        ...current,
        status: 'cancelled',
        ...(reason ? { cancelReason: reason } : {}),
        revision: current.revision + 1,
        updatedAt: now,
        history: [...current.history, { type: 'cancelled', at: now, by, reason }],
      };
    });
    if (!result.ok) return { ok: false, reason: result.reason };
    const updated = result.record;
    const reminders = await this.reminders.replan(updated, this.clock.now());
    await this.reminders.notify(
      { meetingId: id, notice: 'cancelled', reason },
      updated.revision,
      this.clock.now(),
    );
    return { ok: true, meeting: updated, rescheduled: false, reminders };
  }

  async setReminders(
    id: string,
    rules: readonly ReminderRule[],
    by: string,
  ): Promise<ChangeResult> {
    const now = this.clock.now().toISOString();
    const result = await updateOrRefuse<Meeting, 'cancelled'>(this.meetings, id, (current) => {
      if (current.status === 'cancelled') return 'cancelled';
      return {
        ...current,
        reminders: rules,
        updatedAt: now,
        history: [
          ...current.history,
          { type: 'reminders', at: now, by, rules: rules.map(ruleId).join(' ') },
        ],
      };
    });
    if (!result.ok) return { ok: false, reason: result.reason };
    const updated = result.record;
    const reminders = await this.reminders.replan(updated, this.clock.now());
    return { ok: true, meeting: updated, rescheduled: false, reminders };
  }

  /** A department says who comes: its head, a delegate (named), or nobody. The latest answer counts. */
  async recordAttendance(
    id: string,
    departmentId: string,
    attendee: Attendance['attendee'],
    by: string,
    delegate: Pick<Attendance, 'delegateId' | 'delegateName'> = {},
  ): Promise<ChangeResult | { ok: false; reason: 'notInvited' }> {
    const now = this.clock.now().toISOString();
    const result = await updateOrRefuse<Meeting, 'cancelled' | 'notInvited'>(
      this.meetings,
      id,
      (current) => {
        if (current.status === 'cancelled') return 'cancelled';
        if (!current.attendeeDepartmentIds.includes(departmentId)) return 'notInvited';
        return {
          ...current,
          attendance: [
            ...current.attendance.filter((a) => a.departmentId !== departmentId),
            { departmentId, attendee, ...delegate, by, at: now },
          ],
          updatedAt: now,
          history: [
            ...current.history,
            { type: 'attendance', at: now, by, departmentId, attendee },
          ],
        };
      },
    );
    if (!result.ok) return { ok: false, reason: result.reason };
    return { ok: true, meeting: result.record, rescheduled: false };
  }

  get(id: string): Promise<Meeting | undefined> {
    return this.meetings.get(id);
  }

  /** "#3", "3" or the id. */
  async find(reference: string): Promise<Meeting | undefined> {
    const text = reference.normalize('NFKC').trim();
    const number = /^#?(\d+)$/.exec(text)?.[1];
    if (number) return (await this.meetings.find({ number: Number(number) }))[0];
    return this.meetings.get(text);
  }

  /** Scheduled meetings that have not ended, soonest first. */
  async upcoming(): Promise<Meeting[]> {
    const now = this.clock.now().toISOString();
    return (await this.meetings.find({ status: 'scheduled' }))
      .filter((m) => m.endsAt > now)
      .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  }

  /** Meetings that took place or were cancelled, latest first. */
  async recent(limit: number): Promise<Meeting[]> {
    const now = this.clock.now().toISOString();
    return (await this.meetings.find())
      .filter((m) => m.status === 'cancelled' || m.endsAt <= now)
      .sort((a, b) => b.startsAt.localeCompare(a.startsAt))
      .slice(0, limit);
  }

  async next(): Promise<Meeting | undefined> {
    return (await this.upcoming())[0];
  }

  /** Reminders still to go out for a meeting, earliest first. */
  pendingReminders(id: string): Promise<Array<{ dueAt: Date; rule: string }>> {
    return this.reminders.pending(id);
  }

  async audienceOf(meeting: Meeting): Promise<MeetingAudience> {
    const people: Person[] = [];
    for (const departmentId of meeting.attendeeDepartmentIds)
      people.push(...(await this.directory.representativesOf(departmentId)));
    return { channels: await this.channels.list(), people };
  }
}
