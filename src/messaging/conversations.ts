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
  readonly updatedAt: string;
}

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
    this.conversations = store.collection<ConversationRecord>('conversations');
    this.personalChats = store.collection<PersonalChat>('personalChats');
  }

  /** Remembers (or refreshes) a conversation; a no-op write is skipped. */
  async remember(input: Omit<ConversationRecord, 'updatedAt' | 'active'>): Promise<void> {
    const now = this.clock.now().toISOString();
    await this.conversations.update(input.id, (current) => {
      if (current?.active && JSON.stringify(current.reference) === JSON.stringify(input.reference))
        return undefined;
      return { ...input, active: true, updatedAt: now };
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
    const chat = await this.personalChats.get(userAadObjectId);
    return chat ? this.conversations.get(chat.conversationId) : undefined;
  }

  async channels(): Promise<ConversationRecord[]> {
    return this.conversations.find({ kind: 'channel', active: true });
  }
}
