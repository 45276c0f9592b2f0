import type { Logger } from '../logger.js';
import type { ConversationRegistry } from './conversations.js';

/** Refusals in a row after which a conversation is taken as unreachable. */
export const REFUSALS_BEFORE_UNREACHABLE = 3;

/** A failed send as one log line: the HTTP status, or the network error's code and first line. */
export interface SendFailure {
  readonly status?: number;
  readonly error: unknown;
}

function oneLine(error: unknown): string {
  const code = (error as { code?: unknown })?.code;
  const message = error instanceof Error ? error.message : String(error);
  const first = message.split('\n')[0] ?? '';
  return typeof code === 'string' && !first.includes(code) ? `${code}: ${first}` : first;
}

/**
 * Logs failed sends one line each (no stack: a chat client that went away
 * would otherwise fill the log), and takes a conversation whose endpoint
 * refuses the connection several times in a row as unreachable: it is marked
 * inactive, so later sends stop at once, until its user writes to the bot again.
 * An HTTP error (5xx) is not a refusal: Teams answered, and may recover.
 */
export class SendFailures {
  private readonly refusals = new Map<string, number>();

  constructor(
    private readonly conversations: ConversationRegistry,
    private readonly logger: Logger,
  ) {}

  succeeded(conversationId: string): void {
    this.refusals.delete(conversationId);
  }

  /** Logs the failure; returns a short description for the SendResult. */
  async failed(conversationId: string, what: string, failure: SendFailure): Promise<string> {
    const error = oneLine(failure.error);
    if (failure.status !== undefined) {
      this.refusals.delete(conversationId);
      this.logger.warn({ conversationId, status: failure.status, error }, what);
      return error;
    }
    const count = (this.refusals.get(conversationId) ?? 0) + 1;
    if (count < REFUSALS_BEFORE_UNREACHABLE) {
      this.refusals.set(conversationId, count);
      this.logger.warn({ conversationId, error, refusals: count }, what);
      return error;
    }
    this.refusals.delete(conversationId);
    await this.conversations.markInactive(conversationId);
    this.logger.warn(
      { conversationId, error, refusals: count },
      `${what}; marked unreachable until its user writes again`,
    );
    return error;
  }
}
