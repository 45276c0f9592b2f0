import type { Clock } from '../clock.js';
import type { Collection, DocumentStore, Record_ } from './document-store.js';

/**
 * One collection of records that each say when they were last written, by the
 * injected clock, so tests move time with the ManualClock.
 */
export abstract class StampedRecords<T extends Record_ & { readonly at: string }> {
  protected readonly records: Collection<T>;

  protected constructor(
    store: DocumentStore,
    collection: string,
    private readonly clock: Clock,
  ) {
    this.records = store.collection<T>(collection);
  }

  protected now(): Date {
    return this.clock.now();
  }
}
