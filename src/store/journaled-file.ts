import { createHash } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import type { Adapter } from 'lowdb';
import { Writer } from 'steno';
import { StoreUnavailableError } from './document-store.js';
import { jsonBytes } from './json-bytes.js';
import type { StoredData } from './migrations.js';

/**
 * Records are kept in plain objects keyed by id (the file's format), so an id
 * such as "__proto__", "constructor" or "toString" must never reach the object's
 * prototype: reads look at own properties only, and writes define the property
 * (plain assignment of "__proto__" would replace the prototype instead).
 */
export function ownRecord<T>(records: Record<string, T>, id: string): T | undefined {
  return Object.hasOwn(records, id) ? records[id] : undefined;
}

export function setRecord<T>(records: Record<string, T>, id: string, record: T): void {
  Object.defineProperty(records, id, {
    value: record,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

/** The records of one collection, created empty when absent. */
export function recordsOf(data: StoredData, collection: string): Record<string, unknown> {
  if (!Object.hasOwn(data.collections, collection)) setRecord(data.collections, collection, {});
  return data.collections[collection] as Record<string, unknown>;
}

/** A record stored (`record` given) or deleted (`record` undefined). */
interface Change {
  readonly collection: string;
  readonly id: string;
  readonly record: unknown;
}

/** A line of the journal: [collection, id, record], or [collection, id] for a deletion. */
type JournalLine = [string, string, unknown?];

function isJournalLine(line: unknown): line is JournalLine {
  return (
    Array.isArray(line) &&
    (line.length === 2 || line.length === 3) &&
    typeof line[0] === 'string' &&
    typeof line[1] === 'string'
  );
}

/** Enough of the shape to replay a journal on; migrate() checks the rest. */
function isStoredData(data: unknown): data is StoredData {
  return (
    typeof data === 'object' &&
    data !== null &&
    typeof (data as { collections?: unknown }).collections === 'object' &&
    (data as { collections?: unknown }).collections !== null
  );
}

const hashOf = (content: string | Uint8Array) => createHash('sha256').update(content).digest('hex');

/**
 * The store file, written so that a change costs what the change weighs rather
 * than what the whole store weighs. The file holds a snapshot of every
 * collection (compact JSON, written atomically: a temporary file, then a rename);
 * changes since then are appended to a journal beside it (`<file>.journal`), one
 * JSON line per stored or deleted record, each write one append. When the
 * journal has grown as large as the snapshot, the next write is a new snapshot
 * and the journal is removed, so serialising the whole store is paid once per
 * snapshot's worth of changes, and a clean close leaves the file alone.
 *
 * The journal's first line names the snapshot it extends (a hash of its text):
 * a journal left behind by a crash between writing a snapshot and removing it
 * is then recognised as already contained, and not replayed. A crash in the
 * middle of an append leaves an incomplete last line, which nobody was told
 * had been stored: it is left out. Reading a journal is followed by a snapshot,
 * so appends never follow such a line. Nothing is fsynced, as before: what the
 * store acknowledges survives the process being killed, like every write of the
 * operating system's page cache.
 *
 * An unreadable file or journal is refused (StoreUnavailableError), never
 * treated as empty or overwritten.
 */
export class JournaledJsonFile implements Adapter<StoredData> {
  readonly #writer: Writer;
  readonly #journal: string;
  /** Changes not written yet, in the order they were made. */
  #changes: Change[] = [];
  /** The hash of the snapshot on disk, which the journal extends. */
  #base = '';
  #snapshotLength = 0;
  /** Bytes in the journal (0: there is none). */
  #journalLength = 0;
  /** The next write is a snapshot: a journal was read, or an append failed. */
  #snapshotNext = false;

  constructor(private readonly path: string) {
    this.#writer = new Writer(path);
    this.#journal = `${path}.journal`;
  }

  /** True when the journal holds changes that the file does not. */
  get hasJournal(): boolean {
    return this.#journalLength > 0 || this.#snapshotNext;
  }

  /** Notes a change for the next write. `record` is stored as it is: the caller never changes it. */
  changed(collection: string, id: string, record: unknown): void {
    this.#changes.push({ collection, id, record });
  }

  /** Makes the next write a snapshot (a clean close). */
  snapshotNext(): void {
    this.#snapshotNext = true;
  }

  async read(): Promise<StoredData | null> {
    const text = await this.#readText(this.path);
    const data = text === undefined ? null : (this.#parse(text, this.path) as StoredData);
    this.#base = hashOf(text ?? '');
    this.#snapshotLength = text === undefined ? 0 : Buffer.byteLength(text);
    const journal = await this.#readText(this.#journal);
    if (journal === undefined) return data;
    // Whatever the journal holds, it goes at the next write, which is a snapshot.
    this.#snapshotNext = true;
    const lines = journal.split('\n');
    // Without its newline, the last line was cut short by a crash: never acknowledged.
    lines.pop();
    const [header, ...entries] = lines;
    if (header === undefined || !isStoredData(data)) return data;
    const { base } = this.#parse(header, this.#journal) as { base?: unknown };
    if (base !== this.#base) return data; // the snapshot already holds it
    for (const entry of entries) {
      const line = this.#parse(entry, this.#journal);
      if (!isJournalLine(line))
        throw new StoreUnavailableError(
          `The store journal ${this.#journal} holds a line that is not a change: ${entry.slice(0, 80)}`,
        );
      const [collection, id, record] = line;
      const records = recordsOf(data, collection);
      if (record === undefined) Reflect.deleteProperty(records, id);
      else setRecord(records, id, record);
    }
    return data;
  }

  /** Appends the changes noted since the last write, or writes a snapshot of `data`. */
  async write(data: StoredData): Promise<void> {
    const changes = this.#changes;
    this.#changes = [];
    let lines = '';
    for (const { collection, id, record } of changes) {
      const line: JournalLine = record === undefined ? [collection, id] : [collection, id, record];
      lines += `${JSON.stringify(line)}\n`;
    }
    if (
      this.#snapshotNext ||
      this.#journalLength + Buffer.byteLength(lines) > this.#snapshotLength
    ) {
      await this.#snapshot(data);
      return;
    }
    if (lines === '') return;
    const first = this.#journalLength === 0;
    const text = first ? `${JSON.stringify({ base: this.#base })}\n${lines}` : lines;
    try {
      // A new journal replaces whatever an earlier run left (already in the snapshot).
      await writeFile(this.#journal, text, { encoding: 'utf-8', flag: first ? 'w' : 'a' });
      this.#journalLength += Buffer.byteLength(text);
    } catch (error) {
      // The journal may end in part of a line now: the next write is a snapshot.
      this.#snapshotNext = true;
      throw error;
    }
  }

  async #snapshot(data: StoredData): Promise<void> {
    // Record by record into one buffer (levels: the data, its collections, each
    // collection's records): the whole store as one string grew the heap by twice
    // the file's size on every snapshot.
    const bytes = jsonBytes(data, 3, this.#snapshotLength);
    this.#snapshotNext = true;
    await this.#writer.write(bytes);
    this.#base = hashOf(bytes);
    this.#snapshotLength = bytes.length;
    // From here the journal is stale: its header no longer names the snapshot.
    this.#journalLength = 0;
    this.#snapshotNext = false;
    await rm(this.#journal, { force: true });
  }

  async #readText(path: string): Promise<string | undefined> {
    try {
      return await readFile(path, 'utf-8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw new StoreUnavailableError(`Cannot read the store file ${path}: ${String(error)}`);
    }
  }

  #parse(text: string, path: string): unknown {
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      throw new StoreUnavailableError(
        `The store file ${path} is not valid JSON (${(error as Error).message}). ` +
          'Honbu will not start and will not overwrite it: restore it from a backup or move it away.',
      );
    }
  }
}
