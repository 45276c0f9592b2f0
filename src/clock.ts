import { randomUUID } from 'node:crypto';

/** The source of "now", and of waiting. Injected everywhere so tests can move time by hand. */
export interface Clock {
  now(): Date;
  /** Resolves once `ms` have passed on this clock. */
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => new Date(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** Makes ids for new records. Injected so tests get predictable ids. */
export interface IdGenerator {
  next(prefix: string): string;
}

export const randomIds: IdGenerator = { next: (prefix) => `${prefix}_${randomUUID()}` };
