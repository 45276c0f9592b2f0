import type { Scheduler } from '../../src/scheduling/scheduler.js';
import type { ManualClock } from './manual-clock.js';

/**
 * Moves the clock from due job to due job up to `until`, ticking at each: weeks
 * of scheduled work in milliseconds. `afterTick` sees the time of each tick
 * (e.g. to stamp what was sent then).
 */
export async function runUntil(
  clock: ManualClock,
  scheduler: Scheduler,
  until: Date | string,
  afterTick?: (at: Date) => void,
): Promise<void> {
  const end = new Date(until).getTime();
  for (;;) {
    const next = await scheduler.nextDueAt();
    if (!next || next.getTime() > end) break;
    if (next.getTime() > clock.now().getTime()) clock.set(next);
    const at = clock.now();
    await scheduler.tick();
    afterTick?.(at);
  }
  clock.set(new Date(end));
}
