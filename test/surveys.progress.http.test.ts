import { strict as assert } from 'node:assert';
import { ManualClock } from './harness/manual-clock.js';
import { TestBot, textsOf } from './harness/test-bot.js';
import type { TestUser } from './harness/teams.js';

/** Monday 30 November 2026, 09:00 in Tokyo; the demo survey's deadline is 14 December 17:00. */
const START = '2026-11-30T00:00:00Z';

describe('survey progress and who has not answered, in words', () => {
  let bot: TestBot;
  let secretary: TestUser;
  beforeEach(async () => {
    bot = await TestBot.start({ clock: new ManualClock(START) });
    secretary = bot.user('johokanri-kacho@city.example.jp');
  });
  afterEach(() => bot.stop());

  const reply = async (user: TestUser, text: string) => {
    const result = await bot.say(user, text);
    const texts = textsOf(result.sent);
    assert.equal(texts.length, 1, `${text}: ${JSON.stringify(texts)}`);
    return texts[0] ?? '';
  };

  it('counts answered departments for the open survey and lists the missing ones to staff only', async () => {
    const kumin = bot.user('kumin-bucho@city.example.jp');
    const kuminEn = bot.user('kumin-bucho@city.example.jp', 'en-US');
    assert.equal(await reply(kumin, '回答状況'), '送信済みのアンケートはありません。');

    await bot.say(secretary, 'アンケート送信 1');
    const survey = await bot.services.surveys.find('1');
    assert.ok(survey);
    const answer = await bot.execute(kumin, 'survey.submit', {
      surveyId: survey.id,
      departmentId: 'kumin',
      basedOn: 0,
      rank1: 'web-meetings',
      rank2: 'telework',
      rank3: 'rpa',
    });
    assert.equal(answer.status, 200);
    await bot.services.surveys.settled();
    assert.equal((await bot.services.surveys.repository.answersOf(survey.id)).length, 1);

    const title = survey.title.ja;
    assert.equal(
      await reply(kumin, 'アンケートの進捗'),
      `「${title}」の回答状況: 1 / 10 部署（回答期限: 令和8年12月14日（月）17:00）`,
    );
    assert.match(
      await reply(kuminEn, 'survey progress'),
      /^".+": 1 of 10 departments have answered \(deadline: 2026-12-14 \(Mon\) 17:00\)\.$/,
    );
    const missing = await reply(secretary, '未回答');
    assert.match(missing, new RegExp(`^「${title}」に未回答の部署（9 / 10）: `));
    assert.doesNotMatch(missing, /区民部/);
    assert.match(missing, /総務部/);
    assert.match(
      await reply(bot.user('joho-system@city.example.jp', 'en-US'), 'survey missing 1'),
      /^Not yet answered ".+" \(9 of 10\): /,
    );
    assert.match(await reply(kumin, '未回答'), /本部長または事務局のみ/);
    assert.match(await reply(secretary, '回答状況 9'), /アンケート「9」は見つかりません/);
  });
});
