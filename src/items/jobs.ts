import type { Services } from '../app/services.js';
import type { Meeting } from '../meetings/meeting.js';
import {
  ITEM_JOB,
  ItemPings,
  type DayPayload,
  type MeetingCancelledPayload,
  type MeetingPingPayload,
} from './pings.js';

/**
 * Action-item pings on the scheduler (one line in src/app/jobs.ts): registers
 * the handlers and plans the next daily and weekly runs, which then plan their
 * own successors.
 */
export async function registerItemJobs(services: Services): Promise<void> {
  const pings = new ItemPings(services);
  services.scheduler.register<DayPayload>(ITEM_JOB.daily, (context) => pings.runDaily(context));
  services.scheduler.register<DayPayload>(ITEM_JOB.digest, (context) => pings.runDigest(context));
  services.scheduler.register<MeetingPingPayload>(ITEM_JOB.meeting, (context) =>
    pings.runMeeting(context),
  );
  services.scheduler.register<MeetingCancelledPayload>(ITEM_JOB.meetingCancelled, (context) =>
    pings.runMeetingCancelled(context),
  );
  await pings.planAhead(services.clock.now());
}

/**
 * Called by a meeting's "materials" reminder (src/meetings/jobs.ts): the owners
 * of the items to report at that meeting get them in the same run of reminders,
 * so their reports reach the secretariat before the meeting.
 */
export function pingMeetingItems(services: Services, meeting: Meeting, now: Date): Promise<void> {
  return new ItemPings(services).planMeetingPing(meeting, now);
}

/**
 * Called by a meeting's cancellation notice (src/meetings/jobs.ts): the
 * secretariat is told, once, which items were due at that meeting and now need a new due.
 */
export function noticeCancelledMeetingItems(
  services: Services,
  meeting: Meeting,
  now: Date,
): Promise<void> {
  return new ItemPings(services).planMeetingCancelled(meeting, now);
}
