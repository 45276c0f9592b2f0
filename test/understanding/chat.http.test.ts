import { strict as assert } from 'node:assert';
import { cardsOf, textsOf, visibleText, type PostResult } from '../harness/test-bot.js';
import { itemsCommittee, type ItemsCommittee } from '../items/helpers.js';

/** Everything the bot answered, cards as their visible text. */
function answer(result: PostResult): string {
  return [...textsOf(result.sent), ...cardsOf(result.sent).map((c) => visibleText(c))].join('\n');
}

describe('free text over HTTP: department heads write as they speak', () => {
  let c: ItemsCommittee;
  before(async () => {
    c = await itemsCommittee();
  });
  after(() => c.bot.stop());

  it('「次の会議いつ？」 and "when is the next meeting?" get the next meeting card', async () => {
    for (const [user, text] of [
      [c.users.kumin, '次の会議いつ？'],
      [c.users.kumin, '会議いつ'],
      [c.users.kuminEn, 'when is the next meeting?'],
    ] as const) {
      const got = answer(await c.bot.say(user, text));
      assert.match(got, /第3回/, text);
      assert.doesNotMatch(got, /ポリシー|policy data|区長部局/i, text);
    }
  });

  it('「宿題ある？」 shows my items', async () => {
    assert.match(answer(await c.bot.say(c.users.kumin, '宿題ある？')), /^自分の宿題（3件）/);
    assert.match(
      answer(await c.bot.say(c.users.kuminEn, 'do I have any items?')),
      /^My action items \(3\)/,
    );
  });

  it('「こんにちは」 and "hi" are greeted, 「ありがとう」 and "thanks" answered', async () => {
    assert.match(answer(await c.bot.say(c.users.kumin, 'こんにちは')), /こんにちは/);
    assert.match(answer(await c.bot.say(c.users.kuminEn, 'hi')), /^Hello/);
    assert.match(answer(await c.bot.say(c.users.kumin, 'ありがとう')), /どういたしまして/);
    assert.match(answer(await c.bot.say(c.users.kuminEn, 'thanks')), /welcome/);
  });

  it('an empty message gets a short help hint', async () => {
    assert.match(answer(await c.bot.say(c.users.kumin, '   ')), /ヘルプ/);
  });

  it('「結果１」 (no space) gives the secretariat the results', async () => {
    const got = answer(await c.bot.say(c.users.secretary, '結果１'));
    assert.doesNotMatch(got, /ツール|policy|ポリシー/);
  });

  it('「場所は？」 after the agenda card of 会議 #1 answers for that meeting', async () => {
    await c.bot.say(c.users.kumin, '会議 #1');
    const got = answer(await c.bot.say(c.users.kumin, '場所は？'));
    assert.match(got, /場所/);
  });

  it('「宿題５終わりました」 marks item 5 done', async () => {
    const got = answer(await c.bot.say(c.users.kumin, '宿題５終わりました'));
    assert.match(got, /#5/);
    assert.equal((await c.item(5)).status, 'done');
  });

  it('a non-policy question never gets a policy answer', async () => {
    for (const text of [
      '期限切れの宿題は？',
      'アンケートの進捗は？',
      '議題は？',
      '次回の会議はいつですか',
    ]) {
      const got = answer(await c.bot.say(c.users.kumin, text));
      assert.doesNotMatch(got, /ポリシーデータ|承認済み|事務局に質問/, text);
    }
  });
});
