import type { Collection, DocumentStore } from '../store/document-store.js';
import { Numbering } from '../store/numbering.js';
import type { ActionItem } from './item.js';

/**
 * Which items a person was last pinged about, so that a bare "完了" / "done"
 * in the 1:1 chat refers to them. One record per person, replaced by each ping.
 */
export interface PingMemory {
  /** Person id (UPN). */
  readonly id: string;
  readonly itemIds: readonly string[];
  readonly at: string;
}

/** Action items, their numbers and the last ping of each person, over the document store. */
export class ItemRepository {
  private readonly items: Collection<ActionItem>;
  private readonly numbering: Numbering;
  private readonly pings: Collection<PingMemory>;

  constructor(store: DocumentStore) {
    this.items = store.collection<ActionItem>('actionItems');
    this.numbering = new Numbering(store);
    this.pings = store.collection<PingMemory>('actionItemPings');
  }

  get(id: string): Promise<ActionItem | undefined> {
    return this.items.get(id);
  }

  async byNumber(number: number): Promise<ActionItem | undefined> {
    const [found] = await this.items.find({ number });
    return found;
  }

  /** Every item, by number. */
  async all(): Promise<ActionItem[]> {
    return (await this.items.find()).sort((a, b) => a.number - b.number);
  }

  /**
   * Reserves `count` consecutive item numbers (#N) atomically and returns the
   * first: two creations never share one.
   */
  async reserveNumbers(count: number): Promise<number> {
    return this.numbering.reserve('actionItem', count);
  }

  async insert(item: ActionItem): Promise<void> {
    if (!(await this.items.insert(item))) throw new Error(`action item ${item.id} exists`);
  }

  /**
   * Atomic read-modify-write of one item: `change` sees the stored item and
   * returns the new one, or undefined to leave it. It may run more than once,
   * so it must only compute. Concurrent changes are applied one after the other.
   */
  update(
    id: string,
    change: (current: ActionItem) => ActionItem | undefined,
  ): Promise<ActionItem | undefined> {
    return this.items.update(id, (current) => (current ? change(current) : undefined));
  }

  async rememberPinged(personId: string, itemIds: readonly string[], at: string): Promise<void> {
    await this.pings.put({ id: personId, itemIds: [...itemIds], at });
  }

  lastPinged(personId: string): Promise<PingMemory | undefined> {
    return this.pings.get(personId);
  }
}
