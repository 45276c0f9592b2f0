import type { Collection, DocumentStore } from './document-store.js';

interface Counter {
  readonly id: string;
  readonly value: number;
}

/**
 * Numbers people say (第3回, 宿題 #5, アンケート2): one counter record per name,
 * bumped in one atomic update, so two instances never hand out the same number.
 */
export class Numbering {
  private readonly counters: Collection<Counter>;

  /** `collection`: where the counters are kept (the policy data keeps its own). */
  constructor(store: DocumentStore, collection = 'counters') {
    this.counters = store.collection<Counter>(collection);
  }

  /** The last number reserved of `name`; 0 before the first. */
  async current(name: string): Promise<number> {
    return (await this.counters.get(name))?.value ?? 0;
  }

  /** Reserves `count` consecutive numbers of `name`; answers the first. */
  async reserve(name: string, count = 1): Promise<number> {
    const counter = await this.counters.update(name, (current) => ({
      id: name,
      value: (current?.value ?? 0) + count,
    }));
    return (counter?.value ?? count) - count + 1;
  }
}
