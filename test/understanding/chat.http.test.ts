import { strict as assert } from 'node:assert';
import { cardsOf, textsOf, visibleText, type PostResult } from '../harness/test-bot.js';
import { buttonsOf, itemsCommittee, type ItemsCommittee } from '../items/helpers.js';

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
    assert.match(got, /^アンケート結果: デジタルガバメント検討事項アンケート/);
  });

  it('「場所は？」 after the agenda card of 会議 #1 answers for that meeting', async () => {
    await c.bot.say(c.users.kumin, '会議 #1');
    const got = answer(await c.bot.say(c.users.kumin, '場所は？'));
    assert.match(got, /^令和2年度 第2回 .*の場所: 庁議室（本庁舎5階）$/);
    assert.match(answer(await c.bot.say(c.users.kumin, '議題は？')), /新たな体制/);
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

  it('「出席します」 answers with the attendance card of the next meeting', async () => {
    const got = answer(await c.bot.say(c.users.somu, '出席します'));
    assert.match(got, /第3回/);
    // Just after looking at the past 第2回 (#1), attendance is still about the next meeting.
    await c.bot.say(c.users.kuminEn, 'meeting #1');
    assert.match(answer(await c.bot.say(c.users.kuminEn, "I'll attend")), /#2/);
  });

  it('an ambiguous text is answered with a question and a button per candidate, and a button runs it', async () => {
    const result = await c.bot.say(c.users.secretary, '一覧見せて');
    const [card] = cardsOf(result.sent);
    assert.ok(card, 'a card came back');
    assert.match(visibleText(card), /どれのことですか/);
    assert.deepEqual(buttonsOf(card).sort(), ['会議一覧', '宿題一覧'].sort());
    const chosen = await c.bot.submit(c.users.secretary, {
      verb: 'intent.choose',
      intent: 'items.list',
      text: '一覧見せて',
    });
    assert.match(answer(chosen), /宿題/);
    assert.doesNotMatch(answer(chosen), /どれのことですか/);
  });

  it('nonsense gets "not understood" with suggestions, in the asker\'s language', async () => {
    const ja = answer(await c.bot.say(c.users.kumin, 'ぽぽぽぽぽ'));
    assert.match(ja, /分かりませんでした/);
    const en = await c.bot.say(c.users.kuminEn, 'qwzx vbnm');
    assert.match(answer(en), /did not understand/);
    assert.ok(buttonsOf(cardsOf(en.sent)[0]).includes('Next meeting'));
  });

  it('「それ完了」 after 宿題 #8 is shown completes #8, and only for the one who saw it', async () => {
    await c.bot.say(c.users.kumin, '宿題 #8');
    // Another head of the same department saying it does not reach #8 through that context.
    assert.notEqual((await c.item(8)).status, 'done');
    await c.bot.say(c.users.kumin, 'それ完了');
    assert.equal((await c.item(8)).status, 'done');
  });

  it('the follow-up context expires after a few minutes', async () => {
    await c.bot.say(c.users.somu, '会議 #1');
    c.clock.advance(6 * 60_000);
    const got = answer(await c.bot.say(c.users.somu, '場所は？'));
    assert.match(got, /第3回/);
  });

  it('a policy question still gets the policy answer, in both languages', async () => {
    const ja = answer(await c.bot.say(c.users.kumin, 'Web会議は何を使えばいい？'));
    assert.match(ja, /B|C/);
    const en = answer(await c.bot.say(c.users.kuminEn, 'which web conference tool can we use?'));
    assert.match(en, /B|C/);
  });

  it('English free text covers items and surveys as Japanese does', async () => {
    assert.match(
      answer(await c.bot.say(c.users.kuminEn, 'what do I need to do?')),
      /^My action items/,
    );
    const results = answer(await c.bot.say(c.users.secretaryEn, 'survey results 1'));
    assert.match(results, /^Survey results: Digital government review topics survey/);
  });

  it('a command word followed by a few kana (会議 いつ？, 宿題 ある？) is read as a question', async () => {
    assert.match(answer(await c.bot.say(c.users.kumin, '会議 いつ？')), /第3回/);
    assert.match(answer(await c.bot.say(c.users.somu, '宿題 ある？')), /^自分の宿題/);
  });

  it('the examples of issue 13 get the answer a person expects, in Japanese and English', async () => {
    const cases: ReadonlyArray<[keyof ItemsCommittee['users'], string, RegExp]> = [
      ['kumin', '場所どこ？', /^令和8年度 第3回 .*の場所: 庁議室（本庁舎5階）$/],
      ['kumin', '議題は？', /^令和8年度 第3回 .*の議題:\n- \(1\) 教育委員会とのICT環境/],
      ['kumin', '資料は？', /^令和8年度 第3回 .*の資料:/],
      ['somu', '欠席します', /^総務部: 欠席 と記録しました。\n令和8年度 第3回/],
      [
        'bunkaDelegate',
        '代理は文化デザイン課長が出ます',
        /^文化商工部: 代理出席（文化デザイン課長） と記録しました。/,
      ],
      ['somu', '終わりました', /^どの宿題についての返信ですか？/],
      ['somu', '進捗 課長会で議論中', /^どの宿題についての返信ですか？/],
      ['somu', '来週まで延ばして', /^どの宿題についての返信ですか？/],
      ['secretary', '期限切れの宿題は？', /^宿題一覧\n未完了 · 期限切れのみ/],
      ['secretary', 'アンケートの進捗は？', /^送信済みのアンケートはありません。$/],
      ['secretary', 'まだ回答してない部は？', /^送信済みのアンケートはありません。$/],
      ['secretary', '送信失敗ある？', /^送信できなかったお知らせ/],
      ['kuminEn', 'where is the meeting?', /is held at: 庁議室/],
      ['kuminEn', "what's on the agenda?", /^Agenda of 令和8年度 第3回/],
      ['secretaryEn', 'overdue items', /^Action items\nOpen · Overdue only/],
      ['secretaryEn', 'survey progress', /^No survey has been sent yet\.$/],
      ['kuminEn', "I can't attend", /^Citizens Affairs: recorded as not attending\./],
    ];
    for (const [who, text, expected] of cases)
      assert.match(answer(await c.bot.say(c.users[who], text)), expected, text);
  });

  it('the outbox in words: 「これから送られる通知は？」 for the secretariat, not for a department', async () => {
    assert.match(
      answer(await c.bot.say(c.users.secretary, 'これから送られる通知を見せて')),
      /^送信予定（今後14日間）/,
    );
    assert.match(
      answer(await c.bot.say(c.users.secretaryEn, 'what reminders go out this week?')),
      /^Scheduled \(next 14 days\)/,
    );
    assert.doesNotMatch(
      answer(await c.bot.say(c.users.kumin, 'これから送られる通知を見せて')),
      /送信予定（今後14日間）/,
    );
  });

  it('romaji and a greeting before the request are read as Japanese requests', async () => {
    assert.match(answer(await c.bot.say(c.users.kumin, 'jikai no kaigi wa itsu?')), /第3回/);
    const got = answer(
      await c.bot.say(c.users.kumin, 'お疲れ様です。区民部長です。自分の宿題を教えてください'),
    );
    assert.match(got, /^自分の宿題（\d+件）/);
  });
});
