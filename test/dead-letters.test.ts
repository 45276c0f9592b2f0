import { strict as assert } from 'node:assert';
import { ManualClock } from './harness/manual-clock.js';
import { TestBot, cardsOf, textsOf, visibleText } from './harness/test-bot.js';

describe('dead letters', () => {
  let bot: TestBot;
  const clock = new ManualClock('2026-12-01T01:00:00Z'); // 10:00 in Tokyo
  beforeEach(async () => {
    bot = await TestBot.start({ clock });
    bot.services.scheduler.register<{ text: string }>('test.notice', async (ctx) => {
      await ctx.deliver('channel', { conversationId: channelId }, { text: ctx.job.payload.text });
    });
  });
  afterEach(() => bot.stop());
  let channelId = '';

  it('lists a message that failed every retry and sends it again on request', async () => {
    const secretary = bot.user('johokanri-kacho@city.example.jp', 'en-US');
    await bot.install(secretary, { channel: true });
    channelId = '19:committee@thread.tacv2';
    assert.ok(await bot.services.conversations.get(channelId), 'the channel is registered');
    bot.connector.failNext(502, { times: 8 });
    await bot.services.scheduler.schedule({
      key: 'n1',
      kind: 'test.notice',
      payload: { text: 'materials due' },
      dueAt: clock.now(),
    });
    for (let i = 0; i < 8; i++) {
      await bot.services.scheduler.tick();
      clock.advance(2 * 60 * 60 * 1000);
    }
    const list = await bot.say(secretary, 'failed sends');
    const card = cardsOf(list.sent)[0];
    assert.match(visibleText(card), /1 message could not be sent/);
    const jobId = 'job:n1';
    const resend = await bot.execute(secretary, 'scheduler.resend', { jobId });
    assert.match(visibleText((resend.body as { value: unknown }).value), /No message has failed/);
    bot.connector.reset();
    await bot.services.scheduler.tick();
    assert.deepEqual(textsOf(bot.connector.calls), ['materials due']);
  });

  it('lists a reminder whose sends failed until it expired, and sends it late on request', async () => {
    const secretary = bot.user('johokanri-kacho@city.example.jp', 'en-US');
    await bot.install(secretary, { channel: true });
    channelId = '19:committee@thread.tacv2';
    // Teams throttles, then fails every send: the reminder never reaches the channel.
    bot.connector.failNext(429, { times: 1, retryAfterSeconds: 60 });
    bot.connector.failNext(500, { times: 1000 });
    await bot.services.scheduler.schedule({
      key: 'reminder-1h',
      kind: 'test.notice',
      payload: { text: 'the meeting starts in an hour' },
      dueAt: clock.now(),
      notAfter: new Date(clock.now().getTime() + 60 * 60 * 1000),
    });
    for (let i = 0; i < 8; i++) {
      await bot.services.scheduler.tick();
      clock.advance(15 * 60 * 1000);
    }
    bot.connector.clearFaults();
    const [job] = await bot.services.scheduler.deadLetters();
    assert.equal(job?.id, 'job:reminder-1h');
    assert.match(job?.outcome ?? '', /expired undelivered: 1 recipient/);

    const list = await bot.say(secretary, 'failed sends');
    const shown = visibleText(cardsOf(list.sent)[0]);
    assert.match(shown, /1 message could not be sent/);
    assert.match(shown, /Not delivered before .*, when it expired/);
    const ja = bot.user('joho-system@city.example.jp', 'ja-JP');
    assert.match(visibleText(cardsOf((await bot.say(ja, '送信失敗')).sent)[0]), /期限切れ/);

    bot.connector.reset();
    await bot.execute(secretary, 'scheduler.resend', { jobId: 'job:reminder-1h' });
    await bot.services.scheduler.tick();
    assert.deepEqual(textsOf(bot.connector.calls), ['the meeting starts in an hour']);
  });

  it('drops quietly a job that expired while the bot was down, without a failed send', async () => {
    await bot.services.scheduler.schedule({
      key: 'missed',
      kind: 'test.notice',
      payload: { text: 'too late' },
      dueAt: clock.now(),
      notAfter: new Date(clock.now().getTime() + 60 * 1000),
    });
    clock.advance(2 * 60 * 60 * 1000);
    await bot.services.scheduler.tick();
    assert.deepEqual(await bot.services.scheduler.deadLetters(), []);
    const [job] = await bot.services.scheduler.jobsInGroup('none');
    assert.equal(job, undefined);
  });

  it('is for the secretariat and the chair only', async () => {
    const member = bot.user('kumin-bucho@city.example.jp', 'ja-JP');
    const [reply] = textsOf((await bot.say(member, '送信失敗')).sent);
    assert.match(reply ?? '', /本部長または事務局のみ/);
  });
});
