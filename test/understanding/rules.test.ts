import { strict as assert } from 'node:assert';
import { loadCorpus } from '../../src/understanding/corpus.js';
import { Understanding, type Understood } from '../../src/understanding/understand.js';

const context = { now: new Date('2026-11-02T00:00:00Z'), timeZone: 'Asia/Tokyo', departments: [] };
const model = new Understanding(loadCorpus());
const intentOf = (result: Understood) => (result.kind === 'intent' ? result.intent : result.kind);

describe('understanding: where rules are surer than the classifier', () => {
  it('a policy title word added at run time (録画) makes a policy question, unless an item is named', () => {
    const words = { titles: ['録画'], keywords: [] };
    assert.equal(
      intentOf(model.understand('会議の録画はできますか？', context, words)),
      'policy.question',
    );
    assert.notEqual(
      intentOf(model.understand('宿題3 録画の件 終わりました', context, words)),
      'policy.question',
    );
  });

  it('a progress note or a blocking reason naming a policy topic stays with the item', () => {
    for (const text of [
      '進捗 テレワークPCの台数を確認中',
      'blocked: the wifi budget is not approved',
    ])
      assert.notEqual(intentOf(model.understand(text, context)), 'policy.question', text);
  });

  it('an attendance or status change is acted on only when said in words', () => {
    assert.notEqual(intentOf(model.understand('お願いします', context)), 'meetings.attend');
    assert.equal(intentOf(model.understand('出席します', context)), 'meetings.attend');
    assert.equal(intentOf(model.understand('参加できません', context)), 'meetings.absent');
  });

  it('an item number turns "my items" into that item', () => {
    const result = model.understand('宿題６の詳細', context);
    assert.equal(intentOf(result), 'items.show');
    assert.equal(result.kind === 'intent' ? result.slots.itemNumber : undefined, 6);
  });

  it('two close readings give a question with both, and nonsense is not understood', () => {
    const close = model.understand('一覧見せて', context);
    assert.equal(close.kind, 'ask');
    assert.deepEqual(close.kind === 'ask' ? [...close.candidates].sort() : [], [
      'items.list',
      'meetings.list',
    ]);
    assert.equal(model.understand('ぽぽぽぽぽ', context).kind, 'unknown');
  });
});
