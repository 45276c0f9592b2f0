/**
 * Microsoft's documented limits for a bot sending in Teams ("Rate limiting for
 * bots", learn.microsoft.com/microsoftteams/platform/bots/how-to/rate-limit):
 * per bot per thread (1:1 chat, group chat or channel), "Send to conversation":
 * 7 per 1 s, 8 per 2 s, 60 per 30 s, 1800 per 3600 s; and a global limit per
 * app per tenant of 50 requests per second.
 */
export interface Window {
  readonly count: number;
  readonly ms: number;
}

export const TEAMS_PER_CONVERSATION: readonly Window[] = [
  { count: 7, ms: 1_000 },
  { count: 8, ms: 2_000 },
  { count: 60, ms: 30_000 },
  { count: 1800, ms: 3_600_000 },
];

export const TEAMS_PER_BOT: readonly Window[] = [{ count: 50, ms: 1_000 }];

/**
 * A send holding a place in the windows. Teams counts a message when it
 * arrives, which is somewhere between the moment it leaves here and the moment
 * the answer comes back. So a place counts as "now" while its send is in
 * flight, and from the moment the answer came back once it is finished: every
 * arrival is then inside the windows we count, whatever the network's jitter,
 * at the cost of one round trip per window.
 */
export interface Reservation {
  finish(at: number): void;
}

interface Place {
  at: number;
  inFlight: boolean;
}

/** Sliding-window log of sends for one key (a conversation, or the whole bot). */
class SlidingLog {
  private places: Place[] = [];
  private readonly longest: number;
  constructor(private windows: readonly Window[]) {
    this.longest = Math.max(...windows.map((w) => w.ms));
  }

  /** New counts for the same windows; what was sent still counts against them. */
  limitTo(windows: readonly Window[]): void {
    this.windows = windows;
  }

  /** Milliseconds until one more send fits every window (0 = now). */
  waitAt(now: number): number {
    this.places = this.places.filter((p) => p.inFlight || p.at > now - this.longest);
    const times = this.places.map((p) => (p.inFlight ? now : p.at)).sort((a, b) => a - b);
    let wait = 0;
    for (const window of this.windows) {
      const inWindow = times.filter((t) => t > now - window.ms);
      if (inWindow.length >= window.count) {
        const oldestThatMustExpire = inWindow[inWindow.length - window.count] ?? now;
        // An in-flight send counts as ending now, so this is the earliest it can expire.
        wait = Math.max(wait, oldestThatMustExpire + window.ms - now);
      }
    }
    return wait;
  }

  /** Nothing in flight and nothing inside any window: the log can be dropped. */
  idleAt(now: number): boolean {
    return this.places.every((p) => !p.inFlight && p.at <= now - this.longest);
  }

  record(now: number): Place {
    const place = { at: now, inFlight: true };
    this.places.push(place);
    return place;
  }
}

/** Idle conversation logs are looked for once per this many reservations. */
const SWEEP_EVERY = 1000;

/** Decides when the next send to a conversation may leave, under both sets of limits. */
export class RateLimiter {
  private readonly conversations = new Map<string, SlidingLog>();
  private readonly global: SlidingLog;
  /** Reservations since idle conversations were last dropped. */
  private sinceSweep = 0;
  private sharedWith = 1;

  constructor(
    private readonly perConversation: readonly Window[] = TEAMS_PER_CONVERSATION,
    private readonly perBot: readonly Window[] = TEAMS_PER_BOT,
  ) {
    this.global = new SlidingLog(perBot);
  }

  /** The longest per-bot window: what one instance may already have sent inside it. */
  get botWindowMs(): number {
    return Math.max(...this.perBot.map((w) => w.ms));
  }

  /**
   * Paces this process to a 1/`instances` share of the per-bot limit (at least
   * one send per window), for when that many instances of the bot send at once.
   */
  shareBotLimit(instances: number): void {
    const n = Math.max(1, Math.floor(instances));
    if (n === this.sharedWith) return;
    this.sharedWith = n;
    this.global.limitTo(
      this.perBot.map((w) => ({ count: Math.max(1, Math.floor(w.count / n)), ms: w.ms })),
    );
  }

  /**
   * Reserves a place if one is free now; otherwise says how long to wait
   * before asking again. A reservation must be finished when the send is.
   */
  tryAcquire(conversationKey: string, now: number): Reservation | { readonly waitMs: number } {
    let log = this.conversations.get(conversationKey);
    if (!log) {
      log = new SlidingLog(this.perConversation);
      this.conversations.set(conversationKey, log);
    }
    const wait = Math.max(log.waitAt(now), this.global.waitAt(now));
    if (wait > 0) return { waitMs: wait };
    const places = [log.record(now), this.global.record(now)];
    if (++this.sinceSweep >= SWEEP_EVERY) this.dropIdle(now);
    return {
      finish(at: number) {
        for (const place of places) {
          place.at = Math.max(place.at, at);
          place.inFlight = false;
        }
      },
    };
  }

  /** How many conversations have a log now (idle ones are dropped as sends go on). */
  get trackedConversations(): number {
    return this.conversations.size;
  }

  /**
   * A log outlives its longest window (an hour) only as an empty shell; dropping
   * those keeps memory flat when a bot writes to tens of thousands of people.
   */
  private dropIdle(now: number): void {
    this.sinceSweep = 0;
    for (const [key, log] of this.conversations)
      if (log.idleAt(now)) this.conversations.delete(key);
  }
}
