import type { Clock } from '../clock.js';
import { RateLimiter } from './rate-limit.js';
import type { OutboundMessage, Sender, SendResult, Target } from './sender.js';

/**
 * Paces every outbound message to Teams' documented limits, so a reminder
 * storm slows down instead of being throttled and losing messages. Sends wait
 * their turn (FIFO per process); a 429 that still comes back is passed to the
 * scheduler, which retries after Retry-After.
 */
export class RateLimitedSender implements Sender {
  constructor(
    private readonly inner: Sender,
    private readonly clock: Clock,
    private readonly limiter = new RateLimiter(),
  ) {}

  async send(target: Target, message: OutboundMessage): Promise<SendResult> {
    await this.turn(
      'conversationId' in target ? `c:${target.conversationId}` : `u:${target.userAadObjectId}`,
    );
    return this.inner.send(target, message);
  }

  /** Updates count against the same per-conversation limits as sends. */
  async update(
    conversationId: string,
    activityId: string,
    message: OutboundMessage,
  ): Promise<SendResult> {
    await this.turn(`c:${conversationId}`);
    return this.inner.update(conversationId, activityId, message);
  }

  private async turn(key: string): Promise<void> {
    for (;;) {
      const wait = this.limiter.tryAcquire(key, this.clock.now().getTime());
      if (wait === 0) return;
      await this.clock.sleep(wait);
    }
  }
}
