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
 * Teams counts a message when it arrives, we when it leaves; network jitter can
 * make two sends 1000 ms apart here arrive 990 ms apart there. Each window is
 * treated as this much longer so the jitter does not cost a 429.
 */
export const JITTER_MARGIN_MS = 25;

/** Sliding-window log of send times for one key (a conversation, or the whole bot). */
class SlidingLog {
  private readonly times: number[] = [];
  private readonly windows: readonly Window[];
  constructor(windows: readonly Window[], margin: number) {
    this.windows = windows.map((w) => ({ count: w.count, ms: w.ms + margin }));
  }

  /** Milliseconds until one more send fits every window (0 = now). */
  waitAt(now: number): number {
    const longest = Math.max(...this.windows.map((w) => w.ms));
    while (this.times.length > 0 && (this.times[0] ?? 0) <= now - longest) this.times.shift();
    let wait = 0;
    for (const window of this.windows) {
      const inWindow = this.times.filter((t) => t > now - window.ms);
      if (inWindow.length >= window.count) {
        const oldestThatMustExpire = inWindow[inWindow.length - window.count] ?? now;
        wait = Math.max(wait, oldestThatMustExpire + window.ms - now);
      }
    }
    return wait;
  }

  record(now: number): void {
    this.times.push(now);
  }
}

/** Decides when the next send to a conversation may leave, under both sets of limits. */
export class RateLimiter {
  private readonly conversations = new Map<string, SlidingLog>();
  private readonly global: SlidingLog;

  constructor(
    private readonly perConversation: readonly Window[] = TEAMS_PER_CONVERSATION,
    perBot: readonly Window[] = TEAMS_PER_BOT,
    private readonly margin = JITTER_MARGIN_MS,
  ) {
    this.global = new SlidingLog(perBot, margin);
  }

  /** Reserves a slot if one is free now (returns 0), else returns how long to wait. */
  tryAcquire(conversationKey: string, now: number): number {
    let log = this.conversations.get(conversationKey);
    if (!log) {
      log = new SlidingLog(this.perConversation, this.margin);
      this.conversations.set(conversationKey, log);
    }
    const wait = Math.max(log.waitAt(now), this.global.waitAt(now));
    if (wait > 0) return wait;
    log.record(now);
    this.global.record(now);
    return 0;
  }
}
