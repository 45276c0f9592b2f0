import { randomUUID } from 'node:crypto';

/** The source of "now". Injected everywhere so tests can move time by hand. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** Makes ids for new records. Injected so tests get predictable ids. */
export interface IdGenerator {
  next(prefix: string): string;
}

export const randomIds: IdGenerator = { next: (prefix) => `${prefix}_${randomUUID()}` };
