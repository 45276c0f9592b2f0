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

  constructor(store: DocumentStore) {
    this.counters = store.collection<Counter>('counters');
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
