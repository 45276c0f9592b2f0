import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sinon from 'sinon';
import { StoreUnavailableError } from '../src/store/document-store.js';
import { LowdbStore } from '../src/store/lowdb-store.js';
import { CURRENT_SCHEMA_VERSION } from '../src/store/migrations.js';
import { openStore } from '../src/store/open-store.js';
import { documentStoreContract } from './contract/document-store.contract.js';

async function temporaryDirectory(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'honbu-store-'));
}

documentStoreContract('lowdb file', async () => {
  const directory = await temporaryDirectory();
  const path = join(directory, 'honbu.json');
  const stores = [await LowdbStore.openFile(path)];
  return {
    store: stores[0] as LowdbStore,
    reopen: async () => {
      const again = await LowdbStore.openFile(path);
      stores.push(again);
      return again;
    },
    cleanup: async () => {
      await Promise.all(stores.map((s) => s.close()));
      await rm(directory, { recursive: true, force: true });
    },
  };
});

documentStoreContract('lowdb memory', async () => {
  const store = await LowdbStore.openMemory();
  return { store, cleanup: () => store.close() };
});

describe('lowdb store file', () => {
  let directory: string;
  let path: string;
  beforeEach(async () => {
    directory = await temporaryDirectory();
    path = join(directory, 'honbu.json');
  });
  afterEach(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  async function assertRefusedAndUntouched(content: string, message: RegExp): Promise<void> {
    await writeFile(path, content);
    await assert.rejects(openStore(`file:${path}`), (error: Error) => {
      assert.ok(error instanceof StoreUnavailableError, String(error));
      assert.match(error.message, message);
      return true;
    });
    assert.equal(await readFile(path, 'utf-8'), content);
  }

  it('a corrupt file stops openStore with a clear message and is left byte for byte', async () => {
    await assertRefusedAndUntouched(
      '{"schemaVersion":1,"collections":{"people":{"a":{"id":"a"',
      /honbu\.json is not valid JSON.*will not overwrite it/,
    );
  });

  it('a file that is not a Honbu store is refused and left as it is', async () => {
    await assertRefusedAndUntouched('[1, 2, 3]\n', /does not look like a Honbu store/);
  });

  it('a file with a newer schemaVersion is refused and left as it is', async () => {
    await assertRefusedAndUntouched(
      JSON.stringify({ schemaVersion: CURRENT_SCHEMA_VERSION + 1, collections: {} }),
      new RegExp(`schema version ${CURRENT_SCHEMA_VERSION + 1}, newer than this Honbu`),
    );
  });

  it('the file carries the schemaVersion next to the collections', async () => {
    const store = await LowdbStore.openFile(path);
    await store.collection<{ id: string; name: string }>('people').put({ id: 'p-1', name: '青木' });
    await store.close();
    const written = JSON.parse(await readFile(path, 'utf-8')) as unknown;
    assert.deepEqual(written, {
      schemaVersion: CURRENT_SCHEMA_VERSION,
      collections: { people: { 'p-1': { id: 'p-1', name: '青木' } } },
    });
  });
});

describe('lowdb store under a burst of writes', () => {
  afterEach(() => sinon.restore());

  it('after a slow write shared by several changes, pauses as long as it took; the changes of the pause share one write', async () => {
    const store = await LowdbStore.openMemory();
    let writes = 0;
    // A store big enough that serialising and writing it takes 100 ms.
    sinon.stub(store.db, 'write').callsFake(async () => {
      writes++;
      await new Promise((resolve) => setTimeout(resolve, 100));
    });
    const items = store.collection<{ id: string }>('items');
    await Promise.all([items.put({ id: 'a' }), items.put({ id: 'a2' })]);
    const ended = performance.now();
    const b = items.put({ id: 'b' });
    await new Promise((resolve) => setTimeout(resolve, 10));
    const c = items.put({ id: 'c' });
    await Promise.all([b, c]);
    assert.equal(writes, 2, 'a and a2 in one write; b and c together, after the pause');
    assert.ok(performance.now() - ended >= 190, 'a 100 ms pause, then the 100 ms write');
    assert.deepEqual(
      (await items.find()).map((i) => i.id),
      ['a', 'a2', 'b', 'c'],
    );
  });

  it('does not hold one writer at a time: each slow write of a single change starts at once', async () => {
    const store = await LowdbStore.openMemory();
    sinon
      .stub(store.db, 'write')
      .callsFake(() => new Promise<void>((resolve) => setTimeout(resolve, 100)));
    const items = store.collection<{ id: string }>('items');
    const started = performance.now();
    for (let i = 0; i < 3; i++) await items.put({ id: `n${i}` });
    const elapsed = performance.now() - started;
    assert.ok(elapsed < 450, `three 100 ms writes in a row took ${Math.round(elapsed)} ms`);
  });

  it('does not pause after quick writes (a small store)', async () => {
    const store = await LowdbStore.openMemory();
    let writes = 0;
    sinon.stub(store.db, 'write').callsFake(async () => {
      writes++;
    });
    const items = store.collection<{ id: string }>('items');
    for (let i = 0; i < 20; i++) await items.put({ id: `n${i}` });
    assert.equal(writes, 20, 'each awaited put is written at once');
  });
});
