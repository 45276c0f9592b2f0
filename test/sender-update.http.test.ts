import { strict as assert } from 'node:assert';
import { TestBot } from './harness/test-bot.js';

/** Sender.update through the real BotSender: PUT …/activities/{id}, errors as SendResults. */
describe('updating a posted message through the Bot Connector', () => {
  let bot: TestBot;
  beforeEach(async () => {
    bot = await TestBot.start();
  });
  afterEach(() => bot.stop());

  async function posted() {
    const user = bot.user('kumin-bucho@city.example.jp');
    await bot.install(user);
    const sent = await bot.services.sender.send(
      { userAadObjectId: user.aadObjectId },
      { text: '回答 0 / 10 部署' },
    );
    assert.ok(sent.ok && sent.activityId);
    bot.connector.reset();
    return { user, conversationId: sent.conversationId, activityId: sent.activityId };
  }

  it('replaces the message in place', async () => {
    const { conversationId, activityId } = await posted();
    const result = await bot.services.sender.update(conversationId, activityId, {
      text: '回答 1 / 10 部署',
    });
    assert.deepEqual(result, { ok: true, conversationId, activityId });
    const [call] = bot.connector.calls;
    assert.equal(call?.kind, 'update');
    assert.equal(call?.method, 'PUT');
    assert.equal(
      call?.path,
      `/v3/conversations/${encodeURIComponent(conversationId)}/activities/${activityId}`,
    );
    assert.equal(call?.body?.['text'], '回答 1 / 10 部署');
    assert.equal(call?.body?.['id'], activityId);
  });

  it('reports a deleted message as gone without giving up the conversation', async () => {
    const { conversationId, activityId } = await posted();
    bot.connector.failNext(404, { appliesTo: (c) => c.kind === 'update' });
    const result = await bot.services.sender.update(conversationId, activityId, { text: 'x' });
    assert.deepEqual(result, { ok: false, reason: 'gone' });
    const record = await bot.services.conversations.get(conversationId);
    assert.equal(record?.active, true);
  });

  it('reports 429 with its Retry-After, and an unknown conversation as unreachable', async () => {
    const { conversationId, activityId } = await posted();
    bot.connector.failNext(429, { retryAfterSeconds: 3, appliesTo: (c) => c.kind === 'update' });
    assert.deepEqual(await bot.services.sender.update(conversationId, activityId, { text: 'x' }), {
      ok: false,
      reason: 'throttled',
      retryAfterMs: 3000,
    });
    assert.deepEqual(await bot.services.sender.update('a:unknown', activityId, { text: 'x' }), {
      ok: false,
      reason: 'unreachable',
    });
  });
});
