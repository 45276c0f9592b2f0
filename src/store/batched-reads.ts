/** Most ids one statement asks for. */
const MAX_BATCH = 500;

interface Waiter<T> {
  resolve(record: T | undefined): void;
  reject(error: unknown): void;
}

/**
 * Reads by id, batched the way GroupCommit batches writes: ids asked for while a read is on
 * its way join the next one, and an id asked for by many callers is read once. A burst of
 * survey answers has each turn read the same survey and many departments; on a database
 * every read is a round trip, so the burst paid one per read. Each caller still gets a read
 * that started after it asked (so it sees every write finished before), and a copy of its own.
 */
export class BatchedReads<T> {
  private waiting = new Map<string, Array<Waiter<T>>>();
  private reading = false;

  /** `read` returns the records found among `ids` (absent ones are left out). */
  constructor(private readonly read: (ids: readonly string[]) => Promise<Map<string, T>>) {}

  get(id: string): Promise<T | undefined> {
    return new Promise<T | undefined>((resolve, reject) => {
      const waiters = this.waiting.get(id);
      if (waiters) waiters.push({ resolve, reject });
      else this.waiting.set(id, [{ resolve, reject }]);
      if (!this.reading) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.reading = true;
    // Reads asked for in the same turn of the event loop join the first statement.
    await Promise.resolve();
    while (this.waiting.size > 0) {
      const batch = new Map([...this.waiting].slice(0, MAX_BATCH));
      for (const id of batch.keys()) this.waiting.delete(id);
      try {
        const found = await this.read([...batch.keys()]);
        for (const [id, waiters] of batch) {
          const record = found.get(id);
          // The first caller takes the record as read, every other one a copy.
          waiters.forEach((waiter, i) =>
            waiter.resolve(i === 0 || record === undefined ? record : structuredClone(record)),
          );
        }
      } catch (error) {
        for (const waiters of batch.values()) for (const waiter of waiters) waiter.reject(error);
      }
    }
    this.reading = false;
  }
}
