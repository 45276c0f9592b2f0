/**
 * Runs a task per key so that every request is followed by a run that starts
 * after it, while requests arriving during a run share the next one: a
 * thousand answers in a burst cause a handful of progress-card updates, and
 * the last update always shows the latest count.
 */
export class Coalescer {
  private readonly tails = new Map<string, Promise<void>>();
  private readonly queued = new Map<string, Promise<void>>();

  constructor(private readonly onError: (key: string, error: unknown) => void) {}

  request(key: string, task: () => Promise<void>): Promise<void> {
    const waiting = this.queued.get(key);
    if (waiting) return waiting;
    const tail = this.tails.get(key) ?? Promise.resolve();
    const run = tail.then(async () => {
      this.queued.delete(key);
      try {
        await task();
      } catch (error) {
        this.onError(key, error);
      }
    });
    this.queued.set(key, run);
    this.tails.set(key, run);
    void run.then(() => {
      if (this.tails.get(key) === run) this.tails.delete(key);
    });
    return run;
  }

  /** Whether a run for `key` is waiting to start (it will see whatever changed until then). */
  hasQueued(key: string): boolean {
    return this.queued.has(key);
  }

  /** Resolves when every requested run has finished (tests, shutdown). */
  async settled(): Promise<void> {
    while (this.tails.size > 0) await Promise.all([...this.tails.values()]);
  }
}
