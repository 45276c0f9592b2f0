import assert from 'node:assert/strict';
import pg from 'pg';
import { loadConfig } from '../src/config.js';
import { StoreUnavailableError, type DocumentStore } from '../src/store/document-store.js';
import { openStore } from '../src/store/open-store.js';
import { LATEST_POSTGRES_VERSION } from '../src/store/postgres-migrations.js';
import { PostgresStore } from '../src/store/postgres-store.js';
import { documentStoreContract } from './contract/document-store.contract.js';
import {
  createTestSchema,
  testDatabaseUrl,
  withSearchPath,
  type TestSchema,
} from './harness/postgres.js';

describe('PostgreSQL backend', () => {
  // One schema for the contract suite, emptied between tests: migrating a new
  // schema for each of them would be most of the suite's time.
  let shared: TestSchema;
  before(async () => {
    shared = await createTestSchema();
  });
  after(async () => {
    await shared?.drop();
  });

  documentStoreContract('PostgreSQL', async () => {
    const stores: DocumentStore[] = [await PostgresStore.open(shared.url)];
    return {
      store: stores[0] as DocumentStore,
      reopen: async () => {
        const again = await PostgresStore.open(shared.url);
        stores.push(again);
        return again;
      },
      cleanup: async () => {
        await Promise.all(stores.map((s) => s.close()));
        await shared.empty();
      },
    };
  });
});

describe('PostgreSQL store', () => {
  let schema: TestSchema;
  const opened: DocumentStore[] = [];

  beforeEach(async () => {
    schema = await createTestSchema();
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((s) => s.close()));
    // Undefined when PostgreSQL is down: the failing beforeEach already says so.
    await schema?.drop();
  });

  const rows = <R extends pg.QueryResultRow>(sql: string) => schema.sql<R>(sql);

  it('two instances starting at once on an empty schema both open, and migrate it once', async () => {
    const both = await Promise.all([
      PostgresStore.open(schema.url),
      PostgresStore.open(schema.url),
    ]);
    opened.push(...both);
    const applied = await rows<{ version: number }>(
      `SELECT version FROM ${schema.name}.schema_migrations ORDER BY version`,
    );
    assert.deepEqual(
      applied.map((r) => r.version),
      Array.from({ length: LATEST_POSTGRES_VERSION }, (_, i) => i + 1),
    );
    const [first, second] = both as [PostgresStore, PostgresStore];
    await first.collection('items').put({ id: 'a' });
    assert.deepEqual(await second.collection('items').get('a'), { id: 'a' });
  });

  it('an already migrated schema opens without applying anything again', async () => {
    opened.push(await PostgresStore.open(schema.url));
    await (opened[0] as DocumentStore).collection('items').put({ id: 'kept' });
    opened.push(await PostgresStore.open(schema.url));
    assert.equal(
      (await rows(`SELECT * FROM ${schema.name}.schema_migrations`)).length,
      LATEST_POSTGRES_VERSION,
    );
    assert.deepEqual(await (opened[1] as DocumentStore).collection('items').get('kept'), {
      id: 'kept',
    });
  });

  it('two instances updating one counter concurrently lose nothing', async () => {
    const instances = await Promise.all([
      PostgresStore.open(schema.url, { poolSize: 3 }),
      PostgresStore.open(schema.url, { poolSize: 3 }),
    ]);
    opened.push(...instances);
    await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        (instances[i % 2] as DocumentStore)
          .collection<{ id: string; n: number }>('counters')
          .update('c', (current) => ({ id: 'c', n: (current?.n ?? 0) + 1 })),
      ),
    );
    assert.deepEqual(await (instances[0] as DocumentStore).collection('counters').get('c'), {
      id: 'c',
      n: 200,
    });
  });

  it('concurrent inserts and puts share statements, each caller getting its own outcome', async () => {
    const store = await PostgresStore.open(schema.url, { poolSize: 2 });
    opened.push(store);
    const log = store.collection<{ id: string; n: number }>('log');
    await log.insert({ id: 'r-5', n: -1 });
    const inserted = await Promise.all(
      Array.from({ length: 100 }, (_, i) => log.insert({ id: `r-${i % 50}`, n: i })),
    );
    // r-5 existed; of every other id's two inserts, the first asked for wins.
    inserted.forEach((won, i) => assert.equal(won, i < 50 && i !== 5, `insert ${i}`));
    const ids = (await log.find()).map((r) => r.id);
    assert.deepEqual(ids, [
      'r-5',
      ...Array.from({ length: 50 }, (_, i) => `r-${i}`).filter((id) => id !== 'r-5'),
    ]);
    await Promise.all(
      Array.from({ length: 30 }, (_, i) => log.put({ id: `r-${i % 3}`, n: 1000 + i })),
    );
    assert.deepEqual(
      await Promise.all(['r-0', 'r-1', 'r-2'].map((id) => log.get(id))),
      [
        { id: 'r-0', n: 1027 },
        { id: 'r-1', n: 1028 },
        { id: 'r-2', n: 1029 },
      ],
      'the last put of each id is the one kept',
    );
  });

  it('follows a reference to another collection in one read', async () => {
    const store = await PostgresStore.open(schema.url);
    opened.push(store);
    const chats = store.collection<{ id: string; conversationId: string }>('personalChats');
    await store
      .collection<{ id: string; kind: string }>('conversations')
      .put({ id: 'a:1', kind: 'personal' });
    await chats.put({ id: 'user-1', conversationId: 'a:1' });
    await chats.put({ id: 'user-2', conversationId: 'a:missing' });
    assert.deepEqual(await chats.getReferenced?.('user-1', 'conversationId', 'conversations'), {
      id: 'a:1',
      kind: 'personal',
    });
    assert.equal(
      await chats.getReferenced?.('user-2', 'conversationId', 'conversations'),
      undefined,
    );
    assert.equal(
      await chats.getReferenced?.('nobody', 'conversationId', 'conversations'),
      undefined,
    );
  });

  it('refuses a schema migrated by a newer Honbu, naming both versions', async () => {
    opened.push(await PostgresStore.open(schema.url));
    await rows(
      `INSERT INTO ${schema.name}.schema_migrations (version, name) VALUES (${LATEST_POSTGRES_VERSION + 1}, 'future')`,
    );
    await assert.rejects(PostgresStore.open(schema.url), (error: Error) => {
      assert.ok(error instanceof StoreUnavailableError);
      assert.match(error.message, new RegExp(`version ${LATEST_POSTGRES_VERSION + 1}.*newer`));
      return true;
    });
  });

  it('refuses a search_path naming a schema that does not exist', async () => {
    const url = withSearchPath(testDatabaseUrl, `${schema.name}_missing`);
    await assert.rejects(PostgresStore.open(url), (error: Error) => {
      assert.ok(error instanceof StoreUnavailableError);
      assert.match(error.message, /CREATE SCHEMA/);
      return true;
    });
  });

  it('an unreachable database stops start-up with a message naming it, without the password', async () => {
    await assert.rejects(openStore('postgres://honbu:s3cret@127.0.0.1:1/honbu'), (error: Error) => {
      assert.ok(error instanceof StoreUnavailableError);
      assert.match(error.message, /honbu@127\.0\.0\.1:1\/honbu/);
      assert.doesNotMatch(error.message, /s3cret/);
      return true;
    });
  });

  it('a missing sslrootcert file stops start-up with a StoreUnavailableError', async () => {
    const url = new URL(schema.url);
    url.searchParams.set('sslrootcert', '/nonexistent/ca.pem');
    await assert.rejects(PostgresStore.open(url.toString()), (error: Error) => {
      assert.ok(error instanceof StoreUnavailableError);
      assert.match(error.message, /ca\.pem/);
      return true;
    });
  });

  it('STORE_URL=postgres://... opens the PostgreSQL store with the configured pool size', async () => {
    const config = loadConfig({ STORE_URL: schema.url, STORE_POOL_SIZE: '4' });
    assert.equal(config.storePoolSize, 4);
    assert.equal(loadConfig({}).storePoolSize, 10);
    assert.throws(() => loadConfig({ STORE_POOL_SIZE: '0' }), /STORE_POOL_SIZE/);
    const store = await openStore(config.storeUrl, { poolSize: config.storePoolSize });
    opened.push(store);
    assert.ok(store instanceof PostgresStore);
    assert.equal(store.ready, true);
  });

  describe('with a role that may only read and write documents', () => {
    let role: string;
    beforeEach(async () => {
      role = `${schema.name}_app`;
      // The grants docs/postgres.md gives for a least-privilege runtime role.
      await schema.sql(`CREATE ROLE ${role} LOGIN`);
      await schema.sql(`GRANT USAGE ON SCHEMA ${schema.name} TO ${role}`);
      await schema.sql(
        `ALTER DEFAULT PRIVILEGES IN SCHEMA ${schema.name} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${role}`,
      );
    });
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((s) => s.close()));
      await schema.sql(`DROP OWNED BY ${role}`);
      await schema.sql(`DROP ROLE ${role}`);
    });

    function asRole(): string {
      const url = new URL(schema.url);
      url.username = role;
      return url.toString();
    }

    it('an instance starts on a schema already migrated by the owner, and works', async () => {
      opened.push(await PostgresStore.open(schema.url));
      const store = await PostgresStore.open(asRole());
      opened.push(store);
      const items = store.collection<{ id: string; n: number }>('items');
      await items.put({ id: 'a', n: 1 });
      await items.update('a', (current) => current && { ...current, n: 2 });
      await items.update('b', () => ({ id: 'b', n: 1 }));
      assert.deepEqual(await items.find({ n: 2 }), [{ id: 'a', n: 2 }]);
      assert.equal(await items.delete('b'), true);
    });

    it('on a schema not yet migrated, start-up stops and says CREATE is needed', async () => {
      await assert.rejects(PostgresStore.open(asRole()), (error: Error) => {
        assert.ok(error instanceof StoreUnavailableError);
        assert.match(error.message, /permission denied.*CREATE privilege/);
        return true;
      });
    });
  });

  it('after close, calls are refused and ready is false', async () => {
    const store = await PostgresStore.open(schema.url);
    await store.close();
    assert.equal(store.ready, false);
    await assert.rejects(store.collection('items').get('a'), /closed/);
    await store.close();
  });
});
