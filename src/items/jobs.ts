import type { FeatureJobs } from '../app/feature.js';
import type { ItemUses } from './deps.js';
import type { MeetingFollowUps } from '../meetings/ports.js';
import {
  ITEM_JOB,
  ItemPings,
  type DayPayload,
  type MeetingCancelledPayload,
  type MeetingPingPayload,
} from './pings.js';

/**
 * Action-item pings on the scheduler: the handlers, and the next daily and
 * weekly runs, planned at start-up, which then plan their own successors.
 */
export function itemJobs(services: ItemUses): FeatureJobs {
  const pings = new ItemPings(services);
  return {
    register: () => {
      services.scheduler.register<DayPayload>(ITEM_JOB.daily, (context) => pings.runDaily(context));
      services.scheduler.register<DayPayload>(ITEM_JOB.digest, (context) =>
        pings.runDigest(context),
      );
      services.scheduler.register<MeetingPingPayload>(ITEM_JOB.meeting, (context) =>
        pings.runMeeting(context),
      );
      services.scheduler.register<MeetingCancelledPayload>(ITEM_JOB.meetingCancelled, (context) =>
        pings.runMeetingCancelled(context),
      );
    },
    plan: () => pings.planAhead(services.clock.now()),
  };
}

/**
 * What items do when a meeting's reminders go out (the meetings feature's
 * follow-up port, src/meetings/ports.ts). With the "materials" reminder, the
 * owners of the items to report at that meeting get them in the same run, so
 * their reports reach the secretariat before the meeting; with a cancellation
 * notice, the secretariat is told, once, which items were due at that meeting
 * and now need a new due.
 */
export function meetingItemPings(services: ItemUses): MeetingFollowUps {
  const pings = new ItemPings(services);
  return {
    materialsDue: (meeting, now) => pings.planMeetingPing(meeting, now),
    cancelled: (meeting, now) => pings.planMeetingCancelled(meeting, now),
  };
}
