import type { Clock } from '../clock.js';
import type { Collection, DocumentStore } from '../store/document-store.js';
import type { ConversationRecord, ConversationRegistry } from './conversations.js';

/** The secretariat's choice for one conversation: announce there, or not. */
interface AnnouncePreference {
  readonly id: string; // conversation id
  readonly announce: boolean;
  readonly by: string;
  readonly at: string;
}

/**
 * Where committee-wide announcements (meeting notices and reminders) are posted.
 * The bot is installed in the committee's team, so every active channel it is in
 * is a committee channel, unless the secretariat said "not here"; a group chat
 * becomes one only when the secretariat says "announce here" in it.
 */
export class CommitteeChannels {
  private readonly preferences: Collection<AnnouncePreference>;

  constructor(
    store: DocumentStore,
    private readonly conversations: ConversationRegistry,
    private readonly clock: Clock,
  ) {
    this.preferences = store.collection<AnnouncePreference>('announceChannels');
  }

  async list(): Promise<ConversationRecord[]> {
    const preferences = new Map((await this.preferences.find()).map((p) => [p.id, p.announce]));
    const channels = (await this.conversations.channels()).filter(
      (c) => preferences.get(c.id) !== false,
    );
    const known = new Set(channels.map((c) => c.id));
    for (const [id, announce] of preferences) {
      if (!announce || known.has(id)) continue;
      const chat = await this.conversations.get(id);
      if (chat?.active && chat.kind !== 'personal') channels.push(chat);
    }
    return channels.sort((a, b) => a.id.localeCompare(b.id));
  }

  /** Turns announcements in a conversation on or off; 1:1 chats cannot be committee channels. */
  async set(
    conversationId: string,
    announce: boolean,
    by: string,
  ): Promise<'changed' | 'unchanged' | 'personal'> {
    const conversation = await this.conversations.get(conversationId);
    if (!conversation || conversation.kind === 'personal') return 'personal';
    let changed = false;
    await this.preferences.update(conversationId, (current) => {
      const effective = current?.announce ?? conversation.kind === 'channel';
      if (current && current.announce === announce) return undefined;
      changed = effective !== announce;
      return { id: conversationId, announce, by, at: this.clock.now().toISOString() };
    });
    return changed ? 'changed' : 'unchanged';
  }
}
