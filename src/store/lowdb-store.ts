import { readFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Low, Memory, type Adapter } from 'lowdb';
import { Writer } from 'steno';
import {
  matches,
  StoreUnavailableError,
  type Collection,
  type DocumentStore,
  type Match,
  type Record_,
} from './document-store.js';
import { assertScalarMatch, assertStorable } from './storable.js';
import { CURRENT_SCHEMA_VERSION, migrate, type StoredData } from './migrations.js';

/**
 * lowdb's own JSONFile pretty-prints; at 100,000 records that doubles the bytes
 * written on every change. This adapter keeps lowdb's atomic writer (steno:
 * write a temp file, then rename, writes serialised) but writes compact JSON,
 * and refuses to treat an unreadable file as empty.
 */
class CompactJsonFile implements Adapter<StoredData> {
  readonly #writer: Writer;
  constructor(private readonly path: string) {
    this.#writer = new Writer(path);
  }

  async read(): Promise<StoredData | null> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf-8');
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
    await this.#writer.write(JSON.stringify(data));
  }
}

class LowdbCollection<T extends Record_> implements Collection<T> {
  constructor(
    private readonly store: LowdbStore,
    private readonly name: string,
  ) {}

  private records(): Record<string, T> {
    const collections = this.store.db.data.collections;
    return (collections[this.name] ??= {}) as Record<string, T>;
  }

  async get(id: string): Promise<T | undefined> {
    const found = this.records()[id];
    return found === undefined ? undefined : structuredClone(found);
  }

  async find(match?: Match<T>): Promise<T[]> {
    assertScalarMatch(this.name, match);
    return Object.values(this.records())
      .filter((r) => matches(r, match))
      .map((r) => structuredClone(r));
  }

  async insert(record: T): Promise<boolean> {
    assertStorable(this.name, record);
    const records = this.records();
    if (Object.hasOwn(records, record.id)) return false;
    records[record.id] = structuredClone(record);
    await this.store.persist();
    return true;
  }

  async put(record: T): Promise<void> {
    assertStorable(this.name, record);
    this.records()[record.id] = structuredClone(record);
    await this.store.persist();
  }

  async update(
    id: string,
    change: (current: T | undefined) => T | undefined,
  ): Promise<T | undefined> {
    // Synchronous between read and assignment, so no other call interleaves.
    const records = this.records();
    const current = records[id];
    const next = change(current === undefined ? undefined : structuredClone(current));
    if (next === undefined) return current === undefined ? undefined : structuredClone(current);
    if (next.id !== id) throw new Error(`update of ${this.name}/${id} tried to change the id`);
    assertStorable(this.name, next);
    records[id] = structuredClone(next);
    await this.store.persist();
    return structuredClone(next);
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

/** The embedded store: one JSON file (or memory), loaded whole, written atomically. */
export class LowdbStore implements DocumentStore {
  readonly db: Low<StoredData>;
  #ready = false;
  #pending = new Set<Promise<void>>();
  /** The write not started yet, which new changes join. */
  #queued: Promise<void> | undefined;
  #previous: Promise<void> = Promise.resolve();

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
    if (this.#queued) return this.#queued;
    const write = this.#previous
      .catch(() => undefined)
      .then(() => {
        this.#queued = undefined;
        return this.db.write();
      });
    this.#queued = write;
    this.#previous = write;
    this.#pending.add(write);
    void write.finally(() => this.#pending.delete(write)).catch(() => undefined);
    return write;
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.#pending]);
    this.#ready = false;
  }
}
