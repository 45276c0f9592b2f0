import { strict as assert } from 'node:assert';
import { listOf, translator, type MessageParams } from '../src/i18n/translate.js';

describe('the translator', () => {
  it('chooses the English plural by count and leaves Japanese without one', () => {
    const en = translator('en');
    assert.equal(en('item.created', { count: 1, numbers: ['#5'] }), 'Created 1 action item (#5).');
    assert.equal(
      en('item.created', { count: 2, numbers: ['#5', '#6'] }),
      'Created 2 action items (#5, #6).',
    );
    assert.equal(
      translator('ja')('item.created', { count: 2, numbers: ['#5', '#6'] }),
      '宿題を2件登録しました（#5、#6）。',
    );
  });

  it('joins lists the way each language writes them', () => {
    assert.equal(listOf('ja', ['総務部', '区民部', '福祉部']), '総務部、区民部、福祉部');
    assert.equal(listOf('en', ['General Affairs', 'Welfare']), 'General Affairs, Welfare');
  });

  it('leaves a parameter it was not given as written, inherited names included', () => {
    assert.equal(translator('en')('item.created', { numbers: [] }).includes('{count'), true);
    const inherited: MessageParams = { constructor: 1 };
    assert.equal(translator('en')('item.created', inherited).includes('{numbers}'), true);
  });

  it('refuses, at compile time, a parameter the message does not have', () => {
    // @ts-expect-error item.created has {count} and {numbers}, not {nmbers}
    const typo = translator('en')('item.created', { count: 1, nmbers: ['#5'] });
    assert.equal(typo, 'Created 1 action item ({numbers}).');
  });
});
