import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Low, Memory, type Adapter } from 'lowdb';
import { matches } from './document-store.js';
import type { Collection, DocumentStore, Match, Record_ } from './document-store.js';
import { JournaledJsonFile, ownRecord, recordsOf, setRecord } from './journaled-file.js';
import { assertScalarMatch, assertStorable } from './storable.js';
import { CURRENT_SCHEMA_VERSION, migrate, type StoredData } from './migrations.js';

/**
 * A deep copy of a stored value. Everything in the store is plain JSON data
 * (loaded from JSON, or checked by assertStorable before it is kept), so a
 * plain walk copies it exactly, several times faster than structuredClone,
 * which every get and update pays for.
 */
function copyOf<V>(value: V): V {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    const copy: unknown[] = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) if (i in value) copy[i] = copyOf<unknown>(value[i]);
    return copy as V;
  }
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const item = copyOf((value as Record<string, unknown>)[key]);
    // JSON may carry an own "__proto__" key; assigning it would set the prototype instead.
    if (key === '__proto__')
      Object.defineProperty(copy, key, {
        value: item,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    else copy[key] = item;
  }
  return copy as V;
}

class LowdbCollection<T extends Record_> implements Collection<T> {
  constructor(
    private readonly store: LowdbStore,
    private readonly name: string,
  ) {}

  private records(): Record<string, T> {
    return recordsOf(this.store.db.data, this.name) as Record<string, T>;
  }

  /** Keeps `record` (undefined: deletes) and writes the change. */
  private keep(records: Record<string, T>, id: string, record: T | undefined): Promise<void> {
    if (record === undefined) Reflect.deleteProperty(records, id);
    else setRecord(records, id, record);
    return this.store.persist(this.name, id, record);
  }

  async get(id: string): Promise<T | undefined> {
    const found = ownRecord(this.records(), id);
    return found === undefined ? undefined : copyOf(found);
  }

  async getReferenced<U extends Record_>(
    id: string,
    field: string,
    collection: string,
  ): Promise<U | undefined> {
    const source = ownRecord(this.records(), id) as Record<string, unknown> | undefined;
    const targetId = source === undefined ? undefined : ownRecord(source, field);
    return typeof targetId === 'string'
      ? this.store.collection<U>(collection).get(targetId)
      : undefined;
  }

  async find(match?: Match<T>): Promise<T[]> {
    assertScalarMatch(this.name, match);
    return Object.values(this.records())
      .filter((r) => matches(r, match))
      .map((r) => copyOf(r));
  }

  async ids(match?: Match<T>): Promise<string[]> {
    assertScalarMatch(this.name, match);
    return Object.values(this.records())
      .filter((r) => matches(r, match))
      .map((r) => r.id);
  }

  async insert(record: T): Promise<boolean> {
    assertStorable(this.name, record);
    const records = this.records();
    if (Object.hasOwn(records, record.id)) return false;
    await this.keep(records, record.id, copyOf(record));
    return true;
  }

  async put(record: T): Promise<void> {
    assertStorable(this.name, record);
    await this.keep(this.records(), record.id, copyOf(record));
  }

  async update(
    id: string,
    change: (current: T | undefined) => T | undefined,
  ): Promise<T | undefined> {
    // Synchronous between read and assignment, so no other call interleaves.
    const records = this.records();
    const current = ownRecord(records, id);
    const next = change(current === undefined ? undefined : copyOf(current));
    if (next === undefined) return current === undefined ? undefined : copyOf(current);
    if (next.id !== id) throw new Error(`update of ${this.name}/${id} tried to change the id`);
    assertStorable(this.name, next);
    const stored = copyOf(next);
    await this.keep(records, id, stored);
    return copyOf(stored);
  }

  async delete(id: string): Promise<boolean> {
    const records = this.records();
    if (!Object.hasOwn(records, id)) return false;
    await this.keep(records, id, undefined);
    return true;
  }

  async count(): Promise<number> {
    return Object.keys(this.records()).length;
  }
}

/** Writes at least this long are followed by an equal pause (see #restAfterLastWrite). */
const REST_AFTER_WRITES_OF_MS = 5;

/**
 * The embedded store: one JSON file (or memory), loaded whole; each change is
 * appended to the file's journal (see JournaledJsonFile).
 */
export class LowdbStore implements DocumentStore {
  readonly db: Low<StoredData>;
  readonly sharedByInstances = false;
  /** The file, when the store has one. */
  readonly #file: JournaledJsonFile | undefined;
  #ready = false;
  #pending = new Set<Promise<void>>();
  /** The write not started yet, which new changes join. */
  #queued: Promise<void> | undefined;
  #previous: Promise<void> = Promise.resolve();
  /** Changes that have joined the queued write. */
  #queuedChanges = 0;
  #lastWrite = { ms: 0, ended: 0, changes: 0 };
  /** Set inside writeTogether's work: only its own changes wait for the end. */
  readonly #together = new AsyncLocalStorage<true>();
  #togetherWorks = 0;

  private constructor(adapter: Adapter<StoredData>) {
    this.db = new Low<StoredData>(adapter, {
      schemaVersion: CURRENT_SCHEMA_VERSION,
      collections: {},
    });
    this.#file = adapter instanceof JournaledJsonFile ? adapter : undefined;
  }

  static async openFile(path: string): Promise<LowdbStore> {
    await mkdir(dirname(path), { recursive: true });
    return LowdbStore.open(new JournaledJsonFile(path), path);
  }

  static async openMemory(): Promise<LowdbStore> {
    return LowdbStore.open(new Memory<StoredData>(), 'memory');
  }

  private static async open(adapter: Adapter<StoredData>, label: string): Promise<LowdbStore> {
    const store = new LowdbStore(adapter);
    await store.db.read();
    const migrated = migrate(store.db.data, label);
    store.db.data = migrated.data;
    // A journal left by a crash is folded into the file before anything is appended.
    if (migrated.changed || store.#file?.hasJournal) {
      store.#file?.snapshotNext();
      await store.db.write();
    }
    store.#ready = true;
    return store;
  }

  get ready(): boolean {
    return this.#ready;
  }

  collection<T extends Record_>(name: string): Collection<T> {
    return new LowdbCollection<T>(this, name);
  }

  /**
   * Writes a change to `collection`/`id` (`record` undefined: deleted). Writes
   * follow one another, and changes made while a write is waiting to start share
   * it (one append to the journal, or one snapshot): every call resolves after a
   * write that began after the call, so it holds the change.
   */
  persist(collection: string, id: string, record: unknown): Promise<void> {
    this.#file?.changed(collection, id, record);
    if (this.#together.getStore()) return Promise.resolve();
    return this.#write();
  }

  /** The work's changes go to the file as one snapshot once it has finished. */
  async writeTogether<T>(work: () => Promise<T>): Promise<T> {
    this.#togetherWorks++;
    let result: T;
    try {
      result = await this.#together.run(true, work);
    } finally {
      // Tracking the context hooks every promise of the process: off when no work needs it.
      if (--this.#togetherWorks === 0) this.#together.disable();
    }
    await this.snapshot();
    return result;
  }

  #write(): Promise<void> {
    if (this.#queued) {
      this.#queuedChanges++;
      return this.#queued;
    }
    this.#queuedChanges = 1;
    const write = this.#previous
      .catch(() => undefined)
      .then(() => this.#restAfterLastWrite())
      .then(async () => {
        this.#queued = undefined;
        const changes = this.#queuedChanges;
        const started = performance.now();
        try {
          await this.db.write();
        } finally {
          this.#lastWrite = { ms: performance.now() - started, ended: performance.now(), changes };
        }
      });
    this.#queued = write;
    this.#previous = write;
    this.#pending.add(write);
    void write.finally(() => this.#pending.delete(write)).catch(() => undefined);
    return write;
  }

  /**
   * Back-to-back snapshots of a big store would keep the event loop busy
   * serialising, so every send and turn would wait behind them. When writers contend (the last write
   * carried several changes), the next write waits as long as the last one took:
   * writing takes at most half of the process's time, and the changes of that wait
   * share the next write. One writer at a time (each write one change) gains
   * nothing from waiting and is not held; nor is a small store (writes under
   * REST_AFTER_WRITES_OF_MS), which holds nobody up long.
   */
  #restAfterLastWrite(): Promise<void> | undefined {
    const last = this.#lastWrite;
    if (last.changes < 2 || last.ms < REST_AFTER_WRITES_OF_MS) return undefined;
    const rest = last.ended + last.ms - performance.now();
    return rest > 0 ? new Promise((resolve) => setTimeout(resolve, rest)) : undefined;
  }

  /** Writes the whole data set now, in place of the journal (e.g. after filling `db.data` directly). */
  snapshot(): Promise<void> {
    this.#file?.snapshotNext();
    return this.#write();
  }

  /** Waits for the writes already started; then a snapshot takes in the journal. */
  async close(): Promise<void> {
    await Promise.allSettled([...this.#pending]);
    // Should it fail, the journal still holds every change and is read at the next open.
    if (this.#file?.hasJournal) await this.snapshot().catch(() => undefined);
    this.#ready = false;
  }
}
