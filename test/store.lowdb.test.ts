import assert from 'node:assert/strict';
import { appendFile, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
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

describe('lowdb store journal', () => {
  let directory: string;
  let path: string;
  const opened: LowdbStore[] = [];
  beforeEach(async () => {
    directory = await temporaryDirectory();
    path = join(directory, 'honbu.json');
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((s) => s.close()));
    await rm(directory, { recursive: true, force: true });
  });

  interface Doc {
    readonly id: string;
    readonly n: number;
    readonly text?: string;
  }

  /** A store whose file already holds `records` documents of about 100 characters. */
  async function storeWith(records: number): Promise<LowdbStore> {
    const store = await LowdbStore.openFile(path);
    opened.push(store);
    const docs = store.collection<Doc>('docs');
    await Promise.all(
      Array.from({ length: records }, (_, i) =>
        docs.put({ id: `d${i}`, n: i, text: 'x'.repeat(80) }),
      ),
    );
    await store.snapshot();
    return store;
  }

  /** Opens the file again without closing the first store: as after kill -9. */
  async function reopenAfterCrash(): Promise<LowdbStore> {
    const again = await LowdbStore.openFile(path);
    opened.push(again);
    return again;
  }

  const journal = () => `${path}.journal`;
  const exists = (file: string) =>
    stat(file).then(
      () => true,
      () => false,
    );

  it('appends a change to the journal and leaves the file alone until the journal outgrows it', async () => {
    const store = await storeWith(1000);
    const before = await readFile(path, 'utf-8');
    const docs = store.collection<Doc>('docs');
    await docs.put({ id: 'd1', n: -1 });
    await docs.delete('d2');
    assert.equal(await readFile(path, 'utf-8'), before, 'the file is not rewritten per change');
    const lines = (await readFile(journal(), 'utf-8')).trimEnd().split('\n');
    assert.equal(lines.length, 3, 'a header, then one line per change');
    assert.deepEqual(JSON.parse(lines[1] ?? ''), ['docs', 'd1', { id: 'd1', n: -1 }]);
    assert.deepEqual(JSON.parse(lines[2] ?? ''), ['docs', 'd2']);
    // About 1,000 more changes of the same size outgrow the file: a snapshot replaces the journal.
    for (let i = 0; i < 1500; i++) await docs.put({ id: `d${i % 10}`, n: i, text: 'y'.repeat(80) });
    assert.ok((await stat(journal())).size < (await stat(path)).size);
    assert.notEqual(await readFile(path, 'utf-8'), before);
  });

  it('after a crash, the next open replays the journal in order and folds it into the file', async () => {
    const store = await storeWith(10);
    const docs = store.collection<Doc>('docs');
    await docs.delete('d3');
    await docs.put({ id: 'd3', n: 33 });
    await docs.update('d0', (d) => (d ? { ...d, n: 100 } : undefined));
    await store.collection<Doc>('others').insert({ id: '__proto__', n: 7 });
    assert.ok(await exists(journal()));

    const again = await reopenAfterCrash();
    const reread = again.collection<Doc>('docs');
    assert.deepEqual(
      (await reread.find()).map((d) => d.id),
      ['d0', 'd1', 'd2', 'd4', 'd5', 'd6', 'd7', 'd8', 'd9', 'd3'],
    );
    assert.equal((await reread.get('d0'))?.n, 100);
    assert.deepEqual(await reread.get('d3'), { id: 'd3', n: 33 });
    assert.deepEqual(await again.collection<Doc>('others').get('__proto__'), {
      id: '__proto__',
      n: 7,
    });
    assert.equal(await exists(journal()), false, 'the journal is in the file now');
    const file = JSON.parse(await readFile(path, 'utf-8')) as {
      collections: { docs: Record<string, Doc> };
    };
    assert.equal(file.collections.docs['d0']?.n, 100);
  });

  it('leaves out a last line cut short by a crash: that change was never acknowledged', async () => {
    const store = await storeWith(10);
    await store.collection<Doc>('docs').put({ id: 'd1', n: -1 });
    await appendFile(journal(), '["docs","d2",{"id":"d2","n":');
    const again = await reopenAfterCrash();
    assert.equal((await again.collection<Doc>('docs').get('d1'))?.n, -1);
    assert.equal((await again.collection<Doc>('docs').get('d2'))?.n, 2);
  });

  it('does not replay a journal that a newer snapshot already holds', async () => {
    const store = await storeWith(10);
    const docs = store.collection<Doc>('docs');
    await docs.put({ id: 'd1', n: -1 });
    const stale = await readFile(journal(), 'utf-8');
    await docs.put({ id: 'd1', n: -2 });
    await store.snapshot();
    // A crash between the snapshot's rename and the journal's removal leaves the journal.
    await writeFile(journal(), stale);
    const again = await reopenAfterCrash();
    assert.equal((await again.collection<Doc>('docs').get('d1'))?.n, -2);
  });

  it('refuses a journal with a broken line before its end, and leaves both files as they are', async () => {
    const store = await storeWith(10);
    await store.collection<Doc>('docs').put({ id: 'd1', n: -1 });
    const [header = ''] = (await readFile(journal(), 'utf-8')).split('\n');
    const broken = `${header}\n["docs","d1",{"id"\n["docs","d2"]\n`;
    await writeFile(journal(), broken);
    const file = await readFile(path, 'utf-8');
    await assert.rejects(openStore(`file:${path}`), (error: Error) => {
      assert.ok(error instanceof StoreUnavailableError, String(error));
      assert.match(error.message, /honbu\.json\.journal is not valid JSON.*will not overwrite it/);
      return true;
    });
    assert.equal(await readFile(journal(), 'utf-8'), broken);
    assert.equal(await readFile(path, 'utf-8'), file);
  });

  it('a clean close leaves the file alone, without a journal', async () => {
    const store = await storeWith(10);
    await store.collection<Doc>('docs').put({ id: 'd1', n: -1 });
    await store.close();
    assert.equal(await exists(journal()), false);
    const file = JSON.parse(await readFile(path, 'utf-8')) as {
      collections: { docs: Record<string, Doc> };
    };
    assert.equal(file.collections.docs['d1']?.n, -1);
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
