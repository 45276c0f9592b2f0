import type pg from 'pg';
import { StoreUnavailableError } from './document-store.js';

export interface PostgresMigration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/**
 * The PostgreSQL schema, in order. Append a migration (never edit an applied one)
 * when the schema changes; each runs once, inside the start-up transaction.
 */
export const postgresMigrations: readonly PostgresMigration[] = [
  {
    version: 1,
    name: 'documents',
    // seq keeps find() in insertion order, as lowdb returns it; jsonb_path_ops
    // indexes exactly the @> containment that find() uses, and is smaller than the default.
    sql: `
      CREATE TABLE documents (
        collection text NOT NULL,
        id text NOT NULL,
        seq bigint GENERATED ALWAYS AS IDENTITY,
        data jsonb NOT NULL,
        PRIMARY KEY (collection, id)
      );
      CREATE INDEX documents_data ON documents USING gin (data jsonb_path_ops);
      CREATE INDEX documents_order ON documents (collection, seq);
    `,
  },
  {
    version: 2,
    name: 'scheduler claims',
    // The scheduler's claim query (src/scheduling/postgres-job-store.ts) looks for
    // runnable jobs by due time on every tick; without this it reads every job.
    sql: `
      CREATE INDEX documents_runnable_jobs ON documents ((data->>'dueAt'))
        WHERE collection = 'jobs' AND data->>'status' IN ('pending', 'claimed');
    `,
  },
];

export const LATEST_POSTGRES_VERSION = postgresMigrations.at(-1)?.version ?? 0;

/**
 * Brings the schema on the client's search_path up to date. Runs in one
 * transaction holding an advisory lock per schema, so instances starting at
 * the same moment apply each migration once and the others then see it done;
 * a failed migration leaves the schema as it was.
 */
export async function migratePostgres(client: pg.Client, label: string): Promise<void> {
  await client.query('BEGIN');
  try {
    const { rows } = await client.query<{ schema: string | null }>(
      'SELECT current_schema() AS schema',
    );
    const schema = rows[0]?.schema;
    if (!schema) {
      const { rows: path } = await client.query<{ search_path: string }>('SHOW search_path');
      throw new StoreUnavailableError(
        `PostgreSQL ${label}: no schema on the search_path (${path[0]?.search_path}) exists. ` +
          'Create it first (CREATE SCHEMA ...) or fix the options=-c search_path=... in STORE_URL.',
      );
    }
    await client.query(
      "SELECT pg_advisory_xact_lock(hashtextextended('honbu migrations ' || $1, 0))",
      [schema],
    );
    // Looked up rather than CREATE TABLE IF NOT EXISTS, which needs the CREATE
    // privilege even when the table is there: a role limited to reading and
    // writing documents can then start an instance on a migrated schema.
    const { rows: table } = await client.query<{ found: string | null }>(
      "SELECT to_regclass(format('%I.schema_migrations', $1::text)) AS found",
      [schema],
    );
    if (!table[0]?.found) {
      await client.query(`
        CREATE TABLE schema_migrations (
          version integer PRIMARY KEY,
          name text NOT NULL,
          applied_at timestamptz NOT NULL DEFAULT now()
        )`);
    }
    const applied = await client.query<{ version: number | null }>(
      'SELECT max(version) AS version FROM schema_migrations',
    );
    const current = applied.rows[0]?.version ?? 0;
    if (current > LATEST_POSTGRES_VERSION) {
      throw new StoreUnavailableError(
        `PostgreSQL ${label} (schema ${schema}) has schema version ${current}, newer than this ` +
          `Honbu (${LATEST_POSTGRES_VERSION}). Upgrade Honbu.`,
      );
    }
    for (const migration of postgresMigrations.filter((m) => m.version > current)) {
      await client.query(migration.sql);
      await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ]);
    }
    await client.query('COMMIT');
  } catch (error) {
    // The original error says what went wrong; a failed rollback only means the connection is gone.
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
