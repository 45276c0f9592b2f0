import type { Card } from '../cards/card.js';
import type { Actor } from '../domain/directory.js';
import type { Locale } from '../i18n/locale.js';
import type { Translate } from '../i18n/translate.js';
import type { ConversationKind } from '../messaging/conversations.js';
import type { OutboundMessage } from '../messaging/sender.js';

/** A file or rich content sent with a message, as plain data copied from the activity. */
export interface IncomingAttachment {
  readonly contentType: string;
  readonly name?: string;
  readonly contentUrl?: string;
  readonly content?: unknown;
}

/** What a handler gets: who asks, in which language and where, and how to answer. */
export interface Turn {
  readonly actor: Actor;
  readonly locale: Locale;
  readonly t: Translate;
  readonly conversation: { readonly id: string; readonly kind: ConversationKind };
  /** Id of the incoming activity, for logs. */
  readonly activityId: string | undefined;
  /** The message as sent (line breaks kept) and what came with it; absent for card actions. */
  readonly message?: {
    readonly text: string;
    readonly attachments: readonly IncomingAttachment[];
  };
  reply(message: OutboundMessage | string): Promise<void>;
}

export interface CommandTurn extends Turn {
  /** The whole normalised text. */
  readonly text: string;
  /** What follows the command word, trimmed. */
  readonly args: string;
  /** Named groups when the command matched one of its patterns. */
  readonly groups: Readonly<Record<string, string>>;
}

export interface ActionTurn extends Turn {
  readonly verb: string;
  readonly data: Readonly<Record<string, unknown>>;
}

/**
 * What a card action answers. `card` replaces the card the user acted on
 * (Action.Execute); without it the user sees `message` (or a plain "done").
 */
export interface ActionOutcome {
  readonly card?: Card;
  readonly message?: string;
}
