import { strict as assert } from 'node:assert';
import { visibleText } from '../harness/test-bot.js';
import { cardOf, committee, executes, type Committee } from './helpers.js';

describe('meeting dates said back, and a day just passed asked about', () => {
  let c: Committee;
  beforeEach(async () => {
    // Sunday 2026-12-06, 10:00 in Tokyo.
    c = await committee('2026-12-06T01:00:00Z');
  });
  afterEach(() => c.bot.stop());

  const say = async (text: string, user = c.users.secretary) =>
    cardOf(await c.bot.say(user, text), text);

  it('asks which year for 12月1日 on 12月6日, stores nothing before, and saves the one chosen', async () => {
    const before = (await c.bot.services.meetings.upcoming()).length;
    const asked = await say('会議作成 臨時会議 | 12月1日 15時〜16時 | 庁議室');
    assert.equal(
      visibleText(asked).split('\n')[0],
      '「12月1日 15時〜16時」は令和8年12月1日（火）15:00–16:00（すでに過ぎた日）ですか、令和9年12月1日（水）15:00–16:00ですか？選ぶと保存します。',
    );
    const [thisYear, nextYear] = executes(asked);
    assert.equal(thisYear?.title, '令和8年12月1日（火）15:00–16:00（過ぎた日）');
    assert.equal(nextYear?.title, '令和9年12月1日（水）15:00–16:00');
    assert.equal((await c.bot.services.meetings.upcoming()).length, before);
    assert.ok(nextYear);
    const saved = visibleText(
      cardOf(await c.bot.execute(c.users.secretary, nextYear.verb, nextYear.data), 'saved'),
    );
    assert.match(
      saved,
      /^会議 #(\d+)「臨時会議」（令和9年12月1日（水）15:00–16:00）を登録しました。/,
    );
    const created = (await c.bot.services.meetings.upcoming()).find((m) => m.title === '臨時会議');
    assert.equal(created?.startsAt, '2027-12-01T06:00:00.000Z');
    assert.equal(created?.place, '庁議室');
  });

  it('carries 午後 across a range when a meeting is moved, and reads next week in English', async () => {
    const created = visibleText(await say('会議作成 臨時会議 | 12月14日 15時〜16時 | 庁議室'));
    const number = /^会議 #(\d+)/.exec(created)?.[1];
    assert.ok(number, created);
    assert.match(
      visibleText(await say(`会議変更 #${number} 令和9年1月26日 午後2時〜3時半`)),
      new RegExp(`^会議 #${number} を 令和9年1月26日（火）14:00–15:30 に変更しました。`),
    );
    const moved = await c.bot.services.meetings.find(`#${number}`);
    assert.equal(moved?.startsAt, '2027-01-26T05:00:00.000Z');
    assert.equal(moved?.endsAt, '2027-01-26T06:30:00.000Z');

    const secretaryEn = c.bot.user('joho-system@city.example.jp', 'en-US');
    await c.bot.install(secretaryEn);
    assert.match(
      visibleText(await say('new meeting Extra | next Tuesday 3pm | Room 5', secretaryEn)),
      /^Created meeting #\d+ "Extra" \(2026-12-08 \(Tue\) 15:00–16:00\) with \d+ reminders scheduled\./,
    );
  });
});
