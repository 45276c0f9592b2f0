import { createHash } from 'node:crypto';
import type { Clock } from '../clock.js';
import type { Collection, DocumentStore } from '../store/document-store.js';

/** One incoming activity, by a digest of its conversation and activity id. */
interface Sighting {
  readonly id: string;
  /** When it was first handled, in ms since the epoch. */
  readonly seenAt: number;
}

/**
 * How long an activity id is remembered. Teams redelivers a message when the bot
 * did not answer within about 15 seconds; a few minutes covers every redelivery.
 */
export const REDELIVERY_WINDOW_MS = 10 * 60 * 1000;
/** Expired sightings are removed at most this often (by whichever instance comes first). */
const SWEEP_EVERY_MS = 60 * 1000;

/**
 * Remembers which activities were handled, in the store, so a redelivered one is
 * handled once even when the redelivery reaches another instance on the same
 * database: the first `insert` of a sighting wins, atomically, on every backend.
 */
export class SeenActivities {
  private readonly sightings: Collection<Sighting>;
  private nextSweep = 0;

  constructor(
    store: DocumentStore,
    private readonly clock: Clock,
    private readonly windowMs = REDELIVERY_WINDOW_MS,
  ) {
    this.sightings = store.collection<Sighting>('seen-activities');
  }

  /** True the first time this activity arrives within the window; false for a redelivery. */
  async firstSighting(conversationId: string, activityId: string): Promise<boolean> {
    const now = this.clock.now().getTime();
    await this.sweep(now);
    const id = sightingId(conversationId, activityId);
    if (await this.sightings.insert({ id, seenAt: now })) return true;
    // Still stored but expired (not swept yet): this is a new arrival; claim it atomically.
    let claimed = false;
    await this.sightings.update(id, (current) => {
      claimed = !current || now - current.seenAt >= this.windowMs;
      return claimed ? { id, seenAt: now } : undefined;
    });
    return claimed;
  }

  /** Lets a later delivery of this activity run: handling it failed before it was done. */
  async forget(conversationId: string, activityId: string): Promise<void> {
    await this.sightings.delete(sightingId(conversationId, activityId));
  }

  private async sweep(now: number): Promise<void> {
    if (now < this.nextSweep) return;
    this.nextSweep = now + SWEEP_EVERY_MS;
    const expired = (await this.sightings.find()).filter((s) => now - s.seenAt >= this.windowMs);
    for (const sighting of expired) await this.sightings.delete(sighting.id);
  }
}

/** A digest: ids are the sender's text, of any length and with any characters. */
function sightingId(conversationId: string, activityId: string): string {
  const digest = createHash('sha256').update(JSON.stringify([conversationId, activityId]));
  return `seen-${digest.digest('hex')}`;
}
