import assert from 'node:assert/strict';
import fc from 'fast-check';
import { jsonBytes } from '../src/store/json-bytes.js';

/** What the store file held when it was written with JSON.stringify. */
const stringified = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf-8');

describe('store file: JSON written record by record', () => {
  it('is byte for byte what JSON.stringify writes, at every depth', () => {
    const collections = fc.dictionary(
      fc.string({ maxLength: 12 }),
      fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 6 }),
      { maxKeys: 4 },
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3 }), collections, (schemaVersion, data) => {
        const file = { schemaVersion, collections: data };
        for (const depth of [0, 1, 2, 3, 4])
          assert.deepEqual(jsonBytes(file, depth), stringified(file), `depth ${depth}`);
      }),
    );
  });

  it('writes Japanese text, emoji, escapes and own "__proto__" keys as JSON.stringify does', () => {
    const records = JSON.parse('{"__proto__":{"id":"__proto__"},"toString":{"id":"toString"}}');
    const file = {
      schemaVersion: 1,
      collections: {
        people: {
          a: { id: 'a', name: { ja: '情報政策課長', en: 'Head 👩‍💼' }, note: '"\\\n\t\u0001' },
        },
        odd: records,
        empty: {},
      },
    };
    assert.deepEqual(jsonBytes(file, 3), stringified(file));
  });

  it('leaves out what JSON.stringify leaves out of an object', () => {
    const file = {
      schemaVersion: 1,
      gone: undefined,
      collections: { c: { a: { id: 'a', gone: undefined }, b: undefined } },
    };
    assert.deepEqual(jsonBytes(file, 3), stringified(file));
  });

  it('grows past the expected size when the data did', () => {
    const people = Object.fromEntries(
      Array.from({ length: 50_000 }, (_, i) => [`p${i}`, { id: `p${i}`, name: `部署${i}の長` }]),
    );
    const file = { schemaVersion: 1, collections: { people } };
    const bytes = jsonBytes(file, 3, 10);
    assert.ok(bytes.length > 1024 * 1024, 'more than the slack of an empty guess');
    assert.deepEqual(bytes, stringified(file));
    assert.deepEqual(JSON.parse(bytes.toString('utf-8')), file);
  });
});
