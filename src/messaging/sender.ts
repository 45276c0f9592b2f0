import type { Card } from '../cards/card.js';

/** Where a message goes: a known conversation, or a user's 1:1 chat with the bot. */
export type Target = { readonly conversationId: string } | { readonly userAadObjectId: string };

export type OutboundMessage =
  { readonly text: string } | { readonly card: Card; readonly summary?: string };

export type SendResult =
  | { readonly ok: true; readonly conversationId: string; readonly activityId?: string }
  | { readonly ok: false; readonly reason: 'throttled'; readonly retryAfterMs: number }
  /** The bot is no longer in that conversation (403/404): do not retry. */
  | { readonly ok: false; readonly reason: 'gone' }
  /** No stored conversation to reach this target. */
  | { readonly ok: false; readonly reason: 'unreachable' }
  | {
      readonly ok: false;
      readonly reason: 'failed';
      readonly status?: number;
      readonly message: string;
    };

/** A send whose target has been looked up: the conversation it goes to, and the send itself. */
export interface PreparedSend {
  readonly conversationId: string;
  send(): Promise<SendResult>;
}

/** Sends proactive messages. The bot layer implements it; tests fake it. */
export interface Sender {
  send(target: Target, message: OutboundMessage): Promise<SendResult>;
  /**
   * Optional: looks the target up now and returns the send to make later, or the
   * result when there is nothing to send ('unreachable'). A pacer calls it before
   * waiting for its turn, so that the turn covers the send alone.
   */
  prepare?(target: Target, message: OutboundMessage): Promise<PreparedSend | SendResult>;
  /**
   * Replaces a message the bot posted earlier (e.g. a progress card) in place.
   * 'gone' means that message (or the whole conversation) no longer exists.
   */
  update(conversationId: string, activityId: string, message: OutboundMessage): Promise<SendResult>;
}
