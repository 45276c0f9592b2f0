/**
 * The storage contract every backend (lowdb now, PostgreSQL later) implements.
 * Records are JSON documents grouped in named collections and keyed by `id`.
 * Repositories for each aggregate are written once on top of this interface,
 * so a new backend only has to pass `test/contract/document-store.contract.ts`.
 */
export interface Record_ {
  readonly id: string;
}

/**
 * Top-level fields and the values they must equal (`===`). Values are scalars:
 * string, number, boolean or null. An object or array value is refused with a
 * TypeError (equality of structures differs between backends); `undefined`
 * selects records that lack the field.
 */
export type Match<T> = { readonly [K in keyof T]?: T[K] };

/**
 * Records are JSON documents. Every backend refuses, with an UnstorableDocumentError
 * and without storing anything, what it could not give back unchanged: strings
 * (ids included) with lone UTF-16 surrogates or NUL characters, non-finite numbers,
 * and values that are not plain objects, arrays, strings, numbers, booleans or null
 * (a Date, a Map, a bigint...). A property whose value is `undefined` is treated
 * as absent. The order of an object's keys is not kept (PostgreSQL's jsonb sorts
 * them): compare records with deep equality, never with JSON.stringify.
 * Every method returns copies; changing them changes nothing stored.
 */
export interface Collection<T extends Record_> {
  get(id: string): Promise<T | undefined>;
  /**
   * All records whose top-level fields equal every field of `match`, in the order
   * they were first stored (a `put` that replaces keeps the place). On lowdb, ids
   * that look like array indices ("0", "42") come first: use prefixed ids.
   */
  find(match?: Match<T>): Promise<T[]>;
  /**
   * The ids of the records `find(match)` returns, in the same order, without reading the
   * records themselves: for counting and membership over a large collection (a survey's
   * answers from a thousand departments) where each record may be large.
   */
  ids(match?: Match<T>): Promise<string[]>;
  /** Adds a record; returns false, changing nothing, when the id already exists. */
  insert(record: T): Promise<boolean>;
  /** Inserts or replaces a record. */
  put(record: T): Promise<void>;
  /**
   * Atomic read-modify-write of one record: `change` sees the current value
   * (undefined when absent) and returns the new one, or undefined to leave it
   * as it is. No other writer can interleave. Returns what is stored afterwards.
   * Changing the id throws. `change` may run more than once (a backend retries
   * when another writer created the record first), so it must not have side effects;
   * if it throws, nothing is stored and the error propagates.
   */
  update(id: string, change: (current: T | undefined) => T | undefined): Promise<T | undefined>;
  delete(id: string): Promise<boolean>;
  count(): Promise<number>;
  /**
   * The record of `collection` whose id is the string field `field` of record
   * `id` here: one read where every read is a round trip (a database), two
   * look-ups in memory otherwise. Undefined when either record is missing.
   */
  getReferenced<U extends Record_>(
    id: string,
    field: string,
    collection: string,
  ): Promise<U | undefined>;
}

export interface DocumentStore {
  collection<T extends Record_>(name: string): Collection<T>;
  /** True once the data has been loaded and the store accepts calls. */
  readonly ready: boolean;
  /**
   * True when several bot instances can use this store at once (a database), so
   * what they must agree on goes through it; a file belongs to one process.
   */
  readonly sharedByInstances: boolean;
  /**
   * Runs `work`, whose changes may be stored together once it has finished: a
   * call inside it resolves before its change is durable, and the promise of
   * writeTogether resolves once every change is. For filling an empty store at
   * start (the demo data): one file write instead of hundreds, and a start cut
   * short leaves no half of it behind (unless another caller wrote meanwhile,
   * which stores the changes noted so far with its own). Changes made outside
   * `work` are stored as usual. A database, where each change is durable as it
   * is made, just runs `work`.
   */
  writeTogether<T>(work: () => Promise<T>): Promise<T>;
  /** Waits for pending writes, then releases the backend. */
  close(): Promise<void>;
}

/** A stored file or database that cannot be used; start-up stops with this message. */
export class StoreUnavailableError extends Error {}

/** A record that some backend could not store faithfully (see Collection); nothing was written. */
export class UnstorableDocumentError extends Error {}

export function matches<T>(record: T, match: Match<T> | undefined): boolean {
  if (!match) return true;
  for (const key of Object.keys(match) as (keyof T)[]) {
    if (record[key] !== match[key]) return false;
  }
  return true;
}
