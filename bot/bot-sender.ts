import type { CloudAdapter, ConversationReference } from 'botbuilder';
import type { Logger } from '../src/logger.js';
import type { ConversationRegistry } from '../src/messaging/conversations.js';
import type { OutboundMessage, Sender, SendResult, Target } from '../src/messaging/sender.js';
import { toActivity } from './activities.js';

/**
 * Proactive sending through the Bot Framework. References come from the store,
 * so messages reach users after a restart. Errors become SendResults: the
 * scheduler decides about retries, this class never retries by itself.
 */
export class BotSender implements Sender {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string,
    private readonly conversations: ConversationRegistry,
    private readonly logger: Logger,
  ) {}

  async send(target: Target, message: OutboundMessage): Promise<SendResult> {
    const record =
      'conversationId' in target
        ? await this.conversations.get(target.conversationId)
        : await this.conversations.personalChatOf(target.userAadObjectId);
    if (!record || !record.active) return { ok: false, reason: 'unreachable' };
    try {
      let activityId: string | undefined;
      await this.adapter.continueConversationAsync(
        this.appId,
        record.reference as Partial<ConversationReference>,
        async (context) => {
          activityId = (await context.sendActivity(toActivity(message)))?.id;
        },
      );
      return { ok: true, conversationId: record.id, ...(activityId ? { activityId } : {}) };
    } catch (error) {
      const status = statusOf(error);
      if (status === 429)
        return { ok: false, reason: 'throttled', retryAfterMs: retryAfterMs(error) };
      if (status === 403 || status === 404) {
        await this.conversations.markInactive(record.id);
        return { ok: false, reason: 'gone' };
      }
      this.logger.warn({ err: error, conversationId: record.id, status }, 'proactive send failed');
      return { ok: false, reason: 'failed', ...(status ? { status } : {}), message: String(error) };
    }
  }
}

interface HttpishError {
  statusCode?: number;
  response?: { status?: number; headers?: { get?(name: string): string | undefined } };
}

function statusOf(error: unknown): number | undefined {
  const e = error as HttpishError;
  return e?.statusCode ?? e?.response?.status;
}

/** Retry-After in seconds (or an HTTP date); 1 s when absent or unreadable. */
function retryAfterMs(error: unknown): number {
  const header = (error as HttpishError)?.response?.headers?.get?.('retry-after');
  if (!header) return 1000;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isFinite(date) ? Math.max(0, date - Date.now()) : 1000;
}
