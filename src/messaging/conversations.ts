import { isDeepStrictEqual } from 'node:util';
import type { Clock } from '../clock.js';
import type { Collection, DocumentStore } from '../store/document-store.js';

export type ConversationKind = 'personal' | 'channel' | 'groupChat';

/**
 * Where the bot can post later. `reference` is the transport's own address
 * (a Bot Framework ConversationReference today), kept opaque to the domain.
 */
export interface ConversationRecord {
  readonly id: string;
  readonly kind: ConversationKind;
  readonly reference: unknown;
  readonly active: boolean;
  readonly userAadObjectId?: string;
  /** The user's id in the transport (Teams: the "29:…" MRI), e.g. for a card's refresh.userIds. */
  readonly userId?: string;
  /** The language the user last wrote in (e.g. "ja-JP"), for messages the bot starts. */
  readonly locale?: string;
  readonly updatedAt: string;
}

const CONVERSATIONS = 'conversations';

interface PersonalChat {
  readonly id: string; // the user's AAD object id
  readonly conversationId: string;
}

export class ConversationRegistry {
  private readonly conversations: Collection<ConversationRecord>;
  private readonly personalChats: Collection<PersonalChat>;

  constructor(
    store: DocumentStore,
    private readonly clock: Clock,
  ) {
    this.conversations = store.collection<ConversationRecord>(CONVERSATIONS);
    this.personalChats = store.collection<PersonalChat>('personalChats');
  }

  /** Remembers (or refreshes) a conversation; a no-op write is skipped. */
  async remember(input: Omit<ConversationRecord, 'updatedAt' | 'active'>): Promise<void> {
    const now = this.clock.now().toISOString();
    await this.conversations.update(input.id, (current) => {
      // Activities without a locale (some conversation updates) keep the one already known.
      const locale = input.locale ?? current?.locale;
      const next: ConversationRecord = {
        ...input,
        ...(locale ? { locale } : {}),
        active: true,
        updatedAt: now,
      };
      const unchanged =
        current?.active &&
        current.kind === next.kind &&
        current.userAadObjectId === next.userAadObjectId &&
        current.userId === next.userId &&
        current.locale === next.locale &&
        // Not JSON.stringify: PostgreSQL gives the reference back with its keys
        // sorted, which made every message rewrite its conversation there.
        isDeepStrictEqual(current.reference, next.reference);
      return unchanged ? undefined : next;
    });
    if (input.kind === 'personal' && input.userAadObjectId) {
      const userId = input.userAadObjectId;
      await this.personalChats.update(userId, (current) =>
        current?.conversationId === input.id ? undefined : { id: userId, conversationId: input.id },
      );
    }
  }

  /** The bot was removed, or the channel answered that it is gone: stop posting there. */
  async markInactive(conversationId: string): Promise<void> {
    const now = this.clock.now().toISOString();
    await this.conversations.update(conversationId, (current) =>
      current && current.active ? { ...current, active: false, updatedAt: now } : undefined,
    );
  }

  get(conversationId: string): Promise<ConversationRecord | undefined> {
    return this.conversations.get(conversationId);
  }

  async personalChatOf(userAadObjectId: string): Promise<ConversationRecord | undefined> {
    // One read on a database: a fan-out does this for every message.
    return this.personalChats.getReferenced(userAadObjectId, 'conversationId', CONVERSATIONS);
  }

  async channels(): Promise<ConversationRecord[]> {
    return this.conversations.find({ kind: 'channel', active: true });
  }
}
