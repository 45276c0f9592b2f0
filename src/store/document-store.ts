/**
 * The storage contract every backend (lowdb now, PostgreSQL later) implements.
 * Records are JSON documents grouped in named collections and keyed by `id`.
 * Repositories for each aggregate are written once on top of this interface,
 * so a new backend only has to pass `test/contract/document-store.contract.ts`.
 */
export interface Record_ {
  readonly id: string;
}

export type Match<T> = { readonly [K in keyof T]?: T[K] };

export interface Collection<T extends Record_> {
  get(id: string): Promise<T | undefined>;
  /** All records whose top-level fields equal every field of `match`. */
  find(match?: Match<T>): Promise<T[]>;
  /** Adds a record; returns false, changing nothing, when the id already exists. */
  insert(record: T): Promise<boolean>;
  /** Inserts or replaces a record. */
  put(record: T): Promise<void>;
  /**
   * Atomic read-modify-write of one record: `change` sees the current value
   * (undefined when absent) and returns the new one, or undefined to leave it
   * as it is. No other writer can interleave. Returns what is stored afterwards.
   */
  update(id: string, change: (current: T | undefined) => T | undefined): Promise<T | undefined>;
  delete(id: string): Promise<boolean>;
  count(): Promise<number>;
}

export interface DocumentStore {
  collection<T extends Record_>(name: string): Collection<T>;
  /** True once the data has been loaded and the store accepts calls. */
  readonly ready: boolean;
  /** Waits for pending writes, then releases the backend. */
  close(): Promise<void>;
}

/** A stored file or database that cannot be used; start-up stops with this message. */
export class StoreUnavailableError extends Error {}

export function matches<T>(record: T, match: Match<T> | undefined): boolean {
  if (!match) return true;
  for (const key of Object.keys(match) as (keyof T)[]) {
    if (record[key] !== match[key]) return false;
  }
  return true;
}
