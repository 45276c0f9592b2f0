import type { Meeting } from './meeting.js';

/**
 * What other features do when a meeting's reminders go out. The meetings
 * feature only announces; the app wires in who listens (action items ping the
 * owners whose reports are due at the meeting, and tell the secretariat which
 * items lost their due when it is cancelled), so meetings import no other feature.
 */
export interface MeetingFollowUps {
  /** The "materials" reminder went out (a week before the meeting). */
  materialsDue(meeting: Meeting, now: Date): Promise<void>;
  /** The cancellation notice went out. */
  cancelled(meeting: Meeting, now: Date): Promise<void>;
}
