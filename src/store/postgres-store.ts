import type pg from 'pg';
import { matches, StoreUnavailableError } from './document-store.js';
import type { Collection, DocumentStore, Match, Record_ } from './document-store.js';
import { BatchedReads } from './batched-reads.js';
import { GroupCommit } from './group-commit.js';
import { migratePostgres } from './postgres-migrations.js';
import { assertScalarMatch, assertStorable, isStorableText } from './storable.js';

export interface PostgresStoreOptions {
  /** Most connections the store holds open at once (STORE_POOL_SIZE). */
  readonly poolSize?: number;
  /** An idle connection failed (database restart, network): the pool replaces it. */
  readonly onBackgroundError?: (error: Error) => void;
}

/** How long start-up waits for the database before giving up with a clear message. */
const CONNECT_TIMEOUT_MS = 10_000;

/**
 * How often one update re-runs after a concurrent insert or put created the
 * record it found absent. Each retry means another writer made progress, so
 * hitting the limit takes a burst of creations and deletions of one record.
 */
const MAX_UPDATE_ATTEMPTS = 20;

/** SQLSTATE 42501, e.g. creating a table without the CREATE privilege. */
const INSUFFICIENT_PRIVILEGE = '42501';

/** The URL without its password, for messages. */
function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.username || '(default user)'}@${parsed.host}${parsed.pathname}`;
  } catch {
    return '(unparsable STORE_URL)';
  }
}

const idOf = (record: Record_): string => record.id;

type DocumentRow<T> = { data: T };

class PostgresCollection<T extends Record_> implements Collection<T> {
  /** Concurrent inserts and puts share statements (a fan-out's delivery log). */
  private readonly inserts = new GroupCommit<T, boolean>(
    (records) => this.insertRows(records),
    idOf,
  );
  private readonly puts = new GroupCommit<T, undefined>((records) => this.putRows(records), idOf);

  constructor(
    private readonly store: PostgresStore,
    private readonly name: string,
  ) {}

  /** Concurrent gets share statements too (a burst of turns reading one survey). */
  private readonly reads = new BatchedReads<T>(async (ids) => {
    const { rows } = await this.store.queryTracked<DocumentRow<T> & Record_>(
      'SELECT id, data FROM documents WHERE collection = $1 AND id = ANY($2::text[])',
      [this.name, ids],
    );
    return new Map(rows.map((row) => [row.id, row.data]));
  });

  async get(id: string): Promise<T | undefined> {
    // The driver would turn a lone surrogate into U+FFFD and find another record.
    if (!isStorableText(id)) return undefined;
    return this.store.track(() => this.reads.get(id));
  }

  /** Both reads in one statement: the referencing record and the one it names. */
  async getReferenced<U extends Record_>(
    id: string,
    field: string,
    collection: string,
  ): Promise<U | undefined> {
    if (!isStorableText(id) || !isStorableText(field) || !isStorableText(collection))
      return undefined;
    const { rows } = await this.store.query<DocumentRow<U>>(
      `SELECT target.data FROM documents source
       JOIN documents target ON target.collection = $3 AND target.id = source.data->>$4
       WHERE source.collection = $1 AND source.id = $2`,
      [this.name, id, collection, field],
    );
    return rows[0]?.data;
  }

  async find(match?: Match<T>): Promise<T[]> {
    const rows = await this.select<DocumentRow<T>>('data', match);
    // Containment narrows the rows through the index; `matches` keeps exactly the
    // records that equality on top-level fields selects, as every backend does.
    return rows.map((row) => row.data).filter((record) => matches(record, match));
  }

  async ids(match?: Match<T>): Promise<string[]> {
    // Only the id and the matched fields travel: `matches` needs no more to decide, and a
    // field the record lacks stays absent (what an undefined in `match` asks for).
    const keys = Object.keys(match ?? {});
    const rows = await this.select<{ id: string; fields: Record<string, unknown> | null }>(
      `id, (SELECT jsonb_object_agg(key, data->key) FROM unnest($2::text[]) AS key
            WHERE data ? key) AS fields`,
      match,
      [keys],
    );
    return rows.filter((row) => matches(row.fields ?? {}, match)).map((row) => row.id);
  }

  /**
   * `columns` of the rows whose data contains the defined fields of `match`, in the order first
   * stored (none when a field cannot be stored); `extra` are `$2`, `$3`, … for `columns`.
   */
  private async select<R extends pg.QueryResultRow>(
    columns: string,
    match: Match<T> | undefined,
    extra: unknown[] = [],
  ): Promise<R[]> {
    assertScalarMatch(this.name, match);
    const fields = Object.entries(match ?? {}).filter(([, value]) => value !== undefined);
    const unstorable = fields.some(
      ([key, value]) =>
        !isStorableText(key) || (typeof value === 'string' && !isStorableText(value)),
    );
    if (unstorable) return [];
    const parameters: unknown[] = [this.name, ...extra];
    let where = 'collection = $1';
    if (fields.length > 0) {
      parameters.push(JSON.stringify(Object.fromEntries(fields)));
      where += ` AND data @> $${parameters.length}::jsonb`;
    }
    const sql = `SELECT ${columns} FROM documents WHERE ${where} ORDER BY seq`;
    return (await this.store.query<R>(sql, parameters)).rows;
  }

  async insert(record: T): Promise<boolean> {
    assertStorable(this.name, record);
    return this.store.track(() => this.inserts.submit(record));
  }

  async put(record: T): Promise<void> {
    assertStorable(this.name, record);
    return this.store.track(() => this.puts.submit(record));
  }

  /** One statement; ids are distinct (GroupCommit keeps a repeated id for the next one). */
  private async insertRows(records: readonly T[]): Promise<boolean[]> {
    const [only] = records;
    if (records.length === 1 && only) {
      const { rowCount } = await this.store.queryTracked(
        `INSERT INTO documents (collection, id, data) VALUES ($1, $2, $3::jsonb)
         ON CONFLICT (collection, id) DO NOTHING`,
        [this.name, only.id, JSON.stringify(only)],
      );
      return [rowCount === 1];
    }
    const { rows } = await this.store.queryTracked<{ id: string }>(
      `INSERT INTO documents (collection, id, data)
       SELECT $1, r.doc->>'id', r.doc FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS r(doc, n)
       ORDER BY r.n
       ON CONFLICT (collection, id) DO NOTHING RETURNING id`,
      [this.name, JSON.stringify(records)],
    );
    const inserted = new Set(rows.map((row) => row.id));
    return records.map((record) => inserted.has(record.id));
  }

  private async putRows(records: readonly T[]): Promise<undefined[]> {
    const [only] = records;
    if (records.length === 1 && only) {
      await this.store.queryTracked(
        `INSERT INTO documents (collection, id, data) VALUES ($1, $2, $3::jsonb)
         ON CONFLICT (collection, id) DO UPDATE SET data = excluded.data`,
        [this.name, only.id, JSON.stringify(only)],
      );
    } else {
      await this.store.queryTracked(
        `INSERT INTO documents (collection, id, data)
         SELECT $1, r.doc->>'id', r.doc FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS r(doc, n)
         ORDER BY r.n
         ON CONFLICT (collection, id) DO UPDATE SET data = excluded.data`,
        [this.name, JSON.stringify(records)],
      );
    }
    return records.map(() => undefined);
  }

  async update(
    id: string,
    change: (current: T | undefined) => T | undefined,
  ): Promise<T | undefined> {
    if (!isStorableText(id)) {
      // No such record can exist; run `change` only to refuse what it would store.
      const next = change(undefined);
      if (next !== undefined) this.checkNext(id, next);
      return undefined;
    }
    for (let attempt = 1; attempt <= MAX_UPDATE_ATTEMPTS; attempt++) {
      const outcome = await this.store.transaction((client) => this.tryUpdate(client, id, change));
      if (outcome !== 'created-concurrently') return outcome.stored;
    }
    throw new Error(
      `update of ${this.name}/${id} gave up: the record kept being created by other writers.`,
    );
  }

  /**
   * One attempt inside a transaction. A present record is locked with FOR UPDATE.
   * An absent one locks nothing, so creators of the same id serialise on an
   * advisory lock instead and look again once they hold it; an insert or put
   * (which do not take that lock) can still create it first, and then this
   * attempt stores nothing and reports it, so that update runs again.
   */
  private async tryUpdate(
    client: pg.PoolClient,
    id: string,
    change: (current: T | undefined) => T | undefined,
  ): Promise<{ stored: T | undefined } | 'created-concurrently'> {
    let current = await this.selectForUpdate(client, id);
    if (current === undefined) {
      await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
        JSON.stringify([this.name, id]),
      ]);
      current = await this.selectForUpdate(client, id);
    }
    const next = change(current);
    if (next === undefined) return { stored: current };
    this.checkNext(id, next);
    const data = JSON.stringify(next);
    const { rows } =
      current === undefined
        ? await client.query<DocumentRow<T>>(
            `INSERT INTO documents (collection, id, data) VALUES ($1, $2, $3::jsonb)
             ON CONFLICT (collection, id) DO NOTHING RETURNING data`,
            [this.name, id, data],
          )
        : await client.query<DocumentRow<T>>(
            `UPDATE documents SET data = $3::jsonb WHERE collection = $1 AND id = $2 RETURNING data`,
            [this.name, id, data],
          );
    const stored = rows[0];
    return stored ? { stored: stored.data } : 'created-concurrently';
  }

  private async selectForUpdate(client: pg.PoolClient, id: string): Promise<T | undefined> {
    const { rows } = await client.query<DocumentRow<T>>(
      'SELECT data FROM documents WHERE collection = $1 AND id = $2 FOR UPDATE',
      [this.name, id],
    );
    return rows[0]?.data;
  }

  private checkNext(id: string, next: T): void {
    if (next.id !== id) throw new Error(`update of ${this.name}/${id} tried to change the id`);
    assertStorable(this.name, next);
  }

  async delete(id: string): Promise<boolean> {
    if (!isStorableText(id)) return false;
    const { rowCount } = await this.store.query(
      'DELETE FROM documents WHERE collection = $1 AND id = $2',
      [this.name, id],
    );
    return rowCount === 1;
  }

  async count(): Promise<number> {
    const { rows } = await this.store.query<{ count: number }>(
      'SELECT count(*)::integer AS count FROM documents WHERE collection = $1',
      [this.name],
    );
    return rows[0]?.count ?? 0;
  }
}

/**
 * Documents in one PostgreSQL table, shared by every Honbu instance pointed at
 * the same database and schema. Each call is one statement or one transaction,
 * so instances see each other's writes at once and `update` locks across them.
 */
export class PostgresStore implements DocumentStore {
  readonly sharedByInstances = true;
  #closed: Promise<void> | undefined;
  readonly #inFlight = new Set<Promise<unknown>>();

  private constructor(private readonly pool: pg.Pool) {}

  /**
   * Connects, checks the database and applies pending migrations (see
   * postgres-migrations.ts). Throws StoreUnavailableError when the database
   * cannot be used, naming it without the password.
   */
  static async open(url: string, options: PostgresStoreOptions = {}): Promise<PostgresStore> {
    const label = describeUrl(url);
    // The driver is loaded here, not with this module: a file store never needs it.
    const { default: driver } = await import('pg');
    let client: pg.Client | undefined;
    try {
      // Inside the try: parsing the URL reads sslrootcert/sslcert files and may throw.
      client = new driver.Client({
        connectionString: url,
        connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      });
      await client.connect();
      const { rows } = await client.query<{ server_encoding: string }>('SHOW server_encoding');
      const encoding = rows[0]?.server_encoding;
      if (encoding !== 'UTF8') {
        throw new StoreUnavailableError(
          `PostgreSQL ${label} uses the ${encoding} encoding; Honbu needs a UTF8 database.`,
        );
      }
      await migratePostgres(client, label);
    } catch (error) {
      if (error instanceof StoreUnavailableError) throw error;
      const hint =
        (error as { code?: string }).code === INSUFFICIENT_PRIVILEGE
          ? ' (applying migrations needs the CREATE privilege on the schema: see docs/postgres.md)'
          : '';
      throw new StoreUnavailableError(
        `Cannot use PostgreSQL ${label}: ${error instanceof Error ? error.message : String(error)}${hint}`,
      );
    } finally {
      await client?.end().catch(() => undefined);
    }
    const pool = new driver.Pool({ connectionString: url, max: options.poolSize ?? 10 });
    const onBackgroundError = options.onBackgroundError ?? (() => undefined);
    // Without a listener, an idle connection's error would end the process.
    pool.on('error', onBackgroundError);
    return new PostgresStore(pool);
  }

  get ready(): boolean {
    return this.#closed === undefined;
  }

  collection<T extends Record_>(name: string): Collection<T> {
    if (!isStorableText(name))
      throw new TypeError('A collection name cannot hold lone surrogates or NUL.');
    return new PostgresCollection<T>(this, name);
  }

  query<R extends pg.QueryResultRow = pg.QueryResultRow>(
    text: string,
    values: unknown[],
  ): Promise<pg.QueryResult<R>> {
    return this.track(() => this.pool.query<R>(text, values));
  }

  /** A statement for calls already counted by track(), which close() waits for. */
  queryTracked<R extends pg.QueryResultRow = pg.QueryResultRow>(
    text: string,
    values: unknown[],
  ): Promise<pg.QueryResult<R>> {
    return this.pool.query<R>(text, values);
  }

  /** Runs `work` between BEGIN and COMMIT on one connection; any error rolls back. */
  transaction<R>(work: (client: pg.PoolClient) => Promise<R>): Promise<R> {
    return this.track(async () => {
      const client = await this.pool.connect();
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        const result = await work(client);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch((rollbackError: Error) => {
          broken = rollbackError;
        });
        throw error;
      } finally {
        // A connection that could not roll back is discarded, not reused.
        client.release(broken);
      }
    });
  }

  /** Counts `operation` among the calls that close() lets finish. */
  async track<R>(operation: () => Promise<R>): Promise<R> {
    if (this.#closed) throw new Error('The PostgreSQL store is closed.');
    const running = operation();
    this.#inFlight.add(running);
    try {
      return await running;
    } finally {
      this.#inFlight.delete(running);
    }
  }

  /** Each change is durable as it is made: the work just runs. */
  writeTogether<T>(work: () => Promise<T>): Promise<T> {
    return work();
  }

  /** Lets every started call finish, then closes the connections. */
  close(): Promise<void> {
    this.#closed ??= Promise.allSettled([...this.#inFlight]).then(() => this.pool.end());
    return this.#closed;
  }
}
