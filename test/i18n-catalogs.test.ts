import { strict as assert } from 'node:assert';
import { catalogs } from '../src/i18n/catalog.js';

describe('message catalogs', () => {
  it('writes English with English punctuation: no full-width brackets, dots or quotes', () => {
    const japanesePunctuation = /[（）・「」『』、。：]/u;
    const offending = Object.entries(catalogs.en)
      .filter(([, text]) => japanesePunctuation.test(text))
      .map(([key, text]) => `${key}: ${text}`);
    assert.deepEqual(offending, []);
  });
});
