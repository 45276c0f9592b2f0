import { strict as assert } from 'node:assert';
import { renderedInputs } from '../harness/cards.js';
import { textsOf, visibleText } from '../harness/test-bot.js';
import { cardOf, committee, createMeeting, executes, type Committee } from './helpers.js';

describe('attendance in words and on the agenda card', () => {
  let c: Committee;
  let number: number;
  let meetingId: string;
  beforeEach(async () => {
    // After the demo's meetings, so the test meeting is the next one.
    c = await committee('2026-11-25T00:00:00Z');
    const meeting = await createMeeting(c, '臨時本部会議', '2026/12/14 15:00〜16:00');
    number = meeting.number;
    meetingId = meeting.id;
  });
  afterEach(() => c.bot.stop());

  const stored = async () =>
    (await c.bot.services.meetings.get(meetingId))?.attendance.map((a) => ({
      departmentId: a.departmentId,
      attendee: a.attendee,
      ...(a.delegateId ? { delegateId: a.delegateId } : {}),
      ...(a.delegateName ? { delegateName: a.delegateName } : {}),
    }));

  it('the card offers 欠席 and a delegate picker; the delegate chosen is stored and listed by name', async () => {
    const agenda = cardOf(await c.bot.say(c.users.bunkaHead, '次の会議'), 'agenda');
    const buttons = executes(agenda);
    assert.deepEqual(
      buttons.map((b) => [b.title, b.verb]),
      [
        ['出席します', 'meeting.attend'],
        ['代理が出席します', 'meeting.delegateAsk'],
        ['欠席します', 'meeting.absent'],
      ],
    );
    const ask = buttons.find((b) => b.verb === 'meeting.delegateAsk');
    assert.ok(ask);
    const picker = cardOf(
      await c.bot.execute(c.users.bunkaHead, ask.verb, ask.data),
      'delegate picker',
    );
    assert.match(
      visibleText(picker),
      new RegExp(
        `^第${number}回「臨時本部会議」に文化商工部の代理で出席する方を選ぶか、お名前を入力してください。`,
      ),
    );
    assert.deepEqual(
      renderedInputs(picker).map((i) => i.id),
      ['delegateName'],
    );
    const pick = executes(picker).find((b) => b.title === '文化デザイン課長');
    assert.ok(pick, 'the department delegate is offered');
    const picked = visibleText(
      cardOf(await c.bot.execute(c.users.bunkaHead, pick.verb, pick.data), 'after pick'),
    );
    assert.match(picked, /文化商工部: 代理出席（文化デザイン課長） と記録しました。/);
    assert.match(picked, /出欠（1\/2 部署が回答）\n文化商工部\n代理出席（文化デザイン課長）/);

    const typed = await c.bot.execute(c.users.bunkaHead, 'meeting.delegate', {
      meetingId,
      delegateName: '  文化振興課長  ',
    });
    assert.match(visibleText(cardOf(typed, 'typed')), /代理出席（文化振興課長） と記録しました/);
    const empty = await c.bot.execute(c.users.bunkaHead, 'meeting.delegate', { meetingId });
    assert.match(JSON.stringify(empty.body), /代理で出席する方を選ぶか、名前を入力してください。/);

    const absent = visibleText(
      cardOf(await c.bot.execute(c.users.kumin, 'meeting.absent', { meetingId }), 'absent'),
    );
    assert.match(absent, /区民部: 欠席 と記録しました。/);
    assert.match(absent, /出欠（2\/2 部署が回答）/);
    assert.deepEqual(await stored(), [
      { departmentId: 'bunkashoko', attendee: 'delegate', delegateName: '文化振興課長' },
      { departmentId: 'kumin', attendee: 'absent' },
    ]);
  });

  it('出席 / 欠席 / 代理 in words, with #n or 第n回 or the next meeting, in Japanese and English', async () => {
    const notice = async (user: (typeof c.users)[keyof typeof c.users], text: string) =>
      visibleText(cardOf(await c.bot.say(user, text), text)).split('\n')[0] ?? '';

    assert.equal(await notice(c.users.kumin, '欠席します'), '区民部: 欠席 と記録しました。');
    assert.equal(
      await notice(c.users.kumin, `出席 #${number}`),
      '区民部: 出席（区民部長） と記録しました。',
    );
    assert.equal(
      await notice(c.users.bunkaHead, `第${number}回の代理は文化デザイン課長が出ます`),
      '文化商工部: 代理出席（文化デザイン課長） と記録しました。',
    );
    assert.equal(
      await notice(c.users.bunkaHead, `代理 第${number}回 山田 太郎`),
      '文化商工部: 代理出席（山田 太郎） と記録しました。',
    );
    assert.equal(
      await notice(c.users.bunkaDelegate, '出席します'),
      '文化商工部: 代理出席（文化デザイン課長） と記録しました。',
      'a delegate who attends is the delegate attending',
    );
    assert.equal(
      await notice(c.users.bunkaDelegate, '代理で出席します'),
      '文化商工部: 代理出席（文化デザイン課長） と記録しました。',
    );
    // Without a name, the picker.
    const picker = cardOf(await c.bot.say(c.users.bunkaHead, '代理'), 'picker');
    assert.ok(executes(picker).some((b) => b.title === '文化デザイン課長'));

    const kuminEn = c.bot.user('kumin-bucho@city.example.jp', 'en-US');
    await c.bot.install(kuminEn);
    assert.match(await notice(kuminEn, `absent #${number}`), /^.+: recorded as not attending\.$/);
    assert.match(
      await notice(kuminEn, `delegate #${number} Deputy Director Sato`),
      /: recorded as delegate attending \(Deputy Director Sato\)\.$/,
    );
    assert.deepEqual(await stored(), [
      {
        departmentId: 'bunkashoko',
        attendee: 'delegate',
        delegateId: 'bunkadesign-kacho@city.example.jp',
      },
      { departmentId: 'kumin', attendee: 'delegate', delegateName: 'Deputy Director Sato' },
    ]);
  });

  it('refuses others clearly and answers a wrong meeting or a department not invited', async () => {
    const reply = async (user: (typeof c.users)[keyof typeof c.users], text: string) =>
      textsOf((await c.bot.say(user, text)).sent).join('\n');
    assert.match(await reply(c.users.secretary, '欠席'), /部員または代理のみが行えます/);
    assert.match(await reply(c.users.kumin, '欠席 #99'), /会議「#99」が見つかりません。/);
    assert.equal(
      await reply(c.users.somu, '出席します'),
      '総務部はこの会議の出席部署に入っていません。事務局にご連絡ください。',
    );
    assert.deepEqual(await stored(), []);
  });
});
