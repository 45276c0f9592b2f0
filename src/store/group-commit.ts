/** Most rows one statement carries. */
const MAX_BATCH = 500;

interface Waiter<I, O> {
  readonly item: I;
  readonly key: string;
  resolve(result: O): void;
  reject(error: unknown): void;
}

/**
 * Group commit: writes asked for while a statement is on its way join the
 * next one, so concurrent writers pay for one round trip together instead of
 * one each. Each caller still awaits the statement that holds its row: its
 * promise settles only once that statement has committed (or failed). Two
 * writes of one key never share a statement; the later goes in the next one,
 * in the order they were asked for.
 */
export class GroupCommit<I, O> {
  private queue: Array<Waiter<I, O>> = [];
  private draining = false;

  /** `write` stores the items in one statement and returns one result per item, in order. */
  constructor(
    private readonly write: (items: readonly I[]) => Promise<readonly O[]>,
    private readonly keyOf: (item: I) => string,
  ) {}

  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.queue.push({ item, key: this.keyOf(item), resolve, reject });
      if (!this.draining) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.draining = true;
    // Writes asked for in the same turn of the event loop join the first statement.
    await Promise.resolve();
    while (this.queue.length > 0) {
      const batch: Array<Waiter<I, O>> = [];
      const rest: Array<Waiter<I, O>> = [];
      const keys = new Set<string>();
      for (const waiter of this.queue) {
        if (batch.length >= MAX_BATCH || keys.has(waiter.key)) rest.push(waiter);
        else {
          keys.add(waiter.key);
          batch.push(waiter);
        }
      }
      this.queue = rest;
      await this.commit(batch);
    }
    this.draining = false;
  }

  private async commit(batch: ReadonlyArray<Waiter<I, O>>): Promise<void> {
    try {
      const results = await this.write(batch.map((w) => w.item));
      batch.forEach((waiter, i) => waiter.resolve(results[i] as O));
    } catch (error) {
      if (batch.length === 1) {
        batch[0]?.reject(error);
        return;
      }
      // The statement stored nothing: each write alone, so each caller gets its own outcome.
      for (const waiter of batch) await this.commit([waiter]);
    }
  }
}
