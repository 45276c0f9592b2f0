import { strict as assert } from 'node:assert';
import { ManualClock } from './harness/manual-clock.js';
import { runUntil } from './harness/run-until.js';
import { actionsOf, invokeCard } from './harness/survey-cards.js';
import { cardsOf, TestBot, textsOf, visibleText } from './harness/test-bot.js';
import type { TestUser } from './harness/teams.js';

/** Monday 30 November 2026, 09:00 in Tokyo; the demo's 第3回 meets three weeks later. */
const START = '2026-11-30T00:00:00Z';
/** The materials reminder of 第3回, 7 days before: Monday 14 December, 09:00 in Tokyo. */
const MATERIALS = '2026-12-14T00:00:00.000Z';

describe('outbox (送信予定): what is about to be sent', () => {
  let bot: TestBot;
  let clock: ManualClock;
  let secretary: TestUser;
  beforeEach(async () => {
    clock = new ManualClock(START);
    bot = await TestBot.start({ clock });
    secretary = bot.user('johokanri-kacho@city.example.jp');
    await bot.say(secretary, 'ヘルプ', { channel: true }); // registers the committee channel
  });
  afterEach(() => bot.stop());

  const materialsJob = async () => {
    const meeting = await bot.services.meetings.find('2');
    const jobs = await bot.services.jobControls.upcoming(new Date('2026-12-31T00:00:00Z'));
    const job = jobs.find(
      (j) =>
        j.kind === 'meeting.reminder' &&
        j.dueAt === MATERIALS &&
        j.group?.includes(meeting?.id ?? '?'),
    );
    assert.ok(job, 'the materials reminder of 第3回 is planned');
    return job;
  };
  const notices = () =>
    textsOf(bot.connector.calls)
      .concat(cardsOf(bot.connector.calls).map(visibleText))
      .filter((text) => text.includes('【資料提出のお願い】'));

  it('lists the next 14 days: when, what, for which meeting, to whom, with hold and send-now', async () => {
    const [card] = cardsOf((await bot.say(secretary, '送信予定')).sent);
    const text = visibleText(card);
    assert.match(text, /^送信予定（今後14日間）/);
    assert.match(
      text,
      /令和8年12月14日（月）09:00\n会議のリマインダー：#2 令和8年度 第3回 行政情報化推進本部\n宛先: 委員会チャネルと出席部署の部長・代理/,
    );
    assert.match(text, /宿題の期限前・期限切れの確認と本部長への報告/);
    assert.doesNotMatch(text, /令和8年12月(1[5-9]|2\d)日|令和9年/, 'nothing beyond 14 days');
    const verbs = new Set(actionsOf(card).map((a) => a['verb']));
    assert.deepEqual([...verbs].sort(), ['outbox.hold', 'outbox.sendNow']);

    const en = visibleText(
      cardsOf(
        (await bot.say(bot.user('johokanri-kacho@city.example.jp', 'en-US'), 'scheduled')).sent,
      )[0],
    );
    assert.match(en, /2026-12-14 \(Mon\) 09:00\nMeeting reminder: #2 /);

    const member = await bot.say(bot.user('kumin-bucho@city.example.jp'), '送信予定');
    assert.match(textsOf(member.sent).join(''), /本部長または事務局のみ/);
  });

  it('a held reminder is not sent when due; released it goes as planned, or at once with send-now', async () => {
    const job = await materialsJob();
    const held = invokeCard((await bot.execute(secretary, 'outbox.hold', { jobId: job.id })).body);
    assert.match(visibleText(held), /保留しました。解除するまで送りません。/);
    assert.match(visibleText(held), /保留中/);
    assert.ok(actionsOf(held).some((a) => a['verb'] === 'outbox.release'));

    // Planning it again (a restart, a replan) keeps it held.
    const { id: _id, kind, group, payload, dueAt } = job;
    await bot.services.scheduler.schedule({
      key: job.id.replace(/^job:/, ''),
      kind,
      ...(group ? { group } : {}),
      payload,
      dueAt: new Date(dueAt),
    });
    await runUntil(clock, bot.services.scheduler, '2026-12-14T03:00:00Z');
    assert.deepEqual(notices(), [], 'nothing went out while held');
    assert.equal((await bot.services.jobControls.get(job.id))?.status, 'held');

    const released = invokeCard(
      (await bot.execute(secretary, 'outbox.release', { jobId: job.id })).body,
    );
    assert.match(visibleText(released), /保留を解除しました/);
    const sent = invokeCard(
      (await bot.execute(secretary, 'outbox.sendNow', { jobId: job.id })).body,
    );
    assert.match(visibleText(sent), /送信しました。/);
    assert.equal(notices().length >= 1, true, 'the reminder went out');
    assert.equal((await bot.services.jobControls.get(job.id))?.status, 'done');

    const again = invokeCard((await bot.execute(secretary, 'outbox.hold', { jobId: job.id })).body);
    assert.match(visibleText(again), /すでに送信されたか、取り消されています/);
  });
});
