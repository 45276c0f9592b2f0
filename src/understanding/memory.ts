import type { Slots } from '../app/intent.js';
import type { Turn } from '../app/turn.js';
import type { Clock } from '../clock.js';
import type { DocumentStore } from '../store/document-store.js';
import { StampedRecords } from '../store/stamped-records.js';

/** What a follow-up may refer to: the meeting or item just shown. */
export type Referent = Pick<Slots, 'meetingNumber' | 'itemNumber'>;

interface Remembered {
  readonly id: string;
  readonly meetingNumber?: number;
  readonly itemNumber?: number;
  /** ISO time it was shown; it is forgotten after FOLLOW_UP_MS. */
  readonly at: string;
}

/** A follow-up (「場所は？」) refers to what was shown this long ago at most. */
export const FOLLOW_UP_MS = 5 * 60_000;

/**
 * The short context of a 1:1 chat: what the bot just showed this user. It is
 * kept in the document store, not in memory, so a follow-up answered by the
 * other instance behind the load balancer sees it too; the key holds the
 * conversation and the user, so it never crosses users.
 */
export class ConversationMemory extends StampedRecords<Remembered> {
  constructor(store: DocumentStore, clock: Clock) {
    super(store, 'conversationContext', clock);
  }

  private static keyOf(turn: Turn): string | undefined {
    // In a channel the "conversation" is shared by everyone: no follow-ups there.
    if (turn.conversation.kind !== 'personal') return undefined;
    return `ctx:${turn.conversation.id}|${turn.actor.aadObjectId}`;
  }

  /** What was just shown; an empty referent forgets (「次の会議」 after 「会議 #1」). */
  async remember(turn: Turn, referent: Referent): Promise<void> {
    const id = ConversationMemory.keyOf(turn);
    if (!id) return;
    if (referent.meetingNumber === undefined && referent.itemNumber === undefined) {
      await this.records.delete(id);
      return;
    }
    await this.records.put({ id, ...referent, at: this.now().toISOString() });
  }

  async recall(turn: Turn): Promise<Referent> {
    const id = ConversationMemory.keyOf(turn);
    const found = id ? await this.records.get(id) : undefined;
    if (!found) return {};
    if (this.now().getTime() - Date.parse(found.at) > FOLLOW_UP_MS) return {};
    const { meetingNumber, itemNumber } = found;
    return {
      ...(meetingNumber !== undefined ? { meetingNumber } : {}),
      ...(itemNumber !== undefined ? { itemNumber } : {}),
    };
  }
}
