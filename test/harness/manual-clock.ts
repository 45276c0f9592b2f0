import type { Clock } from '../../src/clock.js';

/** A clock that only moves when the test says so. */
export class ManualClock implements Clock {
  private current: number;

  constructor(start: Date | string) {
    this.current = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  set(to: Date | string): void {
    this.current = new Date(to).getTime();
  }

  advance(ms: number): void {
    this.current += ms;
  }

  /** Waiting on a manual clock moves it: paced sends take simulated, not real, time. */
  async sleep(ms: number): Promise<void> {
    this.current += ms;
  }
}
