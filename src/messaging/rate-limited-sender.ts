import type { Clock } from '../clock.js';
import type { BotShare } from './bot-share.js';
import { RateLimiter, type Reservation } from './rate-limit.js';
import type { OutboundMessage, Sender, SendResult, Target } from './sender.js';

/**
 * Paces every outbound message to Teams' documented limits, so a reminder
 * storm slows down instead of being throttled and losing messages. Sends wait
 * their turn in this process; with several instances on one database, a
 * BotShare divides the per-bot limit between the instances sending. A 429
 * that still comes back is passed to the scheduler, which retries after
 * Retry-After.
 */
export class RateLimitedSender implements Sender {
  constructor(
    private readonly inner: Sender,
    private readonly clock: Clock,
    private readonly limiter = new RateLimiter(),
    private readonly share?: BotShare,
  ) {}

  /**
   * The target is looked up before the turn is taken: a turn held during
   * database reads would stretch every send's place in the windows, and a
   * fan-out would fall behind the pace the limits allow.
   */
  async send(target: Target, message: OutboundMessage): Promise<SendResult> {
    if (!this.inner.prepare) {
      const key =
        'conversationId' in target ? `c:${target.conversationId}` : `u:${target.userAadObjectId}`;
      return this.inTurn(key, () => this.inner.send(target, message));
    }
    const prepared = await this.inner.prepare(target, message);
    // Nowhere to send: no turn is used.
    if ('ok' in prepared) return prepared;
    return this.inTurn(`c:${prepared.conversationId}`, () => prepared.send());
  }

  /** Updates count against the same per-conversation limits as sends. */
  update(
    conversationId: string,
    activityId: string,
    message: OutboundMessage,
  ): Promise<SendResult> {
    return this.inTurn(`c:${conversationId}`, () =>
      this.inner.update(conversationId, activityId, message),
    );
  }

  private async inTurn(key: string, work: () => Promise<SendResult>): Promise<SendResult> {
    const place = await this.turn(key);
    try {
      return await work();
    } finally {
      place.finish(this.clock.now().getTime());
    }
  }

  private async turn(key: string): Promise<Reservation> {
    for (;;) {
      await this.share?.beforeSend();
      const place = this.limiter.tryAcquire(key, this.clock.now().getTime());
      if (!('waitMs' in place)) return place;
      await this.clock.sleep(place.waitMs);
    }
  }
}
