import type { WorkCalendar } from '../scheduling/calendar.js';
import type { Scheduler } from '../scheduling/scheduler.js';
import {
  ruleId,
  type Meeting,
  type ReminderPurpose,
  type ReminderRule,
  type Schedule,
} from './meeting.js';

export const REMINDER_JOB = 'meeting.reminder';
export const NOTICE_JOB = 'meeting.notice';

export interface ReminderPayload {
  readonly meetingId: string;
  readonly rule: string;
  readonly kind: ReminderRule['kind'];
  readonly purpose: ReminderPurpose;
  /** The start this reminder was planned for: a moved meeting makes it pointless. */
  readonly startsAt: string;
}

export type NoticePayload =
  | {
      readonly meetingId: string;
      readonly notice: 'rescheduled';
      readonly from: Schedule;
      readonly to: Schedule;
    }
  | { readonly meetingId: string; readonly notice: 'cancelled'; readonly reason: string };

export interface PlannedReminder {
  readonly key: string;
  readonly rule: ReminderRule;
  readonly dueAt: Date;
}

export interface ReplanResult {
  /** Pending jobs withdrawn (some may be planned again under the same key). */
  readonly cancelled: number;
  readonly planned: readonly PlannedReminder[];
}

/** All reminders of a meeting share a group, so moving or cancelling it reaches them all. */
export function reminderGroup(meetingId: string): string {
  return `meeting:${meetingId}:reminders`;
}

function noticeGroup(meetingId: string): string {
  return `meeting:${meetingId}:notices`;
}

/**
 * When a rule fires for a meeting starting at `start`. Day-based rules land at
 * their local time of day; "days before" that fall on a weekend or holiday move
 * to the previous business day ("business days before" never land on one).
 */
export function dueAtFor(rule: ReminderRule, start: Date, calendar: WorkCalendar): Date {
  if (rule.kind === 'minutesBefore') return new Date(start.getTime() - rule.amount * 60_000);
  const [hour = 9, minute = 0] = rule.at.split(':').map(Number);
  if (rule.kind === 'businessDaysBefore') {
    return calendar.atLocalTime(calendar.businessDaysBefore(start, rule.amount), hour, minute);
  }
  const day = calendar.local(start).minus({ days: rule.amount }).toJSDate();
  return calendar.onOrBeforeBusinessDay(calendar.atLocalTime(day, hour, minute));
}

/** The reminders still ahead of `now` for this meeting's current start. */
export function planReminders(
  meeting: Meeting,
  calendar: WorkCalendar,
  now: Date,
): PlannedReminder[] {
  const start = new Date(meeting.startsAt);
  return meeting.reminders
    .map((rule) => ({
      rule,
      dueAt: dueAtFor(rule, start, calendar),
      // The start is in the key: after a reschedule the reminders are new jobs, and
      // one that already went out for the old time does not block the new one.
      key: `meeting:${meeting.id}:reminder:${ruleId(rule)}:${meeting.startsAt}`,
    }))
    .filter((planned) => planned.dueAt > now && planned.dueAt < start);
}

/** Keeps a meeting's reminder jobs in step with the meeting. */
export class MeetingReminders {
  constructor(
    private readonly scheduler: Scheduler,
    private readonly calendar: WorkCalendar,
  ) {}

  /** Cancels what is pending and schedules the reminders of the meeting as it is now. */
  async replan(meeting: Meeting, now: Date): Promise<ReplanResult> {
    const cancelled = await this.scheduler.cancelGroup(
      reminderGroup(meeting.id),
      meeting.status === 'cancelled' ? 'meeting cancelled' : 'meeting changed',
    );
    if (meeting.status === 'cancelled') return { cancelled, planned: [] };
    const planned = planReminders(meeting, this.calendar, now);
    for (const reminder of planned) {
      await this.scheduler.schedule<ReminderPayload>({
        key: reminder.key,
        kind: REMINDER_JOB,
        group: reminderGroup(meeting.id),
        payload: {
          meetingId: meeting.id,
          rule: ruleId(reminder.rule),
          kind: reminder.rule.kind,
          purpose: reminder.rule.purpose,
          startsAt: meeting.startsAt,
        },
        dueAt: reminder.dueAt,
        // Once the meeting has begun a reminder is useless; before that a late one still helps.
        notAfter: new Date(meeting.startsAt),
      });
    }
    return { cancelled, planned };
  }

  /**
   * Withdraws the change notices of a meeting that have not gone out yet and
   * returns the time the earliest of them moved the meeting from: a new notice
   * then tells people once, from what they last heard to what is stored now.
   */
  async withdrawPendingMoves(meetingId: string): Promise<Schedule | undefined> {
    const pending = (await this.scheduler.jobsInGroup(noticeGroup(meetingId)))
      .filter((job) => job.status === 'pending')
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    let from: Schedule | undefined;
    for (const job of pending) {
      const payload = job.payload as NoticePayload;
      if (payload.notice !== 'rescheduled') continue;
      if (await this.scheduler.cancel(job.id, 'superseded by a later change'))
        from ??= payload.from;
    }
    return from;
  }

  /** Posts a change notice (through the scheduler: durable, retried, quiet hours for 1:1). */
  async notify(notice: NoticePayload, revision: number, now: Date): Promise<void> {
    await this.scheduler.schedule<NoticePayload>({
      key: `meeting:${notice.meetingId}:notice:${revision}`,
      kind: NOTICE_JOB,
      group: noticeGroup(notice.meetingId),
      payload: notice,
      dueAt: now,
    });
  }

  /** Pending reminder jobs of a meeting, earliest first (for the secretariat's view). */
  async pending(meetingId: string): Promise<Array<{ dueAt: Date; rule: string }>> {
    const jobs = await this.scheduler.jobsInGroup(reminderGroup(meetingId));
    return jobs
      .filter((job) => job.status === 'pending' || job.status === 'claimed')
      .map((job) => ({ dueAt: new Date(job.dueAt), rule: (job.payload as ReminderPayload).rule }))
      .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
  }
}
