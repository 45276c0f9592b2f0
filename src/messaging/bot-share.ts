import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import type { Collection, DocumentStore } from '../store/document-store.js';
import type { RateLimiter } from './rate-limit.js';

/** An instance that is sending, as the others see it. */
interface SendingInstance {
  readonly id: string;
  /** Until when it counts as sending, unless it says so again. */
  readonly sendingUntil: string;
}

export interface BotShareOptions {
  /** How often a sending instance says so and looks at who else is sending. */
  readonly refreshMs?: number;
  /** How long an instance counts as sending after it last said so (a crashed one drops out then). */
  readonly sendingMs?: number;
}

/** Records of instances silent this long are removed (each process start makes a new id). */
const FORGET_AFTER_MS = 60 * 60 * 1000;

/**
 * Teams' per-bot limit (50 a second) is for the bot as a whole, but each
 * process paces its own sends. On a shared database the instances that are
 * sending say so in the store, and each paces itself to an equal share of the
 * limit: 25 a second each while two send, all 50 again once the other stops.
 *
 * It costs nothing while an instance is idle: the share is refreshed only by
 * sends, at most every `refreshMs`, and the first send after a quiet spell
 * waits for it. The others learn of a newcomer only at their next refresh, and
 * may have sent their whole former share in the last second; so a newcomer that
 * finds others sending holds its first send for one refresh plus the per-bot
 * window (1.25 s by default). After that every 1-second window holds at most
 * each instance's share. Clocks of the instances are assumed to agree (NTP).
 */
export class BotShare {
  private readonly instances: Collection<SendingInstance>;
  private readonly refreshMs: number;
  private readonly sendingMs: number;
  private refreshedAt = Number.NEGATIVE_INFINITY;
  private refreshing: Promise<void> | undefined;
  /** Until when this instance has said it is sending. */
  private announcedUntil = Number.NEGATIVE_INFINITY;
  /** A newcomer's first send waits until then (see the class comment). */
  private holdUntil = Number.NEGATIVE_INFINITY;

  constructor(
    store: DocumentStore,
    private readonly clock: Clock,
    private readonly limiter: RateLimiter,
    private readonly id: string,
    private readonly logger: Logger,
    options: BotShareOptions = {},
  ) {
    this.instances = store.collection<SendingInstance>('sendingInstances');
    this.refreshMs = options.refreshMs ?? 250;
    this.sendingMs = options.sendingMs ?? 2_000;
  }

  /** Called before each attempt to send: keeps this instance's share current. */
  async beforeSend(): Promise<void> {
    const now = this.clock.now().getTime();
    if (!this.refreshing && now - this.refreshedAt >= this.refreshMs) {
      this.refreshedAt = now;
      this.refreshing = this.refresh(now).finally(() => (this.refreshing = undefined));
    }
    await this.refreshing;
    const hold = this.holdUntil - this.clock.now().getTime();
    if (hold > 0) await this.clock.sleep(hold);
  }

  /** Leaves at once, so the others take the whole limit back without waiting. */
  async stop(): Promise<void> {
    await this.instances.delete(this.id).catch((error: unknown) => {
      this.logger.warn({ err: error }, 'could not withdraw from the bot send share');
    });
  }

  private async refresh(now: number): Promise<void> {
    try {
      const joining = this.announcedUntil <= now;
      await this.instances.put({
        id: this.id,
        sendingUntil: new Date(now + this.sendingMs).toISOString(),
      });
      this.announcedUntil = now + this.sendingMs;
      const all = await this.instances.find();
      const others = all.filter((i) => i.id !== this.id && Date.parse(i.sendingUntil) > now);
      this.limiter.shareBotLimit(1 + others.length);
      if (joining && others.length > 0)
        this.holdUntil = now + this.refreshMs + this.limiter.botWindowMs;
      for (const gone of all.filter((i) => Date.parse(i.sendingUntil) < now - FORGET_AFTER_MS))
        await this.instances.delete(gone.id);
    } catch (error) {
      // The store is down: keep the last share rather than hold every send.
      this.logger.warn({ err: error }, 'could not refresh the bot send share');
    }
  }
}

/**
 * A BotShare where several instances can share the store (PostgreSQL); none on
 * a store only one process can open (lowdb), where the process has the whole limit.
 */
export function openBotShare(
  store: DocumentStore,
  clock: Clock,
  limiter: RateLimiter,
  id: string,
  logger: Logger,
): BotShare | undefined {
  return store.sharedByInstances ? new BotShare(store, clock, limiter, id, logger) : undefined;
}
