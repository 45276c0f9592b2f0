/** A unit of scheduled work, stored so it survives restarts. */
export interface Job<P = unknown> {
  /** Deterministic from the scheduling key, so scheduling twice does not duplicate. */
  readonly id: string;
  /** Which registered handler runs it, e.g. 'meeting.reminder'. */
  readonly kind: string;
  /** Jobs belonging to one thing (a meeting, a survey) share a group, to move or cancel them together. */
  readonly group?: string;
  readonly payload: P;
  /** When it should run (ISO). Retries and quiet-hour deferrals move it. */
  readonly dueAt: string;
  /** When it was first meant to run; "late" is measured from here. */
  readonly originalDueAt: string;
  /** After this moment the job is useless and is dropped instead of run (ISO). */
  readonly notAfter?: string;
  readonly status: JobStatus;
  readonly attempts: number;
  readonly claimedBy?: string;
  readonly leaseUntil?: string;
  readonly lastError?: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** A dead letter because this notAfter passed while its sends were failing (ISO). */
  readonly expiredAt?: string;
  /** Why it ended, for logs and the dead-letter list. */
  readonly outcome?: string;
}

/** 'held': the secretariat stopped it from going out until they release it (not run, not dropped). */
export type JobStatus = 'pending' | 'held' | 'claimed' | 'done' | 'dropped' | 'cancelled' | 'dead';

export interface NewJob<P = unknown> {
  /** Unique per intent, e.g. `meeting:mtg_1:reminder:7d`. */
  readonly key: string;
  readonly kind: string;
  readonly group?: string;
  readonly payload: P;
  readonly dueAt: Date;
  readonly notAfter?: Date;
}

export function jobIdFor(key: string): string {
  return `job:${key}`;
}
