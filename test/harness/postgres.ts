import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The PostgreSQL the tests use; CI starts it (see .ci/run). Unreachable means failing tests. */
export const testDatabaseUrl =
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/**
 * `url` with `search_path` set to `schema`, the way an operator would configure it.
 * Tests also turn off synchronous_commit: a commit then skips waiting for the WAL
 * flush (a server crash could lose the last commits, a client cannot tell), which
 * takes the serialised updates of the contract from seconds to a fraction of one.
 */
export function withSearchPath(url: string, schema: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set('options', `-c search_path=${schema} -c synchronous_commit=off`);
  return parsed.toString();
}

export interface TestSchema {
  readonly name: string;
  /** A STORE_URL whose search_path is this schema. */
  readonly url: string;
  /** Runs SQL on the test database (schema-qualify names: `${name}.documents`). */
  sql<R extends pg.QueryResultRow>(text: string): Promise<R[]>;
  /** Removes every document, keeping the migrated tables. */
  empty(): Promise<void>;
  /** Drops the schema and everything in it. */
  drop(): Promise<void>;
}

/**
 * A new empty schema, so that test runs (and tests) never see each other's data.
 * Its one administrative connection stays open until `drop`: connecting costs
 * more than most statements the tests run.
 */
export async function createTestSchema(): Promise<TestSchema> {
  const name = `honbu_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: testDatabaseUrl, connectionTimeoutMillis: 5000 });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${name}`);
  const sql = async <R extends pg.QueryResultRow>(text: string) =>
    (await admin.query<R>(text)).rows;
  return {
    name,
    url: withSearchPath(testDatabaseUrl, name),
    sql,
    empty: async () => {
      await sql(`TRUNCATE ${name}.documents`);
    },
    drop: async () => {
      try {
        await sql(`DROP SCHEMA ${name} CASCADE`);
      } finally {
        await admin.end();
      }
    },
  };
}
