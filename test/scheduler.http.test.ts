import { strict as assert } from 'node:assert';
import { TestBot } from './harness/test-bot.js';

/** The real BotSender against the fake connector: errors must reach the scheduler unretried. */
describe('sending through the Bot Connector', () => {
  let bot: TestBot;
  beforeEach(async () => {
    bot = await TestBot.start();
  });
  afterEach(() => bot.stop());

  async function member() {
    const user = bot.user('kumin-bucho@city.example.jp');
    await bot.install(user);
    bot.connector.reset();
    return user;
  }

  it('reports 429 with its Retry-After at once, without retrying behind our back', async () => {
    const user = await member();
    bot.connector.failNext(429, { retryAfterSeconds: 7 });
    const result = await bot.services.sender.send(
      { userAadObjectId: user.aadObjectId },
      { text: 'x' },
    );
    assert.deepEqual(result, { ok: false, reason: 'throttled', retryAfterMs: 7000 });
    assert.deepEqual(
      bot.connector.calls.map((c) => c.status),
      [429],
    );
  });

  it('reports a 5xx as a failure to retry later', async () => {
    const user = await member();
    bot.connector.failNext(503);
    const result = await bot.services.sender.send(
      { userAadObjectId: user.aadObjectId },
      { text: 'x' },
    );
    assert.equal(result.ok, false);
    assert.equal(!result.ok && result.reason, 'failed');
    assert.equal(bot.connector.calls.length, 1);
  });

  it('marks the conversation inactive on 403 and does not send there again', async () => {
    const user = await member();
    bot.connector.failNext(403);
    const first = await bot.services.sender.send(
      { userAadObjectId: user.aadObjectId },
      { text: 'x' },
    );
    assert.deepEqual(first, { ok: false, reason: 'gone' });
    const second = await bot.services.sender.send(
      { userAadObjectId: user.aadObjectId },
      { text: 'x' },
    );
    assert.deepEqual(second, { ok: false, reason: 'unreachable' });
    assert.equal(bot.connector.calls.length, 1);
  });
});
