import type { Meeting } from '../meetings/meeting.js';

/**
 * What action items ask of the meetings feature: which meeting is next, which
 * took place, and a meeting by number or id (for its date, and for "report at
 * meeting N"). The meetings service answers it; items never change a meeting.
 */
export interface MeetingDates {
  get(id: string): Promise<Meeting | undefined>;
  /** "#3", "3" or the id. */
  find(reference: string): Promise<Meeting | undefined>;
  next(): Promise<Meeting | undefined>;
  /** Scheduled meetings that have not ended, soonest first. */
  upcoming(): Promise<Meeting[]>;
  /** Meetings that took place or were cancelled, latest first. */
  recent(limit: number): Promise<Meeting[]>;
}
