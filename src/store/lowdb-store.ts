import { readFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Low, Memory, type Adapter } from 'lowdb';
import { Writer } from 'steno';
import { matches, StoreUnavailableError } from './document-store.js';
import type { Collection, DocumentStore, Match, Record_ } from './document-store.js';
import { assertScalarMatch, assertStorable } from './storable.js';
import { jsonBytes } from './json-bytes.js';
import { CURRENT_SCHEMA_VERSION, migrate, type StoredData } from './migrations.js';

/**
 * lowdb's own JSONFile pretty-prints; at 100,000 records that doubles the bytes
 * written on every change. This adapter keeps lowdb's atomic writer (steno:
 * write a temp file, then rename, writes serialised) but writes compact JSON,
 * record by record (jsonBytes: the whole file as one string made every write
 * grow the heap by twice the file's size), and refuses to treat an unreadable
 * file as empty.
 */
class CompactJsonFile implements Adapter<StoredData> {
  readonly #writer: Writer;
  /** The size of the last file written, which the next one is likely close to. */
  #lastBytes = 0;
  constructor(private readonly path: string) {
    this.#writer = new Writer(path);
  }

  async read(): Promise<StoredData | null> {
    let text: string;
    try {
      const bytes = await readFile(this.path);
      this.#lastBytes = bytes.length;
      text = bytes.toString('utf-8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new StoreUnavailableError(`Cannot read the store file ${this.path}: ${String(error)}`);
    }
    try {
      return JSON.parse(text) as StoredData;
    } catch (error) {
      throw new StoreUnavailableError(
        `The store file ${this.path} is not valid JSON (${(error as Error).message}). ` +
          'Honbu will not start and will not overwrite it: restore it from a backup or move it away.',
      );
    }
  }

  async write(data: StoredData): Promise<void> {
    // Levels written key by key: the data, its collections, each collection's records.
    const bytes = jsonBytes(data, 3, this.#lastBytes);
    this.#lastBytes = bytes.length;
    await this.#writer.write(bytes);
  }
}

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

/**
 * Records are kept in a plain object keyed by id (the file's format), so an id
 * such as "__proto__", "constructor" or "toString" must never reach the object's
 * prototype: reads look at own properties only, and writes define the property
 * (plain assignment of "__proto__" would replace the prototype instead).
 */
function ownRecord<T>(records: Record<string, T>, id: string): T | undefined {
  return Object.hasOwn(records, id) ? records[id] : undefined;
}

function setRecord<T>(records: Record<string, T>, id: string, record: T): void {
  Object.defineProperty(records, id, {
    value: record,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

class LowdbCollection<T extends Record_> implements Collection<T> {
  constructor(
    private readonly store: LowdbStore,
    private readonly name: string,
  ) {}

  private records(): Record<string, T> {
    const collections = this.store.db.data.collections;
    if (!Object.hasOwn(collections, this.name)) setRecord(collections, this.name, {});
    return collections[this.name] as Record<string, T>;
  }

  async get(id: string): Promise<T | undefined> {
    const found = ownRecord(this.records(), id);
    return found === undefined ? undefined : copyOf(found);
  }

  async find(match?: Match<T>): Promise<T[]> {
    assertScalarMatch(this.name, match);
    return Object.values(this.records())
      .filter((r) => matches(r, match))
      .map((r) => copyOf(r));
  }

  async insert(record: T): Promise<boolean> {
    assertStorable(this.name, record);
    const records = this.records();
    if (Object.hasOwn(records, record.id)) return false;
    setRecord(records, record.id, copyOf(record));
    await this.store.persist();
    return true;
  }

  async put(record: T): Promise<void> {
    assertStorable(this.name, record);
    setRecord(this.records(), record.id, copyOf(record));
    await this.store.persist();
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
    setRecord(records, id, copyOf(next));
    await this.store.persist();
    return copyOf(next);
  }

  async delete(id: string): Promise<boolean> {
    const records = this.records();
    if (!Object.hasOwn(records, id)) return false;
    Reflect.deleteProperty(records, id);
    await this.store.persist();
    return true;
  }

  async count(): Promise<number> {
    return Object.keys(this.records()).length;
  }
}

/** Writes at least this long are followed by an equal pause (see #restAfterLastWrite). */
const REST_AFTER_WRITES_OF_MS = 5;

/** The embedded store: one JSON file (or memory), loaded whole, written atomically. */
export class LowdbStore implements DocumentStore {
  readonly db: Low<StoredData>;
  readonly sharedByInstances = false;
  #ready = false;
  #pending = new Set<Promise<void>>();
  /** The write not started yet, which new changes join. */
  #queued: Promise<void> | undefined;
  #previous: Promise<void> = Promise.resolve();
  /** Changes that have joined the queued write. */
  #queuedChanges = 0;
  #lastWrite = { ms: 0, ended: 0, changes: 0 };

  private constructor(adapter: Adapter<StoredData>) {
    this.db = new Low<StoredData>(adapter, {
      schemaVersion: CURRENT_SCHEMA_VERSION,
      collections: {},
    });
  }

  static async openFile(path: string): Promise<LowdbStore> {
    await mkdir(dirname(path), { recursive: true });
    return LowdbStore.open(new CompactJsonFile(path), path);
  }

  static async openMemory(): Promise<LowdbStore> {
    return LowdbStore.open(new Memory<StoredData>(), 'memory');
  }

  private static async open(adapter: Adapter<StoredData>, label: string): Promise<LowdbStore> {
    const store = new LowdbStore(adapter);
    await store.db.read();
    const migrated = migrate(store.db.data, label);
    store.db.data = migrated.data;
    if (migrated.changed) await store.db.write();
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
   * Writes the whole data set. Serialising a big store costs more than writing the
   * file, so changes made while a write is waiting to start share it: every call
   * resolves after a write that began after the call (so it holds the change), and
   * a burst of changes costs one JSON.stringify per write, not one per change.
   */
  persist(): Promise<void> {
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
   * Back-to-back writes of a big store would keep the event loop busy serialising
   * (a 5,000-person fan-out writes the delivery log twice per message), so every
   * send and turn would wait behind them. When writers contend (the last write
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

  async close(): Promise<void> {
    await Promise.allSettled([...this.#pending]);
    this.#ready = false;
  }
}
