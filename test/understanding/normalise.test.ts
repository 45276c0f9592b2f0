import { strict as assert } from 'node:assert';
import { foldForMatching } from '../../src/understanding/normalise.js';
import { readSlots } from '../../src/understanding/slots.js';

const context = { now: new Date('2026-11-02T00:00:00Z'), timeZone: 'Asia/Tokyo', departments: [] };

describe('understanding: normalisation and slots', () => {
  it('folds width, case, katakana, stretched vowels, mentions and polite endings', () => {
    assert.equal(foldForMatching('<at>Honbu</at> アンケート　ＯＫですか？？'), 'あんけーと ok');
    assert.equal(foldForMatching('@Honbu 次の会議いつ〜😀'), '次の会議いつ');
    assert.equal(foldForMatching('ミーティング'), foldForMatching('みーてぃんぐ'));
  });

  it('reads item, survey and meeting numbers in full width and in English', () => {
    assert.equal(readSlots('宿題１終わりました', context).itemNumber, 1);
    assert.equal(readSlots('#5 done', context).itemNumber, 5);
    assert.equal(readSlots('item 12 is finished', context).itemNumber, 12);
    assert.equal(readSlots('結果2', context).surveyNumber, 2);
    assert.equal(readSlots('第3回の場所', context).meetingNumber, 3);
    assert.equal(readSlots('the 3rd meeting', context).meetingNumber, 3);
  });

  it('reads lengths of time, the delegate and the note', () => {
    assert.equal(readSlots('3日延期して', context).days, 3);
    assert.equal(readSlots('1週間延ばして', context).days, 7);
    assert.equal(readSlots('postpone a week', context).days, 7);
    assert.equal(readSlots('代理は文化デザイン課長が出ます', context).person, '文化デザイン課長');
    assert.equal(readSlots('進捗 課長会で議論中', context).note, '課長会で議論中');
    assert.equal(readSlots('blocked: no budget yet', context).note, 'no budget yet');
  });

  it('reads a date with the shared date parser', () => {
    assert.equal(readSlots('12月10日まで延ばして', context).date, '2026-12-10');
  });
});
