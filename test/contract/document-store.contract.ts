import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import {
  UnstorableDocumentError,
  type Collection,
  type DocumentStore,
} from '../../src/store/document-store.js';

/** A store under test; `reopen` (durable backends only) opens the same data again. */
export interface OpenedStore {
  readonly store: DocumentStore;
  readonly reopen?: () => Promise<DocumentStore>;
  /** Closes every store this opening produced and removes its data. */
  readonly cleanup: () => Promise<void>;
}

interface Item {
  readonly id: string;
  readonly name?: string;
  readonly dept?: string;
  readonly active?: boolean;
  readonly n?: number | string | null;
  readonly tags?: readonly string[];
  readonly meta?: Readonly<Record<string, unknown>>;
  readonly text?: string;
}

const ids = (records: readonly Item[]) => records.map((r) => r.id);
const byId = (records: readonly Item[]) => [...ids(records)].sort();

/**
 * The behaviour every DocumentStore backend must have (see document-store.ts).
 * Each test gets a fresh, empty store from `open`.
 */
export function documentStoreContract(name: string, open: () => Promise<OpenedStore>): void {
  describe(`DocumentStore contract: ${name}`, function () {
    let opened: OpenedStore;
    let items: Collection<Item>;

    beforeEach(async () => {
      opened = await open();
      items = opened.store.collection<Item>('items');
    });
    afterEach(async () => {
      await opened.cleanup();
    });

    async function seed(...records: Item[]): Promise<void> {
      for (const record of records) await items.put(record);
    }

    /** Reopens a durable store after closing it; undefined (test skipped) for memory. */
    async function reopened(context: Mocha.Context): Promise<DocumentStore> {
      if (!opened.reopen) context.skip();
      await opened.store.close();
      return opened.reopen();
    }

    describe('get and find', () => {
      it('get returns the stored record, and undefined for an unknown id', async () => {
        await seed({ id: 'a', name: 'Aoki', tags: ['x'], meta: { floor: 3 } });
        assert.deepEqual(await items.get('a'), {
          id: 'a',
          name: 'Aoki',
          tags: ['x'],
          meta: { floor: 3 },
        });
        assert.equal(await items.get('zz'), undefined);
        assert.equal(await items.get(''), undefined);
      });

      it('concurrent gets each find their own record, a copy of their own, absent ones undefined', async () => {
        const docs = opened.store.collection<{ id: string; name: string; tags: string[] }>('docs');
        await docs.put({ id: 'a', name: 'Aoki', tags: ['x'] });
        await docs.put({ id: 'b', name: 'Baba', tags: [] });
        const asked = ['a', 'zz', 'b', 'a', 'a', 'b', ''];
        const got = await Promise.all(asked.map((id) => docs.get(id)));
        assert.deepEqual(
          got.map((record) => record?.name),
          ['Aoki', undefined, 'Baba', 'Aoki', 'Aoki', 'Baba', undefined],
        );
        got[0]?.tags.push('changed by the first caller');
        assert.deepEqual(got[3]?.tags, ['x'], 'another caller of the same id');
        assert.notEqual(got[3], got[4]);
        assert.deepEqual(await docs.get('a'), { id: 'a', name: 'Aoki', tags: ['x'] });
      });

      it('a get asked for after a write has finished sees the write', async () => {
        await seed({ id: 'a', name: 'Aoki', tags: [] });
        const before = items.get('a');
        await items.put({ id: 'a', name: 'Abe', tags: [] });
        const reads = await Promise.all([items.get('a'), before, items.get('a')]);
        assert.equal(reads[0]?.name, 'Abe');
        assert.equal(reads[2]?.name, 'Abe');
      });

      it('find without a match returns every record in the order first stored', async () => {
        await seed({ id: 'r-c' }, { id: 'r-a' }, { id: 'r-b' });
        await items.put({ id: 'r-a', name: 'replaced keeps its place' });
        await items.update('r-d', () => ({ id: 'r-d' }));
        assert.deepEqual(ids(await items.find()), ['r-c', 'r-a', 'r-b', 'r-d']);
        assert.deepEqual(ids(await items.find({})), ['r-c', 'r-a', 'r-b', 'r-d']);
        await items.delete('r-c');
        await items.insert({ id: 'r-c' });
        assert.deepEqual(ids(await items.find()), ['r-a', 'r-b', 'r-d', 'r-c']);
      });

      it('find selects records whose top-level field equals the value', async () => {
        await seed(
          { id: 'a', dept: 'kumin' },
          { id: 'b', dept: 'somu' },
          { id: 'c', dept: 'kumin', tags: ['kumin'] },
          { id: 'd', meta: { dept: 'kumin' } },
        );
        assert.deepEqual(byId(await items.find({ dept: 'kumin' })), ['a', 'c']);
        assert.deepEqual(await items.find({ dept: 'kaikei' }), []);
      });

      it('find with several fields needs all of them to be equal', async () => {
        await seed(
          { id: 'a', dept: 'kumin', active: true },
          { id: 'b', dept: 'kumin', active: false },
          { id: 'c', dept: 'somu', active: true },
        );
        assert.deepEqual(ids(await items.find({ dept: 'kumin', active: true })), ['a']);
        assert.deepEqual(ids(await items.find({ id: 'c', active: true })), ['c']);
        assert.deepEqual(await items.find({ id: 'c', active: false }), []);
      });

      it('find compares booleans, numbers, strings and null strictly', async () => {
        await seed(
          { id: 'false', active: false },
          { id: 'true', active: true },
          { id: 'zero', n: 0 },
          { id: 'one', n: 1 },
          { id: 'one-string', n: '1' },
          { id: 'null', n: null },
          { id: 'fraction', n: 0.1 },
        );
        assert.deepEqual(ids(await items.find({ active: false })), ['false']);
        assert.deepEqual(ids(await items.find({ active: true })), ['true']);
        assert.deepEqual(ids(await items.find({ n: 0 })), ['zero']);
        assert.deepEqual(ids(await items.find({ n: 1 })), ['one']);
        assert.deepEqual(ids(await items.find({ n: '1' })), ['one-string']);
        assert.deepEqual(ids(await items.find({ n: null })), ['null']);
        assert.deepEqual(ids(await items.find({ n: 0.1 })), ['fraction']);
      });

      it('a record without the field never equals a value; undefined selects records without it', async () => {
        await seed({ id: 'with', dept: 'kumin', active: false }, { id: 'without' });
        assert.deepEqual(ids(await items.find({ dept: 'kumin' })), ['with']);
        assert.deepEqual(ids(await items.find({ active: false })), ['with']);
        assert.deepEqual(ids(await items.find({ n: null })), []);
        assert.deepEqual(ids(await items.find({ dept: undefined })), ['without']);
      });

      it('find refuses an object or array as a match value', async () => {
        await seed({ id: 'a', tags: ['x'], meta: { k: 1 } });
        await assert.rejects(items.find({ tags: ['x'] }), TypeError);
        await assert.rejects(items.find({ meta: { k: 1 } }), TypeError);
      });

      it('ids names exactly the records find returns, in the same order, for every kind of match', async () => {
        await seed(
          { id: 'r-b', dept: 'kumin', active: true, n: 0, text: 'x'.repeat(10_000) },
          { id: 'r-a', dept: 'kumin', active: false, n: '0' },
          { id: 'r-c', dept: 'somu', n: null, tags: ['kumin'] },
          { id: 'r-d', meta: { dept: 'kumin' }, n: 0.5 },
          { id: 'r-e' },
        );
        await items.put({ id: 'r-b', dept: 'kumin', active: true, n: 0 });
        const matches: Array<Parameters<typeof items.find>[0]> = [
          undefined,
          {},
          { dept: 'kumin' },
          { dept: 'kumin', active: false },
          { id: 'r-c', dept: 'somu' },
          { n: 0 },
          { n: '0' },
          { n: null },
          { n: 0.5 },
          { active: undefined },
          { dept: undefined, n: undefined },
          { dept: 'kaikei' },
          { dept: 'ku\uD800min' },
        ];
        for (const match of matches)
          assert.deepEqual(await items.ids(match), ids(await items.find(match)), inspect(match));
        assert.deepEqual(await items.ids({ dept: 'kumin' }), ['r-b', 'r-a']);
        await assert.rejects(items.ids({ tags: ['kumin'] }), TypeError);
      });
    });

    describe('getReferenced', () => {
      it('follows a string field to the record of another collection', async () => {
        const owners = opened.store.collection<{ id: string; itemId?: string }>('owners');
        await seed({ id: 'a', name: '青木' });
        await owners.put({ id: 'o1', itemId: 'a' });
        await owners.put({ id: 'o2', itemId: 'missing' });
        await owners.put({ id: 'o3' });
        assert.deepEqual(await owners.getReferenced<Item>('o1', 'itemId', 'items'), {
          id: 'a',
          name: '青木',
        });
        assert.equal(await owners.getReferenced('o2', 'itemId', 'items'), undefined);
        assert.equal(await owners.getReferenced('o3', 'itemId', 'items'), undefined);
        assert.equal(await owners.getReferenced('nobody', 'itemId', 'items'), undefined);
      });
    });

    describe('insert and put', () => {
      it('insert adds a record and returns true', async () => {
        assert.equal(await items.insert({ id: 'a', name: 'first' }), true);
        assert.deepEqual(await items.get('a'), { id: 'a', name: 'first' });
      });

      it('insert returns false on a duplicate id and leaves the record unchanged', async () => {
        await items.insert({ id: 'a', name: 'first' });
        assert.equal(await items.insert({ id: 'a', name: 'second' }), false);
        assert.deepEqual(await items.get('a'), { id: 'a', name: 'first' });
        assert.equal(await items.count(), 1);
      });

      it('put inserts, then replaces the whole record', async () => {
        await items.put({ id: 'a', name: 'first', dept: 'kumin' });
        await items.put({ id: 'a', name: 'second' });
        assert.deepEqual(await items.get('a'), { id: 'a', name: 'second' });
        assert.equal(await items.count(), 1);
      });

      it('of many concurrent inserts of one id exactly one wins', async () => {
        const results = await Promise.all(
          Array.from({ length: 50 }, (_, i) => items.insert({ id: 'a', n: i })),
        );
        assert.equal(results.filter(Boolean).length, 1);
        assert.equal((await items.get('a'))?.n, results.indexOf(true));
      });
    });

    describe('update', () => {
      it('creates an absent record from undefined and returns what is stored', async () => {
        let seen: Item | undefined | 'not called' = 'not called';
        const stored = await items.update('a', (current) => {
          seen = current;
          return { id: 'a', n: 1 };
        });
        assert.equal(seen, undefined);
        assert.deepEqual(stored, { id: 'a', n: 1 });
        assert.deepEqual(await items.get('a'), { id: 'a', n: 1 });
      });

      it('changes a present record from its current value', async () => {
        await seed({ id: 'a', name: 'Aoki', n: 1 });
        const stored = await items.update('a', (current) => current && { ...current, n: 2 });
        assert.deepEqual(stored, { id: 'a', name: 'Aoki', n: 2 });
        assert.deepEqual(await items.get('a'), { id: 'a', name: 'Aoki', n: 2 });
      });

      it('returning undefined leaves the record as it is and returns it', async () => {
        await seed({ id: 'a', n: 1 });
        assert.deepEqual(await items.update('a', () => undefined), { id: 'a', n: 1 });
        assert.equal(await items.update('absent', () => undefined), undefined);
        assert.equal(await items.get('absent'), undefined);
        assert.deepEqual(await items.find(), [{ id: 'a', n: 1 }]);
      });

      it('changing the id throws and stores nothing', async () => {
        await seed({ id: 'a', n: 1 });
        await assert.rejects(
          items.update('a', () => ({ id: 'b', n: 2 })),
          /id/,
        );
        await assert.rejects(
          items.update('c', () => ({ id: 'd' })),
          /id/,
        );
        assert.deepEqual(await items.find(), [{ id: 'a', n: 1 }]);
      });

      it('an error thrown by the change propagates and stores nothing', async () => {
        await seed({ id: 'a', n: 1 });
        await assert.rejects(
          items.update('a', () => {
            throw new Error('refused by the domain');
          }),
          /refused by the domain/,
        );
        assert.deepEqual(await items.get('a'), { id: 'a', n: 1 });
        // The store still works after the failed update (no lock or connection left behind).
        assert.deepEqual(await items.update('a', () => ({ id: 'a', n: 2 })), { id: 'a', n: 2 });
      });

      it('200 concurrent increments of one counter, starting absent, end at exactly 200', async () => {
        const counters = opened.store.collection<{ id: string; n: number }>('counters');
        await Promise.all(
          Array.from({ length: 200 }, () =>
            counters.update('c', (current) => ({ id: 'c', n: (current?.n ?? 0) + 1 })),
          ),
        );
        assert.deepEqual(await counters.get('c'), { id: 'c', n: 200 });
      });

      it('concurrent increments of many records lose nothing', async () => {
        const counters = opened.store.collection<{ id: string; n: number }>('counters');
        await Promise.all(
          Array.from({ length: 200 }, (_, i) =>
            counters.update(`c${i % 10}`, (current) => ({
              id: `c${i % 10}`,
              n: (current?.n ?? 0) + 1,
            })),
          ),
        );
        const all = await counters.find();
        assert.equal(all.length, 10);
        assert.ok(
          all.every((c) => c.n === 20),
          JSON.stringify(all),
        );
      });

      it('updates racing with an insert of the same new id lose nothing', async () => {
        const counters = opened.store.collection<{ id: string; n: number }>('counters');
        const increments = Array.from({ length: 50 }, () =>
          counters.update('c', (current) => ({ id: 'c', n: (current?.n ?? 0) + 1 })),
        );
        const inserted = counters.insert({ id: 'c', n: 1000 });
        await Promise.all(increments);
        // Either the insert came first and every increment applied on top of it,
        // or an increment created the record first and the insert was refused.
        assert.deepEqual(await counters.get('c'), { id: 'c', n: (await inserted) ? 1050 : 50 });
      });
    });

    describe('delete and count', () => {
      it('delete removes a record and says whether there was one', async () => {
        await seed({ id: 'a' }, { id: 'b' });
        assert.equal(await items.delete('a'), true);
        assert.equal(await items.delete('a'), false);
        assert.equal(await items.delete('never'), false);
        assert.equal(await items.get('a'), undefined);
        assert.deepEqual(ids(await items.find()), ['b']);
      });

      it('count follows inserts, replacements and deletions', async () => {
        assert.equal(await items.count(), 0);
        await seed({ id: 'a' }, { id: 'b' }, { id: 'c' });
        await items.put({ id: 'a', name: 'again' });
        await items.insert({ id: 'b' });
        assert.equal(await items.count(), 3);
        await items.delete('c');
        assert.equal(await items.count(), 2);
      });
    });

    it('collections are isolated: the same id in two collections are two records', async () => {
      const others = opened.store.collection<Item>('others');
      await items.put({ id: 'a', name: 'item' });
      await others.put({ id: 'a', name: 'other' });
      await others.put({ id: 'b', name: 'other' });
      assert.deepEqual(await items.get('a'), { id: 'a', name: 'item' });
      assert.equal(await items.count(), 1);
      assert.equal(await others.count(), 2);
      assert.deepEqual(ids(await items.find({ name: 'other' })), []);
      assert.equal(await others.delete('a'), true);
      assert.deepEqual(await items.get('a'), { id: 'a', name: 'item' });
      assert.equal(await opened.store.collection<Item>('never-used').count(), 0);
    });

    it('returned and given objects are copies: changing them changes nothing stored', async () => {
      const docs = opened.store.collection<{ id: string; tags: string[]; meta?: { k: number } }>(
        'docs',
      );
      const given = { id: 'a', tags: ['x'], meta: { k: 1 } };
      await docs.put(given);
      given.tags.push('given');
      given.meta.k = 9;
      const inserted = { id: 'b', tags: ['y'] };
      await docs.insert(inserted);
      inserted.tags.push('inserted');

      const got = await docs.get('a');
      got?.tags.push('got');
      if (got?.meta) got.meta.k = 2;
      const [found] = await docs.find({ id: 'b' });
      found?.tags.push('found');
      const unchanged = await docs.update('a', (current) => {
        current?.tags.push('seen by change, then dropped');
        return undefined;
      });
      unchanged?.tags.push('returned unchanged');
      const changed = { id: 'b', tags: ['z'] };
      const returned = await docs.update('b', () => changed);
      changed.tags.push('changed after update');
      returned?.tags.push('returned');

      assert.deepEqual(await docs.get('a'), { id: 'a', tags: ['x'], meta: { k: 1 } });
      assert.deepEqual(await docs.get('b'), { id: 'b', tags: ['z'] });
    });

    describe('what can be stored', () => {
      it('keeps Japanese, emoji and other unicode in ids, keys, values and collection names', async () => {
        const text = '区民生活部 ｶﾅ 👩🏽‍💻 🇯🇵 é (e\u0301) \u{20BB7}野家 عربى \u200d\ufeff \t\n"\\/';
        const meeting = opened.store.collection<Item>('会議 📅');
        await meeting.put({ id: 'R2本部-第2回 🏛️', name: text, meta: { '議題 🗳️': text } });
        assert.deepEqual(await meeting.get('R2本部-第2回 🏛️'), {
          id: 'R2本部-第2回 🏛️',
          name: text,
          meta: { '議題 🗳️': text },
        });
        assert.deepEqual(ids(await meeting.find({ name: text })), ['R2本部-第2回 🏛️']);
        assert.equal(await opened.store.collection<Item>('会議').count(), 0);
      });

      it('refuses lone surrogates and NUL anywhere, storing nothing; reads with them find nothing', async () => {
        await seed({ id: 'a', name: 'kept' });
        const refused: Item[] = [
          { id: 'a', name: 'lone high \ud83d' },
          { id: 'a', name: 'lone low \ude00 end' },
          { id: 'a', name: 'nul \u0000 inside' },
          { id: 'a', meta: { ['key \ud800']: 1 } },
          { id: 'a', tags: ['ok', 'bad \udfff'] },
          { id: 'a\ud800' },
          { id: 'a\u0000' },
        ];
        for (const record of refused) {
          await assert.rejects(items.put(record), UnstorableDocumentError, record.id);
          await assert.rejects(items.insert(record), UnstorableDocumentError);
          await assert.rejects(
            items.update(record.id, () => record),
            UnstorableDocumentError,
          );
        }
        assert.deepEqual(await items.find(), [{ id: 'a', name: 'kept' }]);
        assert.equal(await items.get('a\ud800'), undefined);
        assert.equal(await items.get('\ufffd'), undefined);
        assert.equal(await items.delete('a\u0000'), false);
        assert.deepEqual(await items.find({ name: 'kept\ud800' }), []);
        assert.equal(await items.update('a\ud800', () => undefined), undefined);
        assert.equal(await items.count(), 1);
      });

      it('refuses values JSON cannot carry faithfully, storing nothing', async () => {
        const refused: unknown[] = [
          Number.NaN,
          Number.POSITIVE_INFINITY,
          new Date(0),
          new Map([['a', 1]]),
          10n,
          () => 1,
          Symbol('s'),
          [1, undefined],
        ];
        for (const value of refused) {
          const record = { id: 'a', meta: { value } } as Item;
          await assert.rejects(items.put(record), UnstorableDocumentError, String(typeof value));
          await assert.rejects(
            items.update('a', () => record),
            UnstorableDocumentError,
          );
        }
        assert.equal(await items.count(), 0);
      });

      it('keeps a "__proto__" key from JSON as data, never as the prototype', async () => {
        const docs = opened.store.collection<Item>('docs');
        const parsed = JSON.parse('{"id":"p","name":"x","__proto__":{"admin":true}}') as Item;
        await docs.put(parsed);
        for (const got of [await docs.get('p'), (await docs.find({ name: 'x' }))[0]]) {
          assert.ok(got);
          assert.equal(Object.getPrototypeOf(got), Object.prototype);
          assert.equal((got as unknown as { admin?: boolean }).admin, undefined);
          assert.deepEqual(Object.getOwnPropertyDescriptor(got, '__proto__')?.value, {
            admin: true,
          });
        }
      });

      it('ids named like Object.prototype members are ordinary ids', async () => {
        const names = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];
        for (const id of names) {
          assert.equal(await items.get(id), undefined, `get ${id} before any write`);
          assert.equal(await items.update(id, () => undefined), undefined, id);
          assert.equal(await items.delete(id), false, id);
        }
        assert.equal(await items.count(), 0);
        assert.deepEqual(await items.find(), []);

        for (const id of names) assert.equal(await items.insert({ id, name: `is ${id}` }), true);
        assert.equal(await items.insert({ id: '__proto__', name: 'again' }), false);
        await items.put({ id: 'constructor', name: 'replaced' });
        const counted = await items.update('toString', (current) => ({
          id: 'toString',
          n: current?.name === 'is toString' ? 1 : 0,
        }));
        assert.deepEqual(counted, { id: 'toString', n: 1 });
        assert.deepEqual(await items.get('__proto__'), { id: '__proto__', name: 'is __proto__' });
        assert.deepEqual(await items.get('constructor'), { id: 'constructor', name: 'replaced' });
        assert.deepEqual(byId(await items.find()), [...names].sort());
        assert.deepEqual(ids(await items.find({ name: 'is valueOf' })), ['valueOf']);
        assert.equal(await items.count(), names.length);
        // Another collection never sees them.
        assert.equal(await opened.store.collection<Item>('others').get('__proto__'), undefined);
        assert.equal(await items.delete('__proto__'), true);
        assert.equal(await items.get('__proto__'), undefined);
        assert.equal(await items.count(), names.length - 1);
      });

      it('records with prototype-named ids survive close and reopen', async function () {
        await seed({ id: '__proto__', name: 'p' }, { id: 'constructor', name: 'c' });
        const again = (await reopened(this)).collection<Item>('items');
        assert.deepEqual(await again.get('__proto__'), { id: '__proto__', name: 'p' });
        assert.deepEqual(await again.get('constructor'), { id: 'constructor', name: 'c' });
        assert.equal(await again.get('toString'), undefined);
        assert.equal(await again.count(), 2);
      });

      it('treats a property set to undefined as absent', async () => {
        await items.put({ id: 'a', name: undefined, dept: 'kumin' });
        const got = await items.get('a');
        assert.equal(got?.name, undefined);
        assert.equal(got?.dept, 'kumin');
        assert.deepEqual(ids(await items.find({ name: undefined })), ['a']);
      });

      it('keeps numbers, nesting and empty values exactly', async () => {
        const record = {
          id: 'a',
          meta: {
            numbers: [0, -1, 0.1, 1e-7, 1.5e300, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER],
            nested: { deeper: { deepest: [[], {}, [{ x: null }]] } },
            empty: '',
            flags: [true, false],
          },
        };
        await items.put(record);
        assert.deepEqual(await items.get('a'), record);
      });

      it('stores and returns a 1 MB string unchanged', async () => {
        const big = '会議録🙂x'.repeat(75_000);
        assert.ok(Buffer.byteLength(big) > 1024 * 1024);
        await items.put({ id: 'big', text: big });
        assert.equal((await items.get('big'))?.text, big);
        const appended = await items.update(
          'big',
          (current) => current && { ...current, text: `${current.text}!` },
        );
        assert.equal(appended?.text, `${big}!`);
        assert.deepEqual(ids(await items.find({ text: `${big}!` })), ['big']);
      });
    });

    describe('durability', () => {
      it('data survives close and reopen', async function () {
        const counters = opened.store.collection<{ id: string; n: number }>('counters');
        await seed(
          { id: 'a', name: '青木 🌸' },
          { id: 'b' },
          { id: 'c', text: 'x'.repeat(1_000_000) },
        );
        await items.delete('b');
        await counters.update('c', () => ({ id: 'c', n: 7 }));
        const again = await reopened(this);
        assert.equal(again.ready, true);
        const reopenedItems = again.collection<Item>('items');
        assert.deepEqual(ids(await reopenedItems.find()), ['a', 'c']);
        assert.deepEqual(await reopenedItems.get('a'), { id: 'a', name: '青木 🌸' });
        assert.equal((await reopenedItems.get('c'))?.text?.length, 1_000_000);
        assert.deepEqual(await again.collection('counters').get('c'), { id: 'c', n: 7 });
      });

      it('writeTogether: the work sees its changes, and they are stored when it resolves', async function () {
        const result = await opened.store.writeTogether(async () => {
          for (let i = 0; i < 20; i++) await items.put({ id: `t${i}`, n: i });
          await items.update('t3', () => ({ id: 't3', n: 33 }));
          await items.delete('t19');
          assert.equal((await items.get('t3'))?.n, 33);
          return 'done';
        });
        assert.equal(result, 'done');
        assert.equal(await items.count(), 19);
        if (!opened.reopen) return;
        // Opened again without closing the first: what a crash right after would find.
        const again = (await opened.reopen()).collection<Item>('items');
        assert.equal(await again.count(), 19);
        assert.equal((await again.get('t3'))?.n, 33);
        assert.equal(await again.get('t19'), undefined);
      });

      it('writeTogether: a change made outside the work meanwhile is stored when its call resolves', async function () {
        if (!opened.reopen) this.skip();
        let release = (): void => undefined;
        const held = new Promise<void>((resolve) => (release = resolve));
        const together = opened.store.writeTogether(async () => {
          await items.put({ id: 'inside' });
          await held;
        });
        await items.put({ id: 'outside' });
        const again = (await opened.reopen()).collection<Item>('items');
        assert.deepEqual(await again.get('outside'), { id: 'outside' });
        release();
        await together;
      });

      it('close waits for the writes already started', async function () {
        if (!opened.reopen) this.skip();
        const writes = Array.from({ length: 50 }, (_, i) => items.put({ id: `w${i}`, n: i }));
        const counted = items.update('counter', () => ({ id: 'counter', n: 1 }));
        await opened.store.close();
        assert.equal(opened.store.ready, false);
        await Promise.all([...writes, counted]);
        const again = await opened.reopen();
        assert.equal(await again.collection('items').count(), 51);
      });
    });
  });
}
