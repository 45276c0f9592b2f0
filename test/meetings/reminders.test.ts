import { strict as assert } from 'node:assert';
import { WorkCalendar } from '../../src/scheduling/calendar.js';
import { dueAtFor } from '../../src/meetings/reminders.js';
import { reminderGroup } from '../../src/meetings/reminders.js';
import { textsOf } from '../harness/test-bot.js';
import {
  committee,
  COMMITTEE_CHANNEL,
  createMeeting,
  jst,
  personal,
  type Committee,
} from './helpers.js';

/** Who gets every notice of a test meeting: the channel, 区民部長, 文化商工部長 and their delegate. */
function everyone(c: Committee): string[] {
  const { kumin, bunkaHead, bunkaDelegate } = c.users;
  return [COMMITTEE_CHANNEL, personal(kumin), personal(bunkaHead), personal(bunkaDelegate)].sort();
}

/** The posts about a meeting as "time | first line" → sorted recipients, for exact comparison. */
function byMoment(c: Committee, title: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const post of c.about(title)) (out[`${post.at} | ${post.line}`] ??= []).push(post.to);
  for (const key of Object.keys(out)) out[key]?.sort();
  return out;
}

describe('meeting reminders, driven through two weeks of a fake clock', () => {
  let c: Committee;
  beforeEach(async () => {
    c = await committee(); // Monday 2026-11-02 09:00 in Tokyo
  });
  afterEach(() => c.bot.stop());

  it('sends each reminder exactly once, at its local time, to the channel and each department head and delegate', async () => {
    await createMeeting(c, 'テスト会議A', '2026/11/30 15:00〜16:00');
    await c.run(jst('2026-12-01T00:00'));
    const all = everyone(c);
    assert.deepEqual(byMoment(c, 'テスト会議A'), {
      // 7 days before is 11/23, a public holiday (勤労感謝の日): the Friday before.
      [`${jst('2026-11-20T09:00')} | 【資料提出のお願い】テスト会議A（令和8年11月30日（月）15:00–16:00）まであと10日です。資料の準備と事務局への提出をお願いします。`]:
        all,
      // One business day before a Monday is the Friday.
      [`${jst('2026-11-27T09:00')} | 【開催のお知らせ】テスト会議A は 令和8年11月30日（月）15:00–16:00、庁議室（本庁舎5階）で開催されます。`]:
        all,
      [`${jst('2026-11-30T14:00')} | 【まもなく開始】テスト会議A は 15:00 から庁議室（本庁舎5階）で始まります。`]:
        all,
    });
    const somu = c.about('テスト会議A').filter((p) => p.to === personal(c.users.somu));
    assert.deepEqual(somu, [], '総務部 is not invited, so its head hears nothing');
  });

  it('moves "days before" reminders off weekends and public holidays to the business day before', () => {
    const calendar = new WorkCalendar('Asia/Tokyo', null);
    const sevenDays = { kind: 'daysBefore', amount: 7, at: '09:00', purpose: 'materials' } as const;
    const tenDays = { ...sevenDays, amount: 10 };
    const oneBusinessDay = {
      kind: 'businessDaysBefore',
      amount: 1,
      at: '09:00',
      purpose: 'upcoming',
    } as const;
    const due = (rule: Parameters<typeof dueAtFor>[0], start: string) =>
      dueAtFor(rule, new Date(jst(start)), calendar).toISOString();
    assert.equal(due(sevenDays, '2026-11-30T15:00'), jst('2026-11-20T09:00')); // 11/23 holiday
    assert.equal(due(tenDays, '2026-12-08T15:00'), jst('2026-11-27T09:00')); // 11/28 Saturday
    assert.equal(due(sevenDays, '2026-12-14T15:00'), jst('2026-12-07T09:00')); // a Monday: stays
    assert.equal(due(oneBusinessDay, '2026-11-24T15:00'), jst('2026-11-20T09:00')); // over the holiday
    assert.equal(due(oneBusinessDay, '2027-01-04T15:00'), jst('2026-12-31T09:00')); // over 元日
  });

  it('holds 1:1 reminders during quiet hours and sends them at 08:00, saying they are late; the channel gets them on time', async () => {
    await createMeeting(c, 'テスト会議Q', '2026/12/3 8:30〜9:30');
    await c.run(jst('2026-12-04T00:00'));
    const soon = c.about('テスト会議Q').filter((p) => p.line.startsWith('【まもなく開始】'));
    assert.deepEqual(
      soon.map((p) => `${p.at} ${p.to}`).sort(),
      [
        `${jst('2026-12-03T07:30')} ${COMMITTEE_CHANNEL}`,
        `${jst('2026-12-03T08:00')} ${personal(c.users.kumin)}`,
        `${jst('2026-12-03T08:00')} ${personal(c.users.bunkaHead)}`,
        `${jst('2026-12-03T08:00')} ${personal(c.users.bunkaDelegate)}`,
      ].sort(),
    );
    const late = c.posts.filter(
      (p) => p.text.includes('テスト会議Q') && p.text.includes('遅れて送られています'),
    );
    assert.equal(late.length, 3, 'each held 1:1 says it is late');
    assert.ok(late.every((p) => p.text.includes('令和8年12月3日（木）07:30')));
  });

  it('rescheduling moves the pending reminders, keeps what was sent, and posts a change notice', async () => {
    const meeting = await createMeeting(c, 'テスト会議R', '2026/11/30 15:00〜16:00');
    await c.run(jst('2026-11-21T09:00'));
    const reply = await c.bot.say(
      c.users.secretary,
      `会議変更 #${meeting.number} 12月7日 15時〜16時`,
    );
    assert.match(
      JSON.stringify(reply.sent),
      /令和8年12月7日（月）15:00–16:00 に変更しました/,
      'the secretariat is told',
    );
    await c.tick();
    await c.run(jst('2026-12-08T00:00'));
    const all = everyone(c);
    assert.deepEqual(byMoment(c, 'テスト会議R'), {
      [`${jst('2026-11-20T09:00')} | 【資料提出のお願い】テスト会議R（令和8年11月30日（月）15:00–16:00）まであと10日です。資料の準備と事務局への提出をお願いします。`]:
        all,
      [`${jst('2026-11-21T09:00')} | 【日時変更】テスト会議R の日時が変わりました: 令和8年11月30日（月）15:00–16:00 → 令和8年12月7日（月）15:00–16:00`]:
        all,
      [`${jst('2026-11-30T09:00')} | 【資料提出のお願い】テスト会議R（令和8年12月7日（月）15:00–16:00）まであと7日です。資料の準備と事務局への提出をお願いします。`]:
        all,
      [`${jst('2026-12-04T09:00')} | 【開催のお知らせ】テスト会議R は 令和8年12月7日（月）15:00–16:00、庁議室（本庁舎5階）で開催されます。`]:
        all,
      [`${jst('2026-12-07T14:00')} | 【まもなく開始】テスト会議R は 15:00 から庁議室（本庁舎5階）で始まります。`]:
        all,
    });
    const jobs = await c.bot.services.scheduler.jobsInGroup(reminderGroup(meeting.id));
    assert.deepEqual(jobs.map((j) => j.status).sort(), [
      'cancelled',
      'cancelled',
      'done',
      'done',
      'done',
      'done',
    ]);
    const stored = await c.bot.services.meetings.get(meeting.id);
    const moved = stored?.history.find((e) => e.type === 'rescheduled');
    assert.deepEqual(moved?.type === 'rescheduled' && moved.to, {
      startsAt: jst('2026-12-07T15:00'),
      endsAt: jst('2026-12-07T16:00'),
    });
    assert.equal(moved?.by, 'johokanri-kacho@city.example.jp');
  });

  it('after two quick edits, tells each person once, with the time the card shows', async () => {
    const meeting = await createMeeting(c, 'テスト会議E', '2026/11/30 15:00〜16:00');
    await c.run(jst('2026-11-21T09:00'));
    await c.bot.say(c.users.secretary, `会議変更 #${meeting.number} 12月7日 14時〜15時30分`);
    await c.bot.say(c.users.secretary, `会議変更 #${meeting.number} 12月7日 14時〜15時`);
    await c.tick();
    const notices = c.posts.filter(
      (p) => p.text.includes('テスト会議E') && p.text.startsWith('【日時変更】'),
    );
    assert.deepEqual(notices.map((p) => p.conversationId).sort(), everyone(c));
    for (const notice of notices) {
      assert.match(
        notice.text.split('\n')[0] ?? '',
        /令和8年11月30日（月）15:00–16:00 → 令和8年12月7日（月）14:00–15:00$/,
      );
      assert.match(notice.text, /14:00–15:00/);
      assert.doesNotMatch(notice.text, /15:30/, 'nothing from the edit in between');
    }
  });

  it('cancelling withdraws every pending reminder and tells everyone, once', async () => {
    const meeting = await createMeeting(c, 'テスト会議C', '2026/11/30 15:00〜16:00');
    await c.run(jst('2026-11-10T10:00'));
    const ask = await c.bot.execute(c.users.secretary, 'meeting.cancelAsk', {
      meetingId: meeting.id,
    });
    assert.match(
      JSON.stringify(ask.body),
      /テスト会議C（令和8年11月30日（月）15:00–16:00）を中止しますか/,
    );
    const done = await c.bot.execute(c.users.secretary, 'meeting.cancel', {
      meetingId: meeting.id,
      reason: '台風接近のため',
    });
    assert.match(JSON.stringify(done.body), /予定していたリマインダー3件を取り消し/);
    await c.tick();
    await c.run(jst('2026-12-02T00:00'));
    assert.deepEqual(byMoment(c, 'テスト会議C'), {
      [`${jst('2026-11-10T10:00')} | 【中止】テスト会議C（令和8年11月30日（月）15:00–16:00）は中止になりました。理由: 台風接近のため`]:
        everyone(c),
    });
    const again = await c.bot.say(c.users.secretary, `会議変更 #${meeting.number} 12月7日 15時`);
    assert.deepEqual(textsOf(again.sent), ['この会議は中止されているため、変更できません。']);
  });

  it('after restarts sends nothing twice, catches up late with a note, and drops the 1-hour reminder once the meeting began', async () => {
    const meeting = await createMeeting(c, 'テスト会議S', '2026/11/30 15:00〜16:00');
    await c.run(jst('2026-11-20T12:00')); // the 7-day reminder went out
    await c.bot.restart();
    await c.run(jst('2026-11-24T09:00')); // nothing due for this meeting: nothing re-sent

    // Down from Thursday evening until Friday noon: the 1-business-day reminder (09:00) is late.
    await c.bot.restart();
    c.clock.set(jst('2026-11-27T12:00'));
    await c.tick();
    // Down again from before 14:00 until after the meeting began: the 1-hour reminder is useless.
    await c.bot.restart();
    c.clock.set(jst('2026-11-30T15:10'));
    await c.tick();
    await c.run(jst('2026-12-01T00:00'));

    const moments = byMoment(c, 'テスト会議S');
    const lines = Object.keys(moments);
    assert.equal(lines.length, 2, lines.join('\n'));
    assert.deepEqual(moments[lines[0] ?? ''], everyone(c));
    assert.match(
      lines[0] ?? '',
      new RegExp(`^${jst('2026-11-20T09:00')} \\| 【資料提出のお願い】`),
    );
    assert.deepEqual(moments[lines[1] ?? ''], everyone(c));
    assert.match(lines[1] ?? '', new RegExp(`^${jst('2026-11-27T12:00')} \\| 【開催のお知らせ】`));
    const late = c.posts.filter(
      (p) => p.text.includes('テスト会議S') && p.at === jst('2026-11-27T12:00'),
    );
    assert.ok(late.every((p) => p.text.includes('予定の 令和8年11月27日（金）09:00 より遅れて')));
    const jobs = await c.bot.services.scheduler.jobsInGroup(reminderGroup(meeting.id));
    assert.deepEqual(jobs.map((j) => j.status).sort(), ['done', 'done', 'dropped']);
  });

  it('honours Retry-After on 429: the throttled post goes out once, after the wait; the others are not repeated', async () => {
    // Tuesday 12/1: its 7-day reminder (11/24 09:00) is the only post due at that moment.
    await createMeeting(c, 'テスト会議T', '2026/12/1 15:00〜16:00');
    await c.run(jst('2026-11-23T00:00'));
    c.bot.connector.failNext(429, {
      retryAfterSeconds: 30,
      appliesTo: (call) => call.kind === 'send' && call.conversationId === COMMITTEE_CHANNEL,
    });
    await c.run(jst('2026-11-25T00:00'));
    const posts = c.about('テスト会議T');
    assert.deepEqual(
      posts.map((p) => `${p.at} ${p.to}`).sort(),
      [
        `${jst('2026-11-24T09:00')} ${personal(c.users.bunkaDelegate)}`,
        `${jst('2026-11-24T09:00')} ${personal(c.users.bunkaHead)}`,
        `${jst('2026-11-24T09:00')} ${personal(c.users.kumin)}`,
        `${jst('2026-11-24T09:00:30')} ${COMMITTEE_CHANNEL}`,
      ].sort(),
    );
    const throttled = c.bot.connector.calls.filter((call) => call.status === 429);
    assert.equal(throttled.length, 1);
  });
});
