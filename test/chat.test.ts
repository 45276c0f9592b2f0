import { strict as assert } from 'node:assert';
import sinon from 'sinon';
import { ChatSession } from '../scripts/chat/chat-session.js';
import { teamsUser } from '../scripts/teams/activities.js';
import { Router } from '../src/app/router.js';
import type { Card } from '../src/cards/card.js';
import { TestBot } from './harness/test-bot.js';

/** A chat session against the real bot, collecting what the user would read. */
async function chat(
  bot: TestBot,
  upn: string,
  options: { language?: 'ja' | 'en'; channel?: boolean } = {},
) {
  const output: string[] = [];
  const session = await ChatSession.start({
    botUrl: bot.url,
    upn,
    ...options,
    onOutput: (text) => output.push(text),
  });
  return { session, output, read: () => output.splice(0).join('\n') };
}

const reviewCard: Card = {
  type: 'AdaptiveCard',
  version: '1.5',
  body: [
    { type: 'TextBlock', text: 'アンケート回答のお願い' },
    {
      type: 'Input.ChoiceSet',
      id: 'rank1',
      label: '1位',
      choices: [
        { title: 'Web会議', value: 'webmeeting' },
        { title: 'テレワーク', value: 'telework' },
      ],
    },
    { type: 'Input.Text', id: 'comment', label: 'コメント' },
  ],
  actions: [
    { type: 'Action.Execute', title: '回答する', verb: 'demo.answer', data: { surveyId: 's1' } },
    { type: 'Action.Submit', title: '後で', data: { verb: 'demo.later' } },
    { type: 'Action.OpenUrl', title: '資料1-7', url: 'https://example.jp/1-7' },
  ],
};

describe('npm run chat: a terminal Teams client playing the connector', () => {
  let bot: TestBot;
  let session: ChatSession | undefined;

  beforeEach(async () => {
    bot = await TestBot.start();
  });
  afterEach(async () => {
    sinon.restore();
    await session?.stop();
    session = undefined;
    await bot.stop();
  });

  it('shows the help card as text when kumin-bucho sends ヘルプ', async () => {
    const c = await chat(bot, 'kumin-bucho@city.example.jp');
    session = c.session;
    assert.match(c.read(), /Honbu（行政情報化推進本部アシスタント）です/, 'welcomed on install');
    await session.send('ヘルプ');
    assert.equal(
      c.read(),
      [
        'Honbu:',
        '  Honbu でできること',
        '  区民部長 さん（部員 · 区民部）',
        '  ヘルプ',
        '  使い方を表示します',
        '  自分',
        '  あなたの登録情報（役割・部署）を表示します',
        '  ルール',
        '  ルールについて質問します：ルール 質問文（質問をそのまま送っても答えます。例: 区長部局で使えるWeb会議ツールは？）',
        '  次の会議',
        '  次の会議の議事次第を表示します',
        '  会議一覧',
        '  今後の会議と最近の会議の一覧を表示します',
        '  会議',
        '  会議の議事次第を表示します：会議 #番号',
        '  出席',
        '  次の会議（または #番号）に出席すると回答します：出席 #3',
        '  欠席',
        '  次の会議（または #番号）を欠席すると回答します：欠席 #3',
        '  代理',
        '  代理で出席する方を回答します：代理 #3 文化デザイン課長',
        '  アンケート',
        '  アンケートを表示します（部署の方は回答、事務局は作成・送信・結果）',
        '  回答状況',
        '  アンケートの回答状況（回答した部署の数）を表示します：回答状況 番号',
        '  自分の宿題',
        '  自分の部の未完了の宿題を、期限の近い順に表示します',
        '  宿題',
        '  宿題の詳細と履歴を表示します：宿題 #番号',
        '  コマンドをそのまま送ってください。チャネルでは @Honbu を付けてください。',
      ].join('\n'),
    );
  });

  it('talks English in a channel, and switches user (the bot looks each one up)', async () => {
    const c = await chat(bot, 'visitor@example.com', { language: 'en', channel: true });
    session = c.session;
    c.read();
    await session.send('help');
    const help = c.read();
    assert.match(help, /^Honbu:\n {2}What Honbu can do for you/);
    assert.match(help, /Guest/);
    await session.switchUser('johokanri-kacho@city.example.jp');
    c.read();
    await session.send('whoami');
    assert.match(c.read(), /johokanri-kacho@city\.example\.jp.*Secretariat/);
  });

  it('shows a proactive card as it arrives; /set and an action send the inputs, the answer replaces the card', async () => {
    const calls: Array<{ verb: string; data: Record<string, unknown> }> = [];
    sinon.stub(Router.prototype, 'dispatchAction').callsFake(async (_turn, verb, data) => {
      calls.push({ verb, data });
      if (verb === 'demo.answer')
        return {
          card: {
            type: 'AdaptiveCard',
            version: '1.5',
            body: [{ type: 'TextBlock', text: '回答済み' }],
            actions: [{ type: 'Action.Execute', title: '修正', verb: 'demo.edit' }],
          },
        };
      return { message: '後でお知らせします。' };
    });
    const c = await chat(bot, 'kumin-bucho@city.example.jp');
    session = c.session;
    c.read();

    const sent = await bot.services.sender.send(
      { userAadObjectId: teamsUser('kumin-bucho@city.example.jp').aadObjectId },
      { card: reviewCard, summary: 'アンケート' },
    );
    assert.equal(sent.ok, true);
    assert.equal(
      c.read(),
      [
        'Honbu:',
        '  アンケート回答のお願い',
        '  1位 [rank1]: (empty)',
        '    choices: webmeeting=Web会議 | telework=テレワーク',
        '  コメント [comment]: (empty)',
        '  [1] 回答する  [2] 後で  [3] 資料1-7 ↗',
      ].join('\n'),
    );

    session.set('rank1', 'zoom');
    assert.match(c.read(), /"zoom" is not a choice of \[rank1\]/);
    session.set('rank1', 'telework');
    session.set('comment', '在宅の端末が足りない');
    assert.equal(
      c.read(),
      '(1位 [rank1]: telework (テレワーク))\n(コメント [comment]: 在宅の端末が足りない)',
    );

    await session.trigger(3);
    assert.equal(c.read(), '(資料1-7: https://example.jp/1-7)');

    await session.trigger(1);
    assert.deepEqual(calls.shift(), {
      verb: 'demo.answer',
      data: { surveyId: 's1', rank1: 'telework', comment: '在宅の端末が足りない' },
    });
    assert.equal(c.read(), 'Honbu: (card updated)\n  回答済み\n  [4] 修正');

    await session.trigger(2);
    assert.match(c.read(), /No action \[2\] on screen/, 'the replaced card has no buttons left');
  });

  it('sends Action.Submit data as a message and shows the reply', async () => {
    sinon.stub(Router.prototype, 'dispatchAction').resolves({ message: '後でお知らせします。' });
    const c = await chat(bot, 'kumin-bucho@city.example.jp');
    session = c.session;
    await bot.services.sender.send(
      { userAadObjectId: teamsUser('kumin-bucho@city.example.jp').aadObjectId },
      { card: reviewCard },
    );
    c.read();
    await session.trigger(2);
    assert.equal(c.read(), 'Honbu:\n  後でお知らせします。');
  });

  it('says so when the bot is not running', async () => {
    const url = bot.url;
    await bot.honbu.stop();
    const c = await chat(bot, 'kumin-bucho@city.example.jp');
    session = c.session;
    assert.match(c.read(), new RegExp(`Cannot reach the bot at ${url}/api/messages`));
    await bot.restart();
  });
});
