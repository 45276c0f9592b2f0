import { TurnContext, type ConversationReference } from 'botbuilder';
import {
  AuthenticationConstants,
  ClaimsIdentity,
  type BotFrameworkAuthentication,
  type ConnectorClient,
} from 'botframework-connector';
import type { Logger } from '../src/logger.js';
import type { ConversationRecord, ConversationRegistry } from '../src/messaging/conversations.js';
import { SendFailures } from '../src/messaging/refusals.js';
import type {
  OutboundMessage,
  PreparedSend,
  Sender,
  SendResult,
  Target,
} from '../src/messaging/sender.js';
import { toActivity } from './activities.js';

/**
 * Proactive sending through the Bot Connector. References come from the store,
 * so messages reach users after a restart. It calls the connector directly
 * rather than through adapter.continueConversationAsync, because that runs a
 * whole turn: a failed send would trigger the turn-error apology to the user,
 * and the message would be posted as a reply to the user's last message
 * (a thread reply in channels) instead of as a new post.
 * Errors become SendResults: the scheduler decides about retries.
 */
export class BotSender implements Sender {
  private readonly claims: ClaimsIdentity;
  private readonly failures: SendFailures;

  constructor(
    private readonly auth: BotFrameworkAuthentication,
    appId: string,
    private readonly conversations: ConversationRegistry,
    logger: Logger,
  ) {
    this.failures = new SendFailures(conversations, logger);
    this.claims = new ClaimsIdentity(
      [
        { type: AuthenticationConstants.AudienceClaim, value: appId },
        { type: AuthenticationConstants.AppIdClaim, value: appId },
      ],
      true,
    );
  }

  async send(target: Target, message: OutboundMessage): Promise<SendResult> {
    const prepared = await this.prepare(target, message);
    return 'ok' in prepared ? prepared : prepared.send();
  }

  /** Reads the stored conversation now; the returned send posts there. */
  async prepare(target: Target, message: OutboundMessage): Promise<PreparedSend | SendResult> {
    const record =
      'conversationId' in target
        ? await this.conversations.get(target.conversationId)
        : await this.conversations.personalChatOf(target.userAadObjectId);
    if (!record || !record.active) return { ok: false, reason: 'unreachable' };
    return { conversationId: record.id, send: () => this.sendTo(record, message) };
  }

  private async sendTo(record: ConversationRecord, message: OutboundMessage): Promise<SendResult> {
    const reference = record.reference as Partial<ConversationReference>;
    try {
      const client = await this.clientFor(reference.serviceUrl ?? '');
      const { activityId: _lastIncoming, ...newPost } = reference;
      const activity = TurnContext.applyConversationReference(toActivity(message), newPost, false);
      const response = await client.conversations.sendToConversation(record.id, activity);
      this.failures.succeeded(record.id);
      return {
        ok: true,
        conversationId: record.id,
        ...(response.id ? { activityId: response.id } : {}),
      };
    } catch (error) {
      return this.failure(error, record.id, 'proactive send failed');
    }
  }

  async update(
    conversationId: string,
    activityId: string,
    message: OutboundMessage,
  ): Promise<SendResult> {
    const record = await this.conversations.get(conversationId);
    if (!record || !record.active) return { ok: false, reason: 'unreachable' };
    const reference = record.reference as Partial<ConversationReference>;
    try {
      const client = await this.clientFor(reference.serviceUrl ?? '');
      const { activityId: _lastIncoming, ...where } = reference;
      const activity = TurnContext.applyConversationReference(toActivity(message), where, false);
      activity.id = activityId;
      await client.conversations.updateActivity(record.id, activityId, activity);
      this.failures.succeeded(record.id);
      return { ok: true, conversationId: record.id, activityId };
    } catch (error) {
      // A 404 here means that one message was deleted, not that the bot left the conversation.
      if (statusOf(error) === 404) return { ok: false, reason: 'gone' };
      return this.failure(error, record.id, 'updating a message failed');
    }
  }

  /** Connector errors as SendResults: the caller (often the scheduler) decides about retries. */
  private async failure(error: unknown, conversationId: string, what: string): Promise<SendResult> {
    const status = statusOf(error);
    if (status === 429)
      return { ok: false, reason: 'throttled', retryAfterMs: retryAfterMs(error) };
    if (status === 403 || status === 404) {
      await this.conversations.markInactive(conversationId);
      return { ok: false, reason: 'gone' };
    }
    const message = await this.failures.failed(conversationId, what, {
      error,
      ...(status ? { status } : {}),
    });
    return { ok: false, reason: 'failed', ...(status ? { status } : {}), message };
  }

  /** The factory keeps one client per service URL (see bot/adapter.ts). */
  private clientFor(serviceUrl: string): Promise<ConnectorClient> {
    // No audience: the factory then uses the channel's default, as continueConversationAsync does.
    return this.auth.createConnectorFactory(this.claims).create(serviceUrl);
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

/** Retry-After in seconds; 1 s when absent or unreadable (an HTTP-date form is not used by Teams). */
function retryAfterMs(error: unknown): number {
  const seconds = Number((error as HttpishError)?.response?.headers?.get?.('retry-after'));
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : 1000;
}
